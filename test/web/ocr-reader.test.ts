// The reader's page markers: OCR'd pages show their confidence, low ones are flagged, text-layer pages stay plain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DocumentText } from '../../web/components/document-text.js';
import { formatOcrConfidence, parseOcrConfidence } from '../../src/model/index.js';

const markers = (html: string) => [...html.matchAll(/<div class="(page-marker[^"]*)"[^>]*>([^<]*)<\/div>/g)].map((m) => [m[1], m[2]]);

test('OCR confidence per page in the markers, low pages marked, typed pages without it', () => {
  const text = 'Typed cover note.\n\nScanned page, read well.\n\nScanned page, read badly.';
  const ocr = parseOcrConfidence({ ocrConfidence: formatOcrConfidence([undefined, 0.874, 0.41]) });
  assert.deepEqual(ocr, [null, 0.874, 0.41]);
  const html = renderToStaticMarkup(createElement(DocumentText, { text, marks: [], pages: [0, 19, 45], ocr }));
  assert.deepEqual(markers(html), [
    ['page-marker', 'Page 1'],
    ['page-marker ocr', 'Page 2 · OCR 87%'],
    ['page-marker ocr low', 'Page 3 · OCR 41% · low confidence'],
  ]);
});

test('a one-page scan gets its marker too; a one-page typed document none', () => {
  const scan = renderToStaticMarkup(createElement(DocumentText, { text: 'A scanned fax.', marks: [], pages: [0], ocr: [0.93] }));
  assert.deepEqual(markers(scan), [['page-marker ocr', 'Page 1 · OCR 93%']]);
  const typed = renderToStaticMarkup(createElement(DocumentText, { text: 'A typed memo.', marks: [], pages: [0] }));
  assert.deepEqual(markers(typed), []);
});
