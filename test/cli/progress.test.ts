/** Progress of stages over stored documents: a bar on a terminal, plain lines in a log. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentProgress } from '../../src/cli/progress.js';

/** A stream that records what is written to it. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, columns: 120, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('documentProgress', () => {
  it('writes plain lines, the first and the last always, with documents/s and ETA', () => {
    const stream = fakeStream(false);
    const p = documentProgress('reprocess news', stream);
    for (let done = 0; done <= 500; done++) p.update(done, 500);
    p.log('failed    x.txt: stage "facts" failed: Error: boom');
    const lines = stream.text.trim().split('\n');
    assert.match(lines[0]!, /^reprocess news: 0\/500 documents +0\.0 documents\/s +ETA \?$/);
    assert.match(lines.at(-2)!, /^reprocess news: 500\/500 documents +[\d.]+ documents\/s +ETA 0:00$/);
    assert.ok(lines.length < 10, `at most one line a second in between, got ${lines.length}`);
    assert.equal(lines.at(-1), 'failed    x.txt: stage "facts" failed: Error: boom');
    assert.doesNotMatch(stream.text, /\u001b/, 'no terminal codes in a log');
  });

  it('redraws one bar in place on a terminal and clears it for a log line', () => {
    const stream = fakeStream(true);
    const p = documentProgress('retry news', stream);
    p.update(0, 4);
    p.update(4, 4);
    assert.match(stream.text, /\r\u001b\[2K\[-{24}\] 0\/4 documents .*retry news/);
    assert.match(stream.text, /\r\u001b\[2K\[#{24}\] 4\/4 documents .*ETA 0:00/);
    p.log('a line');
    assert.ok(stream.text.endsWith('\r\u001b[2Ka line\n'));
  });
});
