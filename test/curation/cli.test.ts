/** `cablegraph grade` and `cablegraph export --min-grade` as a user runs them: real processes on an extracted store file. */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { openStore } from '../../src/store/open.js';
import { ROOT, sampleStore } from '../helpers.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('cablegraph grade', () => {
  let db: string;
  let doc = '';
  let source = '';
  let relationsOfDoc: string[] = [];
  before(async () => {
    const { store, dir } = await sampleStore(true);
    const docs = (await store.listDocuments(ALL_COLLECTIONS, 100, 0)).items;
    const d = docs.find((x) => x.source)!;
    doc = d.id;
    source = d.source!;
    relationsOfDoc = (await store.listRelations(ALL_COLLECTIONS)).filter((r) => r.evidence.some((e) => e.documentId === doc)).map((r) => r.id).sort();
    await store.close();
    db = join(dir, 'test.db');
  });

  it('grades an outlet and a document, shows where the grade comes from, audits, and filters the export', async () => {
    let r = run(['grade', doc, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /not graded/);
    r = run(['grade', '--outlet', source, 'c3', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /graded C3 \(fairly reliable; possibly true\): \d+ documents inherit it/);
    r = run(['grade', doc, '--db', db]);
    assert.match(r.stdout, /C3 .*from its outlet/);
    assert.equal(run(['grade', doc, 'B2', '--by', 'desk', '--db', db]).code, 0);
    r = run(['grade', doc, '--db', db]);
    assert.match(r.stdout, /B2 \(usually reliable; probably true\), set by desk/);
    const exp = run(['export', '--min-grade', 'B2', '--db', db]);
    assert.equal(exp.code, 0, exp.stderr);
    const json = JSON.parse(exp.stdout) as { minGrade: string; relations: { id: string }[] };
    assert.equal(json.minGrade, 'B2');
    assert.deepEqual(json.relations.map((x) => x.id).sort(), relationsOfDoc);
    assert.equal(JSON.parse(run(['export', '--min-grade', 'A1', '--db', db]).stdout).relations.length, 0, 'nothing is graded A1');
    const store = await openStore(db);
    try {
      const actions = (await store.trust.listAudit({ limit: 100 })).map((a) => a.action);
      assert.ok(actions.includes('outlet-grade-set') && actions.includes('grade-set'));
    } finally {
      await store.close();
    }
  });

  it('refuses a malformed grade, a grade with --remove, and an unknown document with exit code 64', () => {
    for (const args of [['grade', doc, 'G7'], ['grade', doc, 'B2', '--remove'], ['grade', 'ffffffffffffffff', 'B2'], ['export', '--min-grade', 'B']]) {
      const r = run([...args, '--db', db]);
      assert.equal(r.code, 64, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.match(run(['grade', doc, 'G7', '--db', db]).stderr, /not an Admiralty grade/);
  });
});
