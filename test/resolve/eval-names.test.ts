import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_AR2EN_DIR, DEFAULT_NAME_BENCH_DIR, evaluateCrossScript, evaluateNameMatching } from '../../scripts/eval-names.js';

// Measured 2026-11-21 with MATCH_THRESHOLD 0.85: precision 0.963, recall 0.682, F1 0.799 on 826 cases.
// Floors sit 0.02 below, so a change that costs more than that fails here.
const FLOOR = { precision: 0.943, recall: 0.66, f1: 0.777 };

test('name matcher keeps its precision and recall on the OpenSanctions cases', (t) => {
  const report = evaluateNameMatching();
  if (report === null) {
    t.skip(`OpenSanctions name cases not found in ${DEFAULT_NAME_BENCH_DIR}; evaluation skipped`);
    return;
  }
  assert.ok(report.cases > 800, `expected the full bench, got ${report.cases} cases`);
  assert.ok(report.precision >= FLOOR.precision, `precision ${report.precision.toFixed(3)} < ${FLOOR.precision}`);
  assert.ok(report.recall >= FLOOR.recall, `recall ${report.recall.toFixed(3)} < ${FLOOR.recall}`);
  assert.ok(report.f1 >= FLOOR.f1, `F1 ${report.f1.toFixed(3)} < ${FLOOR.f1}`);
});

test('evaluation reports a missing data folder as absent', () => {
  assert.equal(evaluateNameMatching('/nonexistent/name-bench'), null);
});

// Measured 2026-11-21: recall 0.811, false matches 0.002 on 1,431 Arabic-script/English token pairs.
test('Arabic-script names match their English spellings, and rarely a wrong one', (t) => {
  const report = evaluateCrossScript();
  if (report === null) {
    t.skip(`ar2en transliteration pairs not found in ${DEFAULT_AR2EN_DIR}; evaluation skipped`);
    return;
  }
  assert.ok(report.recall >= 0.793, `recall ${report.recall.toFixed(3)} < 0.793`);
  assert.ok(report.falseMatchRate <= 0.013, `false matches ${report.falseMatchRate.toFixed(4)} > 0.013`);
});
