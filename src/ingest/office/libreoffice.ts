/**
 * Converts files with headless LibreOffice (soffice). Every run gets a private temporary folder holding the input,
 * the output and a fresh user profile, removed afterwards: two workers never share a profile, and a profile left
 * broken by a crash never blocks a later run.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IngestFailure } from '../handler.js';

/** Debian packages that provide soffice for the formats read through it, named when it is missing. */
export const LIBREOFFICE_PACKAGES = 'libreoffice-writer-nogui libreoffice-impress-nogui';

// A big deck takes tens of seconds; a hostile file that makes LibreOffice loop must not hold the ingest forever.
const DEFAULT_TIMEOUT_MS = 180_000;
// soffice's own messages ("convert a.doc -> a.pdf using filter ...", "Error: source file could not be loaded").
const MAX_MESSAGE_BYTES = 16_384;

// Seeded into each fresh profile. A document may link images or text by URL (a tracking "beacon" in a leaked file):
// every web request goes to a proxy on the discard port of this machine, which refuses it, so converting a file never
// tells its author where and when it was opened. Macros never run.
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${[
    ['Inet/Settings', 'ooInetProxyType', '2'],
    ['Inet/Settings', 'ooInetNoProxy', ''],
    ...['HTTP', 'HTTPS', 'FTP'].flatMap((p) => [['Inet/Settings', `ooInet${p}ProxyName`, '127.0.0.1'], ['Inet/Settings', `ooInet${p}ProxyPort`, '9']]),
    ['Office.Common/Security/Scripting', 'MacroSecurityLevel', '3'],
    ['Office.Common/Security/Scripting', 'DisableMacrosExecution', 'true'],
    ['Office.Common/Security/Scripting', 'BlockUntrustedRefererLinks', 'true'],
  ].map(([node, name, value]) => `<item oor:path="/org.openoffice.${node}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`).join('\n')}
</oor:items>
`;

/** The soffice binary and its time limit; $CABLEGRAPH_SOFFICE and $CABLEGRAPH_SOFFICE_TIMEOUT_MS override them (tests do). */
export const libreOffice = {
  get binary(): string { return process.env.CABLEGRAPH_SOFFICE ?? 'soffice'; },
  get timeoutMs(): number { return Number(process.env.CABLEGRAPH_SOFFICE_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS; },
};

/**
 * Converts `bytes` with soffice to `target` (an extension LibreOffice writes: "odt", "odp", "pdf"), the input written
 * as `input<extension>` (the extension tells LibreOffice which import filter to try first). Throws IngestFailure
 * "tool-missing" (naming the Debian packages), "tool-timeout", or "corrupt-office" when LibreOffice cannot open it.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, path: string, extension: string, target: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'cablegraph-soffice-'));
  try {
    const input = join(dir, `input${extension}`);
    const out = join(dir, 'out');
    await writeFile(input, bytes, { mode: 0o600 });
    await mkdir(out, { mode: 0o700 });
    await mkdir(join(dir, 'profile', 'user'), { recursive: true, mode: 0o700 });
    await writeFile(join(dir, 'profile', 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    const args = [
      '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to', target, '--outdir', out, input,
    ];
    const run = await runSoffice(args, dir, path);
    const written = await readFile(join(out, `input.${target}`)).catch(() => null);
    if (written && written.byteLength > 0) return new Uint8Array(written.buffer, written.byteOffset, written.byteLength);
    const said = run.messages.split('\n').map((l) => l.trim()).filter((l) => l && !/javaldx/.test(l));
    const reason = said.find((l) => /^Error/i.test(l)) ?? said.at(-1) ?? `soffice exited with ${run.code ?? run.signal}`;
    throw new IngestFailure('corrupt-office', `${path} could not be opened by LibreOffice (${reason.replace(/^Error:\s*/i, '')}); the file is damaged, password-protected, or not in the format its name or signature says.`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface SofficeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr together, capped. */
  messages: string;
}

/**
 * Runs soffice in its own process group: /usr/bin/soffice is a shell script that starts oosplash and soffice.bin,
 * so a timeout kills the whole group rather than the script alone.
 */
function runSoffice(args: string[], home: string, path: string): Promise<SofficeRun> {
  const binary = libreOffice.binary;
  const timeoutMs = libreOffice.timeoutMs;
  return new Promise((resolve, reject) => {
    // HOME inside the private folder: nothing is written to the user's home, whatever LibreOffice decides to keep.
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, HOME: home } });
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (c: Buffer) => { if (size < MAX_MESSAGE_BYTES) { chunks.push(c); size += c.length; } };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT'
        ? new IngestFailure('tool-missing', `${path} needs ${binary} (LibreOffice), which was not found; install it (Debian: apt-get install --no-install-recommends ${LIBREOFFICE_PACKAGES}).`)
        : new IngestFailure('read-error', `${path} could not be read: ${binary} did not start (${err.message}).`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new IngestFailure('tool-timeout', `${path}: LibreOffice did not finish converting it within ${Math.round(timeoutMs / 1000)} s and was stopped; the file may be huge or hostile.`));
        return;
      }
      resolve({ code, signal, messages: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
