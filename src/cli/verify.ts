/** `cablegraph verify`: re-hashes stored originals against their recorded SHA-256 (chain of custody). */
import type { Command } from 'commander';
import { withDb, withStore, EXIT } from './common.js';

/** Registers the verify command. */
export function registerVerify(program: Command): void {
  withDb(program.command('verify'))
    .description(`Re-hash every stored original and report mismatches. Exit code ${EXIT.verifyMismatch} when any original fails.`)
    .action(async (opts: { db?: string }) => {
      const { checked, problems } = await withStore(opts, (store) => store.verifyOriginals());
      for (const p of problems) {
        process.stdout.write(`${p.problem === 'mismatch' ? 'MISMATCH' : 'MISSING '} ${p.sha256}  ${p.paths.join(', ')}\n`);
      }
      process.stdout.write(`Checked ${checked} original(s): ${problems.length === 0 ? 'all match their recorded SHA-256.' : `${problems.length} problem(s).`}\n`);
      if (problems.length > 0) process.exitCode = EXIT.verifyMismatch;
    });
}
