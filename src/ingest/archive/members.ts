/**
 * Reads the members of any archive libarchive knows (7z, rar, tar and compressed tars, iso) with the zip handler's
 * protections: member count, bytes unpacked in all, expansion ratio, per-file size, names or links pointing outside.
 */
import { posix } from 'node:path';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { decodeLegacyName, isWellFormedUtf8 } from '../decode.js';
import { toWarning } from '../document.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { runTool, tools } from './bsdtar.js';
import { rarIsEncrypted } from './rar-encryption.js';
import { TarStream, type EntryDecision, type TarEntry } from './tar-stream.js';

/** What an archive held: member names in order, their documents, and what could not be read. */
export interface ArchiveContents {
  names: string[];
  children: ExtractedDocument[];
  warnings: IngestError[];
}

// As for zips: small members compress extremely well when they are padding or repeated text.
const RATIO_MIN_BYTES = 1024 * 1024;

/**
 * Converts the archive in `file` to a pax stream with bsdtar (never extracting to disk) and reads each file member as
 * a child. Throws IngestFailure "too-many-entries", "zip-slip", "zip-bomb", "encrypted" or "corrupt-archive" for the
 * archive as a whole; a member that fails on its own becomes a warning.
 */
export async function readArchiveMembers(input: HandlerInput, file: string, label: string): Promise<ArchiveContents> {
  const out: ArchiveContents = { names: [], children: [], warnings: [] };
  const budget = input.budget ?? { remaining: input.limits.maxArchiveBytes };
  let entries = 0;
  let unpacked = 0;
  const decide = (entry: TarEntry): EntryDecision => {
    if (++entries > input.limits.maxArchiveEntries) {
      throw new IngestFailure('too-many-entries', `${input.path} has more than ${input.limits.maxArchiveEntries} entries, the limit.`);
    }
    const name = memberName(entry.name);
    checkName(input.path, name, name);
    if (entry.kind === 'link') {
      const link = memberName(entry.link ?? Buffer.alloc(0));
      checkName(input.path, name, link.startsWith('/') ? link : posix.join(posix.dirname(name), link));
    }
    if (entry.kind !== 'file' || name === '') return 'skip';
    out.names.push(name);
    const where = `${input.path}!/${name}`;
    if (entry.size > input.limits.maxFileBytes) {
      out.warnings.push({ path: where, code: 'too-large', message: `${where} is ${entry.size} bytes, more than the ${input.limits.maxFileBytes}-byte limit for one file; it was skipped.` });
      return 'skip';
    }
    if (entry.size > budget.remaining) {
      throw new IngestFailure('zip-bomb', `${input.path} would unpack to more than ${input.limits.maxArchiveBytes} bytes in all (at ${where}); the archive is refused as a likely archive bomb.`);
    }
    unpacked += entry.size;
    const ratio = unpacked / Math.max(1, input.bytes.byteLength);
    if (unpacked > RATIO_MIN_BYTES && ratio > input.limits.maxCompressionRatio) {
      throw new IngestFailure('zip-bomb', `${input.path} expands ${Math.round(ratio)}-fold by ${where} (limit ${input.limits.maxCompressionRatio}); the archive is refused as a likely archive bomb.`);
    }
    budget.remaining -= entry.size;
    return 'read';
  };
  const stream = new TarStream(input.path, decide, async (entry, data) => {
    const path = `${input.path}!/${memberName(entry.name)}`;
    try {
      out.children.push(await input.readChild(path, data));
    } catch (err) {
      out.warnings.push(toWarning(path, err));
    }
  });
  // -P keeps names as stored ("../x", "/etc/x") so they are refused here rather than silently rewritten.
  // The stream is read to its end even after the end-of-archive blocks, so the exit code tells whether bsdtar failed.
  const run = await runTool(tools.bsdtar, ['-c', '-f', '-', '--format', 'pax', '-P', `@${file}`], input.path, async (chunk) => {
    await stream.push(chunk);
    return true;
  });
  if (run.code !== 0) {
    const failure = label === 'rar' && rarIsEncrypted(input.bytes) ? encrypted(input.path, label) : await diagnose(input.path, file, label, run.stderr);
    if (out.names.length === 0) throw failure;
    out.warnings.push({ path: input.path, code: failure.code, message: `${failure.message} The members listed before it were read.` });
  }
  return out;
}

// bsdtar reports a member it cannot decrypt as "(null)" when converting; extracting the archive to nowhere names
// the reason ("The file content is encrypted"). That run reads at most what the budget allows.
async function diagnose(path: string, file: string, label: string, stderr: string): Promise<IngestFailure> {
  let reason = stderr;
  if (!/encrypt/i.test(reason)) {
    let seen = 0;
    const run = await runTool(tools.bsdtar, ['-x', '-O', '-f', file], path, (chunk) => (seen += chunk.length) < 64 * 1024 * 1024);
    reason = `${stderr}\n${run.stderr}`;
  }
  if (/encrypt|passphrase|password/i.test(reason)) return encrypted(path, label);
  const line = reason.split('\n').map((l) => l.replace(/^bsdtar: /, '').trim()).find((l) => l && l !== '(null)' && !/Error exit delayed/.test(l));
  return new IngestFailure('corrupt-archive', `${path} is a damaged ${label} archive: ${line ?? 'bsdtar could not read it'}.`);
}

function encrypted(path: string, label: string): IngestFailure {
  return new IngestFailure('encrypted', `${path} is an encrypted ${label} archive; ask for the password or a decrypted copy.`);
}

/** A member's name: UTF-8 when well-formed, else the likeliest legacy code page; "./" prefixes and backslashes normalised. */
function memberName(raw: Buffer): string {
  const name = isWellFormedUtf8(raw) ? raw.toString('utf8') : decodeLegacyName(raw);
  return name.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

function checkName(path: string, name: string, target: string): void {
  const unsafe = target.startsWith('/') || /^[a-z]:/i.test(target) || target.split('/').includes('..');
  if (unsafe) {
    const what = name === target ? `an entry that points outside the archive ("${name}")` : `a link "${name}" that points outside the archive`;
    throw new IngestFailure('zip-slip', `${path} contains ${what}; the archive is refused.`);
  }
}
