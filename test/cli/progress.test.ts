/** Progress of stages over stored documents: a bar on a terminal, plain lines in a log. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentProgress, progressReporter } from '../../src/cli/progress.js';

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

describe('progressReporter inside a container', () => {
  const batches = (onProgress: ReturnType<typeof progressReporter>['onProgress']): void => {
    onProgress({ kind: 'start', files: 1, bytes: 2000 });
    for (let through = 500; through <= 2000; through += 500) {
      onProgress({ kind: 'documents', path: 'news.jsonl', through, size: 2000, stored: through, processed: through - 500, bytesDone: through, bytes: 2000 });
    }
    onProgress({ kind: 'file', path: 'news.jsonl', status: 'ingested', documents: 2000, done: 1, files: 1, bytesDone: 2000, bytes: 2000 });
  };

  it('logs the documents of a large file, the last batch always, at most a line a second before', () => {
    const stream = fakeStream(false);
    batches(progressReporter(stream).onProgress);
    const lines = stream.text.trim().split('\n');
    assert.match(lines[1]!, /^ +500\/2000 documents of news\.jsonl \(500 stored, 0 processed in this run\)$/);
    assert.match(lines.at(-2)!, /^ +2000\/2000 documents of news\.jsonl \(2000 stored, 1500 processed in this run\)$/);
    assert.equal(lines.at(-1), 'ingested  1/1 news.jsonl (2000 documents)');
    assert.ok(lines.length <= 5, `one line a second at most, got ${lines.length}`);
  });

  it('shows files, documents and documents/s in the bar on a terminal', () => {
    const stream = fakeStream(true);
    batches(progressReporter(stream).onProgress);
    assert.match(stream.text, /\[#{24}\] 1\/1 files  2000 documents  [\d.]+ documents\/s  ETA 0:00  news\.jsonl/);
  });
});

describe('progressReporter with OCR', () => {
  it('shows OCR pages and pages/s in the bar and, in a log, at most a line a second', () => {
    const tty = fakeStream(true);
    const bar = progressReporter(tty);
    bar.onProgress({ kind: 'start', files: 1, bytes: 1000 });
    bar.onProgress({ kind: 'ocr', path: 'scan.pdf', pages: 3, seconds: 2 });
    assert.match(tty.text, /OCR 3 page\(s\) 1\.50 pages\/s .*scan\.pdf/);
    bar.onProgress({ kind: 'file', path: 'scan.pdf', status: 'ingested', documents: 1, done: 1, files: 1, bytesDone: 1000, bytes: 1000 });
    assert.match(tty.text, /\[#{24}\] 1\/1 files .*OCR 3 page\(s\)/);

    const log = fakeStream(false);
    const plain = progressReporter(log);
    for (let pages = 1; pages <= 20; pages++) plain.onProgress({ kind: 'ocr', path: 'scan.pdf', pages, seconds: pages });
    const lines = log.text.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^OCR 1 page\(s\) 1\.00 pages\/s \(scan\.pdf\)$/);
  });
});
