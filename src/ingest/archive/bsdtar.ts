/** Runs archive tools (libarchive's bsdtar and bsdcat, readpst) as child processes, never through a shell, streaming their output. */
import { spawn } from 'node:child_process';
import { IngestFailure } from '../handler.js';

/** How a tool run ended. */
export interface ToolRun {
  code: number | null;
  stderr: string;
  /** True when the consumer stopped reading early and the process was killed. */
  stopped: boolean;
}

/** The binaries used; $CABLEGRAPH_BSDTAR, _BSDCAT, _READPST point elsewhere (tests use them to simulate a missing tool). */
export const tools = {
  get bsdtar(): string { return process.env.CABLEGRAPH_BSDTAR ?? 'bsdtar'; },
  get bsdcat(): string { return process.env.CABLEGRAPH_BSDCAT ?? 'bsdcat'; },
  get readpst(): string { return process.env.CABLEGRAPH_READPST ?? 'readpst'; },
};

/** Where a tool comes from and how long it may run. */
export interface ToolOptions {
  /** Debian package named when the binary is missing (default libarchive-tools). */
  debianPackage?: string;
  /** The run is killed after this long (default 10 minutes), so a hostile file cannot hold the ingest forever. */
  timeoutMs?: number;
}

/**
 * Runs `binary args`, handing each stdout chunk to `consume` (awaited, so a slow consumer holds the tool back);
 * `consume` returns false to stop the tool early. Throws IngestFailure "tool-missing" naming the Debian package
 * when the binary cannot be found.
 */
export async function runTool(binary: string, args: string[], path: string, consume: (chunk: Buffer) => Promise<boolean> | boolean, options: ToolOptions = {}): Promise<ToolRun> {
  // C.UTF-8: libarchive converts member names to UTF-8 instead of refusing those outside ASCII.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (c: Buffer) => { if (stderr.length < 64) stderr.push(c); });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const failed = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    child.once('spawn', () => resolve(null));
    child.once('error', resolve);
  });
  if (failed) {
    const missing = failed.code === 'ENOENT';
    throw new IngestFailure(missing ? 'tool-missing' : 'read-error', missing
      ? `${path} needs ${binary}, which was not found; install it (Debian: apt-get install ${options.debianPackage ?? 'libarchive-tools'}).`
      : `${path} could not be read: ${binary} did not start (${failed.message}).`);
  }
  child.on('error', () => undefined); // a kill after the start is reported through 'close'
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
  let stopped = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      if (!(await consume(chunk))) {
        stopped = true;
        child.kill('SIGKILL');
        break;
      }
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return { code: await closed, stderr: Buffer.concat(stderr).toString('utf8').trim(), stopped };
}
