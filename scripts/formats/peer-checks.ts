/**
 * Reruns the checks of scripts/formats/peer-checks.tsv (assertions restated from the tests of Aleph's ingestor,
 * alephdata/ingest-file) on that ingestor's fixtures, which stay outside the repository:
 *
 *   node --import tsx scripts/formats/peer-checks.ts DIR [--only NAME] [--verbose]   (NAME: a fixture, extension optional)
 *
 * DIR holds the fixtures as in their tests/fixtures/ folder, e.g. written blob by blob from a clone:
 * `git ls-tree -r HEAD tests/fixtures` then `git cat-file blob OBJ > DIR/NAME` for each (a snapshot may lack a few large
 * blobs, such as very_complex_math_book.pdf; no check uses those). Each fixture is ingested alone with the
 * pipeline (ingestPaths, OCR on, no extraction stages) into a temporary SQLite store; the checks then read what was
 * stored and what was refused. Prints one line per check and the total. Without DIR the script says so and exits 0.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import type { StoredDocument, IngestError } from '../../src/model/document.js';

interface Check { fixture: string; kind: string; arg: string; from: string }

/**
 * What one fixture gave: its stored documents (roots first), the places found under the root (document_locations: one
 * per member, so three identical sheets count three though they are one document) and the failures reported.
 */
interface Outcome { docs: StoredDocument[]; rootChildren: number; failed: IngestError[]; error?: string }

function readChecks(): Check[] {
  const table = readFileSync(new URL('./peer-checks.tsv', import.meta.url), 'utf8');
  return table.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((line) => {
    const [fixture = '', kind = '', arg = '', from = ''] = line.split('\t');
    return { fixture, kind, arg, from };
  });
}

async function ingestFixture(path: string): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'peer-check-'));
  const store = new SqliteStore(join(dir, 'store.db'));
  try {
    await store.migrate();
    const summary = await ingestPaths([path], { store, readAhead: false });
    const docs: StoredDocument[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await store.listDocuments(ALL_COLLECTIONS, 500, offset);
      for (const s of page.items) {
        const doc = await store.getDocument(s.id, ALL_COLLECTIONS);
        if (doc) docs.push(doc);
      }
      if (page.items.length < 500) break;
    }
    docs.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    const root = docs.find((d) => d.parentId === null);
    const rootChildren = root ? (await store.listChildren(root.id, ALL_COLLECTIONS)).length : 0;
    return { docs, rootChildren, failed: summary.failed };
  } catch (err) {
    return { docs: [], rootChildren: 0, failed: [], error: err instanceof Error ? err.message : String(err) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const nfc = (s: string) => s.normalize('NFC');
const spaced = (s: string) => s.replace(/\s+/gu, ' ');

function descendants(o: Outcome, root: StoredDocument): StoredDocument[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...o.docs.filter((d) => d.parentId === out[i]?.id));
  return out;
}

function pageText(doc: StoredDocument, n: number): string {
  const starts = doc.pages.length ? doc.pages : [0];
  return doc.text.slice(starts[n - 1] ?? doc.text.length, starts[n] ?? doc.text.length);
}

/** Evaluates one check; returns null when it passes, else what was seen. */
function evaluate(check: Check, o: Outcome): string | null {
  const root = o.docs.find((d) => d.parentId === null);
  const rootFailure = o.failed.find((f) => !root || f.path === root.path) ?? (root ? undefined : o.failed[0]);
  const allText = root ? descendants(o, root).map((d) => nfc(d.text)) : [];
  const arg = nfc(check.arg);
  const needRoot = (): string | null => (root ? null : `not stored: ${rootFailure ? `${rootFailure.code}: ${rootFailure.message}` : o.error ?? 'nothing stored'}`);
  switch (check.kind) {
    case 'stored': return needRoot();
    case 'refused':
      if (root) return `stored as ${root.format}`;
      if (!rootFailure) return `no failure reported${o.error ? ` (${o.error})` : ''}`;
      return arg === '*' || rootFailure.code === arg ? null : `refused as ${rootFailure.code}: ${rootFailure.message}`;
    case 'format': return needRoot() ?? (arg.split('|').includes(root!.format) ? null : `format ${root!.format}`);
    case 'mime': return needRoot() ?? (root!.mimeType === arg ? null : `mime ${root!.mimeType ?? '(none)'}`);
    case 'title': return needRoot() ?? (root!.title === arg ? null : `title ${JSON.stringify(root!.title)}`);
    case 'title~': return needRoot() ?? (root!.title?.includes(arg) ? null : `title ${JSON.stringify(root!.title)}`);
    case 'published': return needRoot() ?? (root!.published === arg ? null : `published ${root!.published ?? '(none)'}`);
    // Whitespace compared as one space: the peer joins blocks (a heading and its paragraph) with a space, we keep
    // them apart as paragraphs; the words and their order are what is checked.
    case 'text': return needRoot() ?? (allText.some((t) => spaced(t).includes(spaced(arg))) ? null : 'text not found');
    case 'text-ci': return needRoot() ?? (allText.some((t) => t.toLowerCase().includes(arg.toLowerCase())) ? null : 'text not found');
    case 'digits': return needRoot() ?? (allText.some((t) => t.replace(/\D+/gu, '').includes(arg)) ? null : 'digits not found');
    case 'no-text': {
      const seen = o.docs.some((d) => d.text.includes(arg)) || o.failed.some((f) => f.message.includes(arg));
      return seen ? 'found' : null;
    }
    case 'no-line': return o.docs.some((d) => d.text.split('\n').some((l) => l.trim() === arg)) ? 'found as a line' : null;
    case 'pages': {
      const pages = root ? Math.max(1, root.pages.length) : 0;
      return needRoot() ?? (pages === Number(arg) ? null : `${pages} pages`);
    }
    case 'page-text':
    case 'page-text-ci': {
      const [n = '1', ...rest] = arg.split('|');
      const want = rest.join('|');
      const fold = check.kind === 'page-text-ci' ? (s: string) => s.toLowerCase() : (s: string) => s;
      if (needRoot()) return needRoot();
      const page = nfc(pageText(root!, Number(n)));
      return fold(page).includes(fold(want)) ? null : `page ${n}: ${JSON.stringify(page.replace(/\s+/gu, ' ').slice(0, 160))}`;
    }
    case 'children':
    case 'children+': {
      if (needRoot()) return needRoot();
      const n = o.rootChildren;
      const ok = check.kind === 'children' ? n === Number(arg) : n >= Number(arg);
      return ok ? null : `${n} children`;
    }
    case 'child-title': {
      if (needRoot()) return needRoot();
      const titles = o.docs.filter((d) => d.parentId === root!.id).map((d) => d.title);
      return titles.includes(arg) ? null : `children titled ${JSON.stringify(titles)}`;
    }
    case 'lines': {
      if (needRoot()) return needRoot();
      const [title = '', n = '0'] = arg.split('|');
      const doc = title ? o.docs.find((d) => d.parentId === root!.id && d.title === title) : root!;
      if (!doc) return `no child titled ${title}`;
      const lines = doc.text.split('\n').filter((l) => l.trim()).length;
      return lines === Number(n) ? null : `${lines} lines`;
    }
    case 'clean': {
      if (needRoot()) return needRoot();
      const problems = [...o.failed, ...descendants(o, root!).flatMap((d) => d.warnings)];
      return problems.length ? problems.map((p) => `${p.path.split('!/').pop()}: ${p.code}`).join('; ') : null;
    }
    default: return `unknown check "${check.kind}"`;
  }
}

const args = process.argv.slice(2);
const dirArg = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--only');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const verbose = args.includes('--verbose');
if (!dirArg || !existsSync(dirArg)) {
  console.log(`peer checks skipped: no fixture folder${dirArg ? ` at ${dirArg}` : ''}. Usage: node --import tsx scripts/formats/peer-checks.ts DIR`);
  console.log('DIR: the tests/fixtures/ folder of github.com/alephdata/ingest-file (kept outside this repository).');
  process.exit(0);
}
const dir = resolve(dirArg);
// --only names a fixture with or without its extension ("staff_list" or "staff_list.xlsx").
const checks = readChecks().filter((c) => !only || c.fixture === only || c.fixture.replace(/\.[^.]+$/u, '') === only);
const outcomes = new Map<string, Outcome>();
let passed = 0;
let missing = 0;
for (const check of checks) {
  const path = join(dir, check.fixture);
  if (!existsSync(path)) {
    missing++;
    console.log(`SKIP\t${check.fixture}\t${check.kind} ${check.arg}\tfixture absent`);
    continue;
  }
  let outcome = outcomes.get(check.fixture);
  if (!outcome) {
    outcome = await ingestFixture(path);
    outcomes.set(check.fixture, outcome);
    if (verbose) console.error(`${check.fixture}: ${outcome.docs.length} documents, failed ${JSON.stringify(outcome.failed.map((f) => f.code))}`);
  }
  const problem = evaluate(check, outcome);
  if (problem === null) passed++;
  console.log(`${problem === null ? 'PASS' : 'FAIL'}\t${check.fixture}\t${check.kind} ${check.arg}${problem === null ? '' : `\t${problem}`}`);
}
console.log(`\n${passed} of ${checks.length} checks pass${missing ? ` (${missing} skipped: fixture absent)` : ''}; the issue counted 46 of 87 with an earlier table.`);
