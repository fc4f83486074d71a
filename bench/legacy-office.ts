/**
 * Files per second read through LibreOffice (handlers/ole.ts -> office/legacy.ts), against the way it was done before
 * in the same run: one soffice start per file (`soffice --convert-to` with a fresh private profile, as
 * office/libreoffice.ts did until one soffice served many files). The files are Word 97 memos and PowerPoint 97 decks
 * written by LibreOffice itself, read one after the other as the ingest loop reads them; the shared soffice's
 * start-up is counted (it is stopped before the run). Run: node --import tsx bench/legacy-office.ts [files]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDocument } from '../src/ingest/read-document.js';
import { stopLibreOffice } from '../src/ingest/office/libreoffice.js';
import { flatPresentation, flatText, writeLegacyFixtures } from '../test/ingest/helpers/libreoffice-writer.js';

const FILES = Number(process.argv[2] ?? 8);

const made = writeLegacyFixtures([
  { name: 'memo', as: 'doc', source: flatText(['The deputy minister met the envoy in Zürich.', '\fThe ledger shows the payments.'], { title: 'Memo' }) },
  { name: 'deck', as: 'ppt', source: flatPresentation([['Quarterly review'], ['The fund paid the contractor.'], ['The auditor reported it.']]) },
]);
const files = Array.from({ length: FILES }, (_, i) => (i % 2 === 0
  ? { path: `memo-${i}.doc`, bytes: made.get('memo')!, target: 'odt' }
  : { path: `deck-${i}.ppt`, bytes: made.get('deck')!, target: 'odp' }));

/** The baseline: one soffice per file, each with its own fresh profile (conversion only, no reading of the result). */
function oneStartPerFile(file: { path: string; bytes: Uint8Array; target: string }): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-soffice-'));
  try {
    const input = join(dir, file.path);
    writeFileSync(input, file.bytes);
    mkdirSync(join(dir, 'out'));
    const run = spawnSync('soffice', ['--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', file.target, '--outdir', join(dir, 'out'), input],
    { env: { ...process.env, HOME: dir }, timeout: 180_000 });
    if (readFileSync(join(dir, 'out', file.path.replace(/\.\w+$/, `.${file.target}`))).byteLength === 0 || run.status !== 0) throw new Error(`baseline failed on ${file.path}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let start = performance.now();
for (const file of files) oneStartPerFile(file);
const before = (performance.now() - start) / 1000;

await stopLibreOffice();
start = performance.now();
for (const file of files) await readDocument(file.path, file.bytes);
const after = (performance.now() - start) / 1000;
await stopLibreOffice();

console.log(`${FILES} files (${Math.ceil(FILES / 2)} .doc, ${Math.floor(FILES / 2)} .ppt), read one after the other`);
console.log(`one soffice per file (before, conversion only): ${before.toFixed(1)} s, ${(FILES / before).toFixed(2)} files/s`);
console.log(`one soffice for all (now, start-up and reading included): ${after.toFixed(1)} s, ${(FILES / after).toFixed(2)} files/s`);
console.log(`speed-up: ${(before / after).toFixed(1)}x`);
console.log(`load average after the runs: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
