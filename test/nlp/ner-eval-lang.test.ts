// `eval ner --lang`: PER/ORG/LOC only (PERS -> PER, FAC and DAT count as O on both sides) on a fixture written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { evaluateNerFile, NAME_TYPES } from '../../src/nlp/ner/eval.js';
import { defaultModelDir, modelFileFor, type NerSpan, type Recognizer } from '../../src/nlp/ner/index.js';
import type { EntityType } from '../../src/model/index.js';

// ARMAN/PEYMA style: token TAB tag, IOB2, "PERS", a facility and a date whose token holds a space.
const FIXTURE = [
  'علی\tB-PERS', 'رضایی\tI-PERS', 'در\tO', 'شیراز\tB-LOC', 'گفت\tO', '',
  'وزارت\tB-ORG', 'کشور\tI-ORG', 'در\tO', 'فرودگاه\tB-FAC', 'مهرآباد\tI-FAC', 'جلسه\tO', 'داشت\tO', '',
  'روز\tO', '۱۸ آبان\tB-DAT', 'رضایی\tB-PERS', 'به\tO', 'تبریز\tB-LOC', 'رفت\tO', '',
].join('\n');

/** A recognizer that finds fixed phrases (longest first, no overlaps) with fixed types. */
function stub(phrases: Array<[string, EntityType]>): Recognizer {
  return {
    version: 'stub',
    recognize(text: string): NerSpan[] {
      const out: NerSpan[] = [];
      for (const [p, type] of phrases) {
        for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
          if (out.some((s) => at < s.end && s.start < at + p.length)) continue;
          out.push({ start: at, end: at + p.length, type, text: p });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

test('scores PER, ORG and LOC only; other labels are O on both sides', async () => {
  const file = join(tempDir('eval-lang'), 'fixture.txt');
  writeFileSync(file, FIXTURE);
  // Gold (scored): علی رضایی PER, شیراز LOC, وزارت کشور ORG, رضایی PER, تبریز LOC = 5.
  // Found (scored): علی رضایی PER ok, شیراز ORG (wrong type), وزارت کشور ORG ok, فرودگاه مهرآباد LOC (gold FAC -> O:
  // a false positive), رضایی PER ok = 5; the MISC date is not scored. P = R = 3/5, F1 = 0.6.
  const rec = stub([['علی رضایی', 'PERSON'], ['فرودگاه مهرآباد', 'LOC'], ['وزارت کشور', 'ORG'], ['شیراز', 'ORG'], ['۱۸ آبان', 'MISC'], ['رضایی', 'PERSON']]);
  const { report, f1 } = await evaluateNerFile(file, rec, { onlyTypes: NAME_TYPES });
  assert.equal(f1.toFixed(4), '0.6000');
  assert.equal(report.split('\n').at(-1), 'F1 0.6000');
  assert.match(report, /PER: precision: +100\.00%; recall: +100\.00%/);
  assert.match(report, /LOC: precision: +0\.00%; recall: +0\.00%/);
  assert.match(report, /ORG: precision: +50\.00%; recall: +100\.00%/);
  // Without the restriction the FAC and DAT chunks are gold names too, so the same output scores lower recall.
  const all = await evaluateNerFile(file, rec);
  assert.ok(all.f1 < f1, `all types ${all.f1}`);
});

const faModel = join(defaultModelDir(), modelFileFor('fa'));

test('the CLI runs the Persian model with --lang fa and prints F1 last', { skip: existsSync(faModel) ? false : 'no shipped Persian model' }, () => {
  const file = join(tempDir('eval-lang-cli'), 'fixture.txt');
  writeFileSync(file, FIXTURE);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'eval', 'ner', file, '--lang', 'fa'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /model: cablegraph-ner-fa-.*scored: PER, ORG, LOC/);
  assert.match(r.stdout.trim().split('\n').at(-1)!, /^F1 [01]\.\d{4}$/);
  const bad = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'eval', 'ner', file, '--lang', 'xx'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(bad.status, 64);
});
