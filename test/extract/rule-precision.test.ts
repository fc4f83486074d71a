// The precision a rule hit is shown with when the model does not return it: measured per type, shrunk toward the
// rules' precision in general, so a type the labelled text never shows (payments) is not hidden at an arbitrary 1/2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rulePrecisions } from '../../scripts/relations/score.js';
import { TYPE_IDS } from '../../src/extract/relation-model/classes.js';

test('rule precision: every type gets a figure; an unseen type gets the pooled precision', () => {
  const hits = new Map<string, [number, number]>([['role_in', [95, 100]], ['controls', [2, 20]]]);
  const p = rulePrecisions(hits);
  assert.deepEqual([...p.keys()].sort(), [...TYPE_IDS].sort());
  const pooled = (95 + 2 + 1) / (120 + 2);
  assert.ok(Math.abs(p.get('paid')! - pooled) < 1e-12, `paid ${p.get('paid')}`);
  // A type with many hits stays near its own figure, on the side of the pooled one.
  assert.ok(p.get('role_in')! < 0.95 && p.get('role_in')! > 0.93);
  assert.ok(p.get('controls')! > 0.1 && p.get('controls')! < 0.2);
});

test('rule precision: no hits at all gives the uninformative 1/2', () => {
  const p = rulePrecisions(new Map());
  for (const t of TYPE_IDS) assert.equal(p.get(t), 0.5);
});
