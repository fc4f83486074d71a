/**
 * Converts files with headless LibreOffice. One soffice process per binary serves every conversion of this process,
 * one file at a time (soffice-instance.ts), and stops after IDLE_MS without work: its start-up (seconds, most of the
 * cost of a small file) is paid once per run, not once per file. A file LibreOffice cannot open fails alone with its
 * path and LibreOffice's reason; a conversion that hangs is killed with its soffice after the time limit and fails as
 * "tool-timeout", and the files after it go to a fresh soffice; a crash is retried once on a fresh soffice, so the
 * file that crashed it fails, not the one that happened to follow.
 */
import { IngestFailure } from '../handler.js';
import { InstanceStopped, SofficeInstance } from './soffice-instance.js';

/** Debian packages that provide soffice for the formats read through it, named when it is missing. */
export const LIBREOFFICE_PACKAGES = 'libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui';

// A big deck takes tens of seconds; a hostile file that makes LibreOffice loop must not hold the ingest forever.
const DEFAULT_TIMEOUT_MS = 180_000;
// An instance left without work this long stops; the next conversion starts a new one.
const IDLE_MS = 20_000;

/** LibreOffice's export filter for each target format. */
const FILTERS: Record<string, string> = { odt: 'writer8', odp: 'impress8', csv: 'Text - txt - csv (StarCalc)' };

/** The soffice binary and its time limit; $CABLEGRAPH_SOFFICE and $CABLEGRAPH_SOFFICE_TIMEOUT_MS override them (tests do). */
export const libreOffice = {
  get binary(): string { return process.env.CABLEGRAPH_SOFFICE ?? 'soffice'; },
  get timeoutMs(): number { return Number(process.env.CABLEGRAPH_SOFFICE_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS; },
};

let instance: SofficeInstance | null = null;
let idleTimer: NodeJS.Timeout | null = null;
// Conversions run one after the other: each waits for the one before (whatever its outcome).
let queue: Promise<unknown> = Promise.resolve();

/**
 * Converts `bytes` with soffice to `target` ("odt", "odp" or "csv"), the input written with `extension` (which tells
 * LibreOffice which import filter to try first), with the export filter's `options` if any (for csv: separator,
 * quote, character set, ..., which sheet). Throws IngestFailure "tool-missing" (naming the Debian packages),
 * "tool-timeout", or "corrupt-office" when LibreOffice cannot open it.
 */
export function convertWithLibreOffice(bytes: Uint8Array, path: string, extension: string, target: string, options = ''): Promise<Uint8Array> {
  const filter = FILTERS[target];
  if (!filter) return Promise.reject(new Error(`no LibreOffice export filter for "${target}"`));
  const run = queue.then(() => convertNow(bytes, path, extension, filter, target, options));
  queue = run.catch(() => undefined);
  return run;
}

/** Stops the running soffice, if any, once the conversions queued so far are done (tests; a process exit also stops it). */
export function stopLibreOffice(): Promise<void> {
  const run = queue.then(async () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const running = instance;
    instance = null;
    await running?.stop();
  });
  queue = run.catch(() => undefined);
  return run;
}

async function convertNow(bytes: Uint8Array, path: string, extension: string, filter: string, target: string, options: string): Promise<Uint8Array> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const binary = libreOffice.binary;
  const timeoutMs = libreOffice.timeoutMs;
  try {
    for (let attempt = 0; ; attempt++) {
      const soffice = await currentInstance(binary);
      try {
        const outcome = await soffice.convert(bytes, extension, filter, target, timeoutMs, options);
        if (outcome.ok) return outcome.bytes;
        throw new IngestFailure('corrupt-office', `${path} could not be opened by LibreOffice (${reason(outcome.message)}); the file is damaged, password-protected, or not in the format its name or signature says.`);
      } catch (err) {
        if (!(err instanceof InstanceStopped)) throw err;
        soffice.killNow();
        if (instance === soffice) instance = null;
        if (err.why === 'missing') throw new IngestFailure('tool-missing', `${path} needs ${binary} (LibreOffice), which was not found; install it (Debian: apt-get install --no-install-recommends ${LIBREOFFICE_PACKAGES}).`);
        if (err.why === 'start-failed') throw new IngestFailure('read-error', `${path} could not be read: ${err.message}.`);
        if (err.why === 'timeout') throw new IngestFailure('tool-timeout', `${path}: LibreOffice did not finish converting it within ${Math.round(timeoutMs / 1000)} s and was stopped; the file may be huge or hostile.`);
        if (attempt > 0) throw new IngestFailure('corrupt-office', `${path} could not be converted: ${err.message} while reading it, twice; the file is damaged or hostile.`);
      }
    }
  } finally {
    idleTimer = setTimeout(() => { void stopLibreOffice(); }, IDLE_MS);
    idleTimer.unref();
  }
}

async function currentInstance(binary: string): Promise<SofficeInstance> {
  if (instance && (!instance.alive || instance.binary !== binary)) {
    await instance.stop();
    instance = null;
  }
  instance ??= await SofficeInstance.start(binary);
  return instance;
}

/** LibreOffice's message without its exception boilerplate, the temporary file's URL and source location. */
function reason(message: string): string {
  const line = /^Message:\s*(.*)$/m.exec(message)?.[1] ?? message.split('\n')[0] ?? message;
  const said = line.replace(/Unsupported URL <[^>]*>:\s*/, '').replace(/\s+at \.\/\S+\s*\.?$/, '').replace(/^"(.*)"$/, '$1').trim();
  return said || 'no reason given';
}
