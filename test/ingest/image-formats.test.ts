// GIF, WebP and JPEG 2000 images are recognised by their signatures (whatever their name) and go to OCR like PNG,
// JPEG and TIFF. OCR is off here: no tool on the test machine writes these formats with text in them (the peer
// checks, scripts/formats/peer-checks.ts, read real ones); the signatures and media types are what is tested.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { defaultOcrOptions } from '../../src/ingest/ocr/options.js';
import { rejectsWith } from './helpers/assert-failure.js';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
// Headers as the formats define them, followed by filler: a GIF89a screen descriptor, a RIFF WebP with its VP8
// chunk tag, a JP2 signature box and a bare JPEG 2000 codestream (SOC, SIZ markers).
const IMAGES: [string, Uint8Array, string][] = [
  ['scan.gif', bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00, 0xf7, 0, 0], new Array(64).fill(0)), 'image/gif'],
  ['scan.webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ', new Array(64).fill(0)), 'image/webp'],
  ['scan.jp2', bytes([0, 0, 0, 0x0c], 'jP  ', [0x0d, 0x0a, 0x87, 0x0a], new Array(64).fill(0)), 'image/jp2'],
  ['scan.j2k', bytes([0xff, 0x4f, 0xff, 0x51], new Array(64).fill(0)), 'image/jp2'],
];
const noOcr = defaultOcrOptions({ enabled: false });

for (const [name, data, mime] of IMAGES) {
  test(`${name} is read as an image (${mime}), also when misnamed`, async () => {
    for (const path of [name, name.replace(/\.\w+$/u, '.bin')]) {
      const doc = await readDocument(path, data, DEFAULT_LIMITS, 0, noOcr);
      assert.equal(doc.format, 'image', path);
      assert.equal(doc.mimeType, mime, path);
      assert.equal(doc.warnings?.[0]?.code, 'no-text', 'stored blank with OCR off, and said so');
    }
  });
}

test('a file named .gif that is not a GIF is refused as a corrupt image', async () => {
  await rejectsWith(readDocument('scan.gif', bytes('not an image at all, just words'), DEFAULT_LIMITS, 0, noOcr), 'corrupt-image');
});
