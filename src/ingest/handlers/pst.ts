/**
 * Outlook data files (.pst, .ost) through readpst (Debian pst-utils): every message becomes a child e-mail named after
 * its folder ("box.pst!/Personal Folders/Inbox/3.eml"), with its attachments as its own children; contacts and
 * calendar items come out as .vcf and .ics children.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { runTool, tools } from '../archive/bsdtar.js';
import { asciiHead, newDocument, toWarning } from '../document.js';
import { IngestFailure, type FormatHandler, type HandlerInput } from '../handler.js';

/** Reads a PST or OST file; its text lists the items by folder. */
export const pstHandler: FormatHandler = {
  name: 'pst',
  extensions: ['.pst', '.ost'],
  container: true,
  sniff: (head) => asciiHead(head, 4) === '!BDN',
  async read(input) {
    const dir = await mkdtemp(join(tmpdir(), 'cablegraph-pst-'));
    try {
      const file = join(dir, 'input.pst');
      const out = join(dir, 'out');
      await writeFile(file, input.bytes, { mode: 0o600 });
      await mkdir(out, { mode: 0o700 });
      const said: Buffer[] = [];
      // -e: one .eml per message (folders as directories); -8: UTF-8 bodies; -b: no RTF copies of bodies; -D: deleted
      // items too, which an investigation wants; -q: quiet.
      const run = await runTool(tools.readpst, ['-e', '-8', '-b', '-D', '-q', '-o', out, file], input.path, (chunk) => {
        if (said.length < 16) said.push(chunk);
        return true;
      }, { debianPackage: 'pst-utils' });
      if (run.code !== 0) {
        const reason = `${Buffer.concat(said).toString('utf8')}\n${run.stderr}`.split('\n').map((l) => l.trim()).find(Boolean) ?? `readpst exited with ${run.code}`;
        throw new IngestFailure('corrupt-pst', `${input.path} is not a readable Outlook data file: ${reason}.`);
      }
      return await readItems(input, out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function readItems(input: HandlerInput, out: string): Promise<ExtractedDocument> {
  const files = await listFiles(out, '');
  if (files.length > input.limits.maxArchiveEntries) {
    throw new IngestFailure('too-many-entries', `${input.path} holds ${files.length} items, more than the limit of ${input.limits.maxArchiveEntries}.`);
  }
  const budget = input.budget ?? { remaining: input.limits.maxArchiveBytes };
  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  for (const name of files) {
    const path = `${input.path}!/${name}`;
    const size = (await stat(join(out, name))).size;
    if (size > input.limits.maxFileBytes) {
      warnings.push({ path, code: 'too-large', message: `${path} is ${size} bytes, more than the ${input.limits.maxFileBytes}-byte limit for one file; it was skipped.` });
      continue;
    }
    if (size > budget.remaining) throw new IngestFailure('zip-bomb', `${input.path} unpacks to more than ${input.limits.maxArchiveBytes} bytes in all (at ${path}); the rest was not read.`);
    budget.remaining -= size;
    try {
      children.push(await input.readChild(path, withoutPlaceholderSender(await readFile(join(out, name)))));
    } catch (err) {
      warnings.push(toWarning(path, err));
    }
  }
  return newDocument(input, 'pst', files.join('\n'), { mimeType: 'application/vnd.ms-outlook-pst', children, warnings });
}

// Folders first in name order, items in their number order ("2.eml" before "10.eml"), as Outlook lists them.
async function listFiles(root: string, prefix: string): Promise<string[]> {
  const entries = (await readdir(join(root, prefix), { withFileTypes: true }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

// readpst writes "From: <MAILER-DAEMON>" for a message stored without a sender; that is no one, so the header goes.
function withoutPlaceholderSender(bytes: Buffer): Uint8Array {
  const head = bytes.subarray(0, 8192).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const m = /(?:^|\n)(From: <MAILER-DAEMON>\r?\n)/.exec(end >= 0 ? head.slice(0, end + 1) : head);
  if (!m) return new Uint8Array(bytes);
  const at = m.index + m[0].length - m[1]!.length;
  return new Uint8Array(Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m[1]!.length)]));
}
