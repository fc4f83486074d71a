import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Partition } from '../../src/resolve/partition.js';

test('unions join sets, keep reasons in order and report the lowest member as root', () => {
  const p = new Partition<string>(5);
  p.union(3, 4, 'x');
  p.union(1, 3, 'y');
  assert.equal(p.find(4), 1);
  assert.deepEqual(p.members(4), [1, 3, 4]);
  assert.deepEqual(p.reasons(3), ['x', 'y']);
  assert.deepEqual(p.roots(), [0, 1, 2]);
  p.union(4, 1, 'ignored: already one set');
  assert.deepEqual(p.reasons(1), ['x', 'y']);
});

test('kept-apart pairs block unions that would join them, also through other members', () => {
  const p = new Partition<string>(4);
  p.apart.push([0, 3]);
  p.union(0, 1, 'a');
  p.union(2, 3, 'b');
  assert.equal(p.blocked(1, 2), true);
  assert.equal(p.blocked(0, 2), true);
  assert.equal(p.blocked(1, 1), false);
});
