/**
 * Ingests every file of a folder (Apache Tika's test documents, kept outside this repository) one at a time into a
 * scratch SQLite store and reports what became of each, flagging what a user should never see:
 *
 *   node --import tsx scripts/formats/tika-sweep.ts DIR [--db FILE] [--timeout SECONDS] [--no-ocr] [--only TEXT]
 *                                                      [--json FILE] [--quiet]
 *
 * DIR: e.g. the tika-parsers/**\/src/test/resources/test-documents/ folders of github.com/apache/tika written out
 * blob by blob (`git ls-tree -r HEAD` then `git cat-file blob OBJ > DIR/NAME`). Each file is ingested with the
 * pipeline (ingestPaths: OCR on unless --no-ocr, no extraction stages) in a child process, into a collection of its
 * own; a file not done within --timeout seconds (default 240) is a hang: the child is killed and the next file gets a
 * fresh one. Per file: stored (documents, characters, children, warnings) or failed (code, reason), and the flags
 *   raw-xml       a stored document whose text is XML source (starts with `<?xml`/a doctype, or is mostly tags)
 *   garbled       a document whose text is mostly control, private-use or replacement characters, without the
 *                 `garbled-text` warning
 *   crash         an internal error (an exception no handler turned into a reason), a reason that is a runtime
 *                 error message ("Cannot read properties of null"), or a crashed child
 *   hang          the per-file timeout
 *   encrypted     a file whose name says it is password-protected, not refused (or warned) as `encrypted`, and
 *                 refused for another reason or stored without text
 *   mojibake      text decoded in the wrong code page ("Ã©", "â€™" runs)
 * then a table by extension. --json writes every file's outcome (for a before/after comparison).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { stopLibreOffice } from '../../src/ingest/office/libreoffice.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StoredDocument } from '../../src/model/document.js';
import { sweepFlags } from './sweep-flags.js';

/** What one file gave. */
export interface FileOutcome {
  file: string;
  ext: string;
  status: 'stored' | 'failed' | 'hang' | 'crash';
  documents: number;
  chars: number;
  children: number;
  /** The root's failure (code and reason) when the file was refused. */
  code?: string;
  reason?: string;
  /** Failure and warning codes of members and pages (`member-failed:corrupt-docx`, `garbled-text`). */
  notes: string[];
  flags: string[];
  seconds: number;
}

interface ChildRequest { index: number; path: string; ocr: boolean }

const self = fileURLToPath(import.meta.url);

async function childMain(db: string): Promise<void> {
  const store = new SqliteStore(db);
  await store.migrate();
  process.on('message', (msg: ChildRequest | 'stop') => {
    // The end of the sweep: LibreOffice runs in a session of its own, so it is stopped here rather than killed with us.
    if (msg === 'stop') {
      void stopLibreOffice().finally(() => process.exit(0));
      return;
    }
    void sweepOne(store, msg).then((outcome) => process.send?.(outcome), (err: unknown) => {
      process.send?.({ file: msg.path, status: 'crash', reason: err instanceof Error ? err.stack ?? err.message : String(err) });
    });
  });
  process.send?.('ready');
}

async function sweepOne(store: SqliteStore, req: ChildRequest): Promise<Omit<FileOutcome, 'file' | 'ext'>> {
  const started = performance.now();
  const collection = `f${req.index}`;
  const internal: string[] = [];
  const summary = await ingestPaths([req.path], {
    store, collection, readAhead: false, ocr: { enabled: req.ocr }, log: (m) => internal.push(m.split('\n')[0] ?? m),
  });
  const docs: StoredDocument[] = [];
  const scope = { collections: [collection] };
  for (let offset = 0; ; offset += 500) {
    const page = await store.listDocuments(scope, 500, offset);
    for (const s of page.items) {
      const doc = await store.getDocument(s.id, scope);
      if (doc) docs.push(doc);
    }
    if (page.items.length < 500) break;
  }
  const root = docs.find((d) => d.parentId === null);
  const rootFailure = summary.failed.find((f) => f.path === req.path);
  const memberFailures = summary.failed.filter((f) => f !== rootFailure);
  const notes = [
    ...(root && rootFailure ? [`failure:${rootFailure.code}`] : []),
    ...memberFailures.map((f) => `member-failed:${f.code}`),
    ...docs.flatMap((d) => d.warnings.map((w) => w.code)),
  ];
  const flags = sweepFlags(req.path, docs, [...summary.failed, ...docs.flatMap((d) => d.warnings)]);
  if (internal.length > 0 || summary.failed.some((f) => f.code === 'internal-error')) flags.push('crash');
  return {
    status: root ? 'stored' : 'failed',
    documents: docs.length,
    chars: docs.reduce((n, d) => n + d.text.length, 0),
    children: docs.filter((d) => d.parentId !== null).length,
    ...(root ? {} : rootFailure ? { code: rootFailure.code, reason: rootFailure.message } : { code: '(none)', reason: 'nothing stored and no failure reported' }),
    notes: [...new Set(notes)],
    flags: [...new Set(flags)],
    seconds: (performance.now() - started) / 1000,
  };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** Extension as the table groups it: lower case, the last one (`tar.gz` files under `gz`), `(none)` without one. */
function extOf(path: string): string {
  return extname(path).slice(1).toLowerCase() || '(none)';
}

class Child {
  private proc: ChildProcess | undefined;

  constructor(private readonly db: string) {}

  async run(req: ChildRequest, timeoutMs: number): Promise<Omit<FileOutcome, 'file' | 'ext'>> {
    const proc = this.proc ?? await this.start();
    const started = performance.now();
    return new Promise((done) => {
      const finish = (outcome: Omit<FileOutcome, 'file' | 'ext'>) => {
        clearTimeout(timer);
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        done(outcome);
      };
      const seconds = () => (performance.now() - started) / 1000;
      const failed = (status: 'hang' | 'crash', reason: string) => ({ status, documents: 0, chars: 0, children: 0, code: status, reason, notes: [], flags: [status], seconds: seconds() });
      const onMessage = (msg: Omit<FileOutcome, 'file' | 'ext'>) => finish(msg.status === 'crash' ? failed('crash', msg.reason ?? '') : msg);
      const onExit = (code: number | null, signal: string | null) => {
        this.proc = undefined;
        finish(failed('crash', `the ingesting process exited (${signal ?? `code ${code}`})`));
      };
      const timer = setTimeout(() => {
        proc.off('exit', onExit);
        this.stop();
        finish(failed('hang', `not done after ${timeoutMs / 1000} s`));
      }, timeoutMs);
      proc.on('message', onMessage);
      proc.on('exit', onExit);
      proc.send(req);
    });
  }

  /** Asks the child to stop its tools and exit; killed after 10 s. */
  async finish(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.send('stop');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000).unref())]);
    this.stop();
  }

  /** Kills the child and its process group (a hang: a soffice in a session of its own may outlive it). */
  stop(): void {
    const proc = this.proc;
    this.proc = undefined;
    if (proc?.pid === undefined) return;
    // The child leads its own process group: its tools (soffice, tesseract, bsdtar) go with it.
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { proc.kill('SIGKILL'); }
  }

  private start(): Promise<ChildProcess> {
    const proc = fork(self, ['--child', this.db], { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.proc = proc;
    return new Promise((ready, fail) => {
      proc.once('message', () => ready(proc));
      proc.once('error', fail);
    });
  }
}

function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

function printTable(outcomes: FileOutcome[]): void {
  const byExt = new Map<string, FileOutcome[]>();
  for (const o of outcomes) byExt.set(o.ext, [...(byExt.get(o.ext) ?? []), o]);
  const rows = [...byExt].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  console.log(`\n${pad('ext', 10)}${pad('files', 7)}${pad('stored', 8)}${pad('failed', 8)}${pad('flagged', 9)}failure codes / flags`);
  const codes = (list: FileOutcome[], pick: (o: FileOutcome) => string[]) => {
    const counts = new Map<string, number>();
    for (const o of list) for (const c of pick(o)) counts.set(c, (counts.get(c) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
  };
  for (const [ext, list] of rows) {
    const stored = list.filter((o) => o.status === 'stored').length;
    const flagged = list.filter((o) => o.flags.length > 0).length;
    const detail = [codes(list, (o) => (o.code ? [o.code] : [])), codes(list, (o) => o.flags.map((f) => `!${f}`))].filter(Boolean).join('; ');
    console.log(`${pad(ext, 10)}${pad(list.length, 7)}${pad(stored, 8)}${pad(list.length - stored, 8)}${pad(flagged, 9)}${detail}`);
  }
  const stored = outcomes.filter((o) => o.status === 'stored').length;
  const flagCounts = codes(outcomes, (o) => o.flags);
  console.log(`\n${outcomes.length} files: ${stored} stored, ${outcomes.length - stored} refused; flagged ${outcomes.filter((o) => o.flags.length).length}${flagCounts ? ` (${flagCounts})` : ''}`);
  console.log(`refusals: ${codes(outcomes, (o) => (o.code ? [o.code] : []))}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const valued = new Set(['--db', '--timeout', '--only', '--json']);
  const dirArg = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  if (!dirArg) {
    console.log('Usage: node --import tsx scripts/formats/tika-sweep.ts DIR [--db FILE] [--timeout SECONDS] [--no-ocr] [--only TEXT] [--json FILE] [--quiet]');
    process.exit(64);
  }
  const dir = resolve(dirArg);
  const scratch = value('--db') ? undefined : mkdtempSync(join(tmpdir(), 'tika-sweep-'));
  const db = resolve(value('--db') ?? join(scratch!, 'sweep.db'));
  const timeoutMs = Number(value('--timeout') ?? 240) * 1000;
  const only = value('--only');
  const files = listFiles(dir).filter((f) => !only || relative(dir, f).includes(only));
  const child = new Child(db);
  const outcomes: FileOutcome[] = [];
  try {
    for (const [index, path] of files.entries()) {
      const file = relative(dir, path);
      const size = statSync(path).size;
      const result = await child.run({ index, path, ocr: !args.includes('--no-ocr') }, timeoutMs);
      const outcome: FileOutcome = { file, ext: extOf(path), ...result };
      outcomes.push(outcome);
      if (!args.includes('--quiet')) {
        const what = outcome.status === 'stored'
          ? `stored\t${outcome.documents} docs, ${outcome.chars} chars, ${outcome.children} children`
          : `${outcome.status}\t${outcome.code}: ${(outcome.reason ?? '').replace(/\s+/gu, ' ').slice(0, 200)}`;
        const extra = [...outcome.notes, ...outcome.flags.map((f) => `!${f}`)].join(' ');
        console.log(`${file}\t${size}\t${outcome.seconds.toFixed(1)}s\t${what}${extra ? `\t${extra}` : ''}`);
      }
    }
  } finally {
    await child.finish();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  printTable(outcomes);
  const json = value('--json');
  if (json) writeFileSync(json, `${JSON.stringify(outcomes, null, 1)}\n`);
}

if (process.argv[2] === '--child') await childMain(process.argv[3]!);
else await main();
