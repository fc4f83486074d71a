// re3d relation scores with gold mentions must not fall below the floor measured when the rules were written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RE3D_DIR, evaluateRe3d } from '../../scripts/eval-relations.js';

const available = existsSync(join(RE3D_DIR, 'json/relations.jsonl'));

test('eval: re3d precision and recall floors (gold mentions, default threshold)', { skip: available ? false : `re3d not found at ${RE3D_DIR}; skipping the relation evaluation` }, () => {
  const report = evaluateRe3d();
  assert.ok(report.overall.precision >= 0.7, `precision ${report.overall.precision.toFixed(3)}`);
  assert.ok(report.overall.recall >= 0.2, `recall ${report.overall.recall.toFixed(3)}`);
});
