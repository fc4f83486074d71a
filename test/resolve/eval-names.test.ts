import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_NAME_BENCH_DIR, evaluateNameMatching } from '../../scripts/eval-names.js';

// Measured 2026-11-21 with MATCH_THRESHOLD 0.85: precision 0.963, recall 0.682, F1 0.799 on 826 cases.
// Floors sit 0.02 below, so a change that costs more than that fails here.
const FLOOR = { precision: 0.943, recall: 0.662, f1: 0.779 };

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
