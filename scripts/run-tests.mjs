// Runs every *.test.ts under test/ with Node's own test runner (through tsx), TZ pinned to UTC.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Lists test files below a folder, sorted so runs are repeatable. */
function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

// Arguments are test files or folders (a folder runs every test below it); none runs them all. An argument that
// names nothing fails, so a typo cannot pass as "0 tests, 0 failures".
const only = process.argv.slice(2);
const files = only.length > 0 ? only.flatMap((arg) => (statSync(arg, { throwIfNoEntry: false })?.isDirectory() ? findTests(arg) : [arg])) : findTests('test');
if (files.length === 0) {
  console.error(`No test files in ${only.join(' ')}.`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
process.exit(result.status ?? 1);
