/** Timing for the benchmark sections that time one function in-process. */

/**
 * Best of `runs` timings of fn in seconds: wall clock, CPU, and the smaller of the two per run ("one core": CPU time
 * also counts JIT and GC helper threads, wall time also counts waiting for other processes; both bound the main
 * thread's time from above).
 */
export function bestOf(runs: number, fn: () => void): { wall: number; cpu: number; core: number } {
  let wall = Infinity;
  let cpu = Infinity;
  let core = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    const w = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    const u = (c.user + c.system) / 1e6;
    wall = Math.min(wall, w);
    cpu = Math.min(cpu, u);
    core = Math.min(core, Math.min(w, u));
  }
  return { wall, cpu, core };
}

/** The "one core" time of bestOf alone. */
export function bestCore(runs: number, fn: () => void): number {
  return bestOf(runs, fn).core;
}
