/**
 * One running soffice that converts many files, one at a time: a private temporary folder holds its profile
 * (soffice-profile.ts), its HOME, a spool folder of jobs and the files in and out. The caller (libreoffice.ts) sends one
 * job at a time, so a failure or a hang is always the file in flight's own; `kill` stops the whole process group
 * (/usr/bin/soffice is a shell script that starts oosplash and soffice.bin) and removes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveMacro, writeProfile } from './soffice-profile.js';

// soffice's own messages (a crash report, "failed to launch javaldx"), kept for a failure's reason.
const MAX_MESSAGE_BYTES = 16_384;
const POLL_MS = 20;
// The macro's own idle limit: if this process dies without stopping it, soffice ends by itself after this long.
const ORPHAN_IDLE_MS = 10 * 60_000;

/** How a job ended: LibreOffice's output, or its message when it could not convert the file. */
export type JobOutcome = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Why an instance could not finish a job: it did not start, it stopped (crash, kill), or the job took too long. */
export class InstanceStopped extends Error {
  constructor(readonly why: 'missing' | 'start-failed' | 'exited' | 'timeout', message: string) {
    super(message);
  }
}

const live = new Set<SofficeInstance>();
// soffice runs in its own process group, so it would outlive this process: the group goes when the process exits.
process.once('exit', () => { for (const instance of live) instance.killNow(); });

export class SofficeInstance {
  private child: ChildProcess | null = null;
  private messages: Buffer[] = [];
  private size = 0;
  private exit: { code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException } | null = null;
  private jobs = 0;
  private dead = false;

  private constructor(readonly binary: string, private readonly dir: string) {}

  /** Lays out the folder and starts soffice serving its spool (it is ready when the first job is taken). */
  static async start(binary: string): Promise<SofficeInstance> {
    const dir = await mkdtemp(join(tmpdir(), 'cablegraph-soffice-'));
    const instance = new SofficeInstance(binary, dir);
    live.add(instance);
    try {
      await Promise.all(['spool', 'in', 'out', 'tmp'].map((d) => mkdir(join(dir, d), { mode: 0o700 })));
      await writeProfile(join(dir, 'profile'));
      instance.spawn();
    } catch (err) {
      instance.killNow();
      throw err;
    }
    return instance;
  }

  private spawn(): void {
    const args = [
      '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      `-env:UserInstallation=${pathToFileURL(join(this.dir, 'profile')).href}`,
      serveMacro(join(this.dir, 'spool'), ORPHAN_IDLE_MS),
    ];
    // HOME and TMPDIR inside the private folder: nothing is written to the user's home or left in /tmp, whatever
    // LibreOffice decides to keep.
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, HOME: this.dir, TMPDIR: join(this.dir, 'tmp') } });
    const keep = (c: Buffer) => { if (this.size < MAX_MESSAGE_BYTES) { this.messages.push(c); this.size += c.length; } };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('error', (error: NodeJS.ErrnoException) => { this.exit ??= { code: null, signal: null, error }; });
    child.once('close', (code, signal) => { this.exit ??= { code, signal }; });
    // An idle instance must not keep the process alive; the exit hook above stops it.
    child.unref();
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
    this.child = child;
  }

  /** True while soffice may still take jobs. */
  get alive(): boolean {
    return !this.dead && this.exit === null;
  }

  /**
   * Converts one file: writes it as `in/<n><extension>` (the extension tells LibreOffice which import filter to try
   * first), queues the job and waits for its report. Throws InstanceStopped when soffice is missing, stops, or takes
   * longer than `timeoutMs` (then the whole group is killed).
   */
  async convert(bytes: Uint8Array, extension: string, filter: string, target: string, timeoutMs: number, options = ''): Promise<JobOutcome> {
    const id = String(++this.jobs);
    const input = join(this.dir, 'in', `${id}${extension}`);
    const output = join(this.dir, 'out', `${id}.${target}`);
    const spool = join(this.dir, 'spool');
    try {
      // The folder may have gone under it (a temporary-file cleaner): then this instance is of no more use.
      await writeFile(input, bytes, { mode: 0o600 });
      await writeFile(join(spool, `${id}.part`), `${input}\n${output}\n${filter}\n${options.replace(/[\r\n]/g, ' ')}\n`);
      await rename(join(spool, `${id}.part`), join(spool, `${id}.job`));
    } catch (err) {
      throw new InstanceStopped('exited', `its working folder could not be written (${err instanceof Error ? err.message : String(err)})`);
    }
    // Calc's CSV export of one chosen sheet names the file after it ("<n>-Data.csv"), not as asked.
    const sheetFiles = async (): Promise<string[]> => (await readdir(join(this.dir, 'out')).catch(() => [] as string[]))
      .filter((f) => f.startsWith(`${id}-`) && f.endsWith(`.${target}`)).map((f) => join(this.dir, 'out', f));
    try {
      const report = await this.waitForReport(join(spool, `${id}.done`), timeoutMs);
      if (!report.startsWith('ok')) return { ok: false, message: report.replace(/^error:\s*/, '') };
      const named = await sheetFiles();
      const written = await readFile(output).catch(() => (named.length === 1 ? readFile(named[0]!) : null)).catch(() => null);
      if (!written || written.byteLength === 0) return { ok: false, message: 'LibreOffice wrote nothing' };
      return { ok: true, bytes: new Uint8Array(written.buffer, written.byteOffset, written.byteLength) };
    } finally {
      await Promise.all([input, output, join(spool, `${id}.done`), ...(await sheetFiles())].map((p) => rm(p, { force: true })));
    }
  }

  private async waitForReport(done: string, timeoutMs: number): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (await stat(done).then(() => true, () => false)) return (await readFile(done, 'utf8')).trim();
      if (this.exit) {
        if (this.exit.error?.code === 'ENOENT') throw new InstanceStopped('missing', `${this.binary} was not found`);
        if (this.exit.error) throw new InstanceStopped('start-failed', `${this.binary} did not start (${this.exit.error.message})`);
        throw new InstanceStopped('exited', `LibreOffice stopped (${this.exit.signal ?? `exit code ${this.exit.code}`})${this.lastMessage()}`);
      }
      if (performance.now() > deadline) {
        this.killNow();
        // The kill is sent to the whole group; the caller hears of the timeout once the processes are gone.
        const gone = performance.now() + 5_000;
        while (this.exit === null && performance.now() < gone) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        throw new InstanceStopped('timeout', 'timed out');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private lastMessage(): string {
    const said = Buffer.concat(this.messages).toString('utf8').split('\n').map((l) => l.trim()).filter((l) => l && !/javaldx/.test(l));
    return said.length > 0 ? `: ${said.at(-1)}` : '';
  }

  /** Asks soffice to finish (the macro sees the stop file), kills the group if it has not after `graceMs`, removes the folder. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.dead) return;
    if (this.exit === null) {
      await writeFile(join(this.dir, 'spool', 'stop'), '').catch(() => undefined);
      const deadline = performance.now() + graceMs;
      while (this.exit === null && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    this.killNow();
  }

  /** Kills the process group at once and removes the folder (synchronous: also runs when the process exits). */
  killNow(): void {
    if (this.dead) return;
    this.dead = true;
    live.delete(this);
    const pid = this.child?.pid;
    if (pid !== undefined) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
