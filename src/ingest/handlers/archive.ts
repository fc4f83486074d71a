/**
 * Archives read through libarchive's bsdtar (Debian libarchive-tools): 7z, rar, tar, compressed tars and iso images;
 * every member becomes a child document named "archive.7z!/dir/file", as for zips. A file compressed on its own
 * (notes.txt.gz) becomes one child.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { runTool, tools } from '../archive/bsdtar.js';
import { MIME_TYPES, archiveKind, compressionKind, decompressedName, type ArchiveKind, type CompressionKind } from '../archive/formats.js';
import { readArchiveMembers } from '../archive/members.js';
import { isTarHeader } from '../archive/tar-stream.js';
import { newDocument, toWarning } from '../document.js';
import { IngestFailure, type FormatHandler, type HandlerInput } from '../handler.js';

const RATIO_MIN_BYTES = 1024 * 1024;

/** Reads 7z, rar, tar(.gz/.bz2/.xz/.zst), iso and single compressed files; the text lists the members. */
export const archiveHandler: FormatHandler = {
  name: 'archive',
  extensions: ['.7z', '.rar', '.tar', '.tgz', '.gz', '.tbz', '.tbz2', '.bz2', '.txz', '.xz', '.tzst', '.zst', '.iso'],
  container: true,
  sniff: (head) => archiveKind(head) !== undefined || compressionKind(head) !== undefined,
  async read(input) {
    const kind = archiveKind(input.bytes);
    const compression = kind ? undefined : compressionKind(input.bytes);
    if (!kind && !compression) {
      // Only known signatures reach bsdtar: it would also read an mtree listing, which names files on this machine.
      throw new IngestFailure('corrupt-archive', `${input.path} is not a 7z, rar, tar, iso or compressed file: its signature is not one of theirs.`);
    }
    // 7z, rar and iso readers seek, so bsdtar reads a private temporary copy rather than a pipe; it is removed at once.
    const dir = await mkdtemp(join(tmpdir(), 'cablegraph-archive-'));
    const file = join(dir, 'input');
    try {
      await writeFile(file, input.bytes, { mode: 0o600 });
      if (kind) return await readArchive(input, file, kind, kind);
      return await readCompressed(input, file, compression!);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function readArchive(input: HandlerInput, file: string, format: ArchiveKind | CompressionKind, label: string): Promise<ExtractedDocument> {
  const { names, children, warnings } = await readArchiveMembers(input, file, label);
  return newDocument(input, format === 'gzip' || format === 'bzip2' || format === 'xz' || format === 'zstd' ? 'tar' : format, names.join('\n'), {
    mimeType: MIME_TYPES[format], children, warnings,
  });
}

/** A compressed tar is read as an archive; any other compressed file as one child, within the same size limits. */
async function readCompressed(input: HandlerInput, file: string, compression: CompressionKind): Promise<ExtractedDocument> {
  const budget = input.budget ?? { remaining: input.limits.maxArchiveBytes };
  const limit = Math.min(input.limits.maxFileBytes, budget.remaining);
  const chunks: Buffer[] = [];
  let size = 0;
  let tar = false;
  let checked = false;
  let over = false;
  const run = await runTool(tools.bsdcat, [file], input.path, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
    if (!checked && size >= 512) {
      checked = true;
      tar = isTarHeader(Buffer.concat(chunks).subarray(0, 512));
      if (tar) return false;
    }
    if (size > limit || (size > RATIO_MIN_BYTES && size / Math.max(1, input.bytes.byteLength) > input.limits.maxCompressionRatio)) {
      over = true;
      return false;
    }
    return true;
  });
  if (tar) return readArchive(input, file, compression, `${compression}-compressed tar`);
  if (over) {
    const why = size > input.limits.maxFileBytes ? `more than the ${input.limits.maxFileBytes}-byte limit for one file` : `more than the archive limits allow`;
    throw new IngestFailure(size > input.limits.maxFileBytes ? 'too-large' : 'zip-bomb', `${input.path} decompresses to ${why}; it was not read.`);
  }
  if (run.code !== 0) {
    const reason = run.stderr.split('\n')[0]?.replace(/^bsdcat: /, '') || 'bsdcat could not read it';
    throw new IngestFailure('corrupt-archive', `${input.path} is a damaged ${compression} file: ${reason}.`);
  }
  budget.remaining -= size;
  const name = decompressedName(input.path);
  const path = `${input.path}!/${name}`;
  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  try {
    children.push(await input.readChild(path, new Uint8Array(Buffer.concat(chunks))));
  } catch (err) {
    warnings.push(toWarning(path, err));
  }
  return newDocument(input, compression, name, { mimeType: MIME_TYPES[compression], children, warnings });
}
