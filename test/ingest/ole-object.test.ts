// Files embedded in Office documents: the OLE wrapper Office writes around them (an Acrobat "CONTENTS" stream, a
// packager "\x01Ole10Native" stream, an embedded .docx as "Package") is opened and the file inside read as its child;
// a .docx whose first members are media is still read as a document, not unpacked as a zip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { readDocument } from '../../src/ingest/read-document.js';
import { packagedFile } from '../../src/ingest/office/ole-object.js';
import { writeDocx } from './helpers/docx-writer.js';
import { writePdf } from './helpers/pdf-writer.js';
import { writeZip } from './helpers/zip-writer.js';

function oleFile(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, Buffer.from(data));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** A packager stream as Word writes it for a dropped file: sizes, label, paths, then the bytes. */
function ole10Native(label: string, data: Uint8Array): Uint8Array {
  const temp = Buffer.from(`C:\\Temp\\${label}\0`, 'latin1');
  const head = Buffer.concat([Buffer.from([2, 0]), Buffer.from(`${label}\0C:\\Users\\ana\\${label}\0`, 'latin1'), Buffer.from([0, 0, 3, 0])]);
  const tempLen = Buffer.alloc(4);
  tempLen.writeUInt32LE(temp.length);
  const dataLen = Buffer.alloc(4);
  dataLen.writeUInt32LE(data.byteLength);
  const body = Buffer.concat([head, tempLen, temp, dataLen, Buffer.from(data)]);
  const total = Buffer.alloc(4);
  total.writeUInt32LE(body.length);
  return new Uint8Array(Buffer.concat([total, body]));
}

test('a PDF embedded in a slide (an Acrobat OLE object) is read as the object\'s child', async () => {
  const object = oleFile({ '\u0001Ole': new Uint8Array(20), CONTENTS: writePdf([['Payments ledger for the Basra port contract.']]) });
  const doc = await readDocument('deck.pptx!/ppt/embeddings/oleObject1.bin', object);
  assert.equal(doc.format, 'ole-object');
  assert.equal(doc.children?.length, 1);
  assert.equal(doc.children![0]!.path, 'deck.pptx!/ppt/embeddings/oleObject1.bin!/CONTENTS');
  assert.equal(doc.children![0]!.format, 'pdf');
  assert.match(doc.children![0]!.text, /Payments ledger for the Basra port contract/);
});

test('a packaged file keeps its name; an embedded .docx whose first members are pictures is read as Word', async () => {
  const note = new TextEncoder().encode('The envoy met the minister in Basra on Monday.');
  assert.deepEqual(packagedFile(ole10Native('note.txt', note))?.name, 'note.txt');
  const packaged = await readDocument('memo.doc!/Object 3', oleFile({ '\u0001Ole10Native': ole10Native('note.txt', note) }));
  assert.equal(packaged.children![0]!.path, 'memo.doc!/Object 3!/note.txt');
  assert.equal(packaged.children![0]!.text, 'The envoy met the minister in Basra on Monday.');
  assert.equal(packagedFile(new Uint8Array([9, 0, 0, 0, 2, 0, 65])), undefined, 'a stream of another layout is not a package');

  // Converters write media first: the head shows no part name, the central directory does.
  const docx = writeDocx(['The envoy met the minister in Basra.']);
  const parts: { name: string; data: Uint8Array }[] = [{ name: 'word/media/image1.png', data: new Uint8Array(64) }];
  await readZipParts(docx, parts);
  const reordered = writeZip(parts);
  const embedded = await readDocument('memo.doc!/Object 5', oleFile({ '\u0001Ole': new Uint8Array(20), Package: reordered }));
  assert.equal(embedded.children![0]!.format, 'docx');
  assert.equal(embedded.children![0]!.text, 'The envoy met the minister in Basra.');
  assert.equal((await readDocument('Package.zip', reordered)).format, 'docx');
});

/** Appends the members of a zip to `into`, in order. */
async function readZipParts(zip: Uint8Array, into: { name: string; data: Uint8Array }[]): Promise<void> {
  const { readZip } = await import('../../src/ingest/zip-reader.js');
  const { DEFAULT_LIMITS } = await import('../../src/ingest/handler.js');
  await readZip('x.zip', zip, DEFAULT_LIMITS, async ({ name, bytes }) => { into.push({ name, data: bytes }); }, () => undefined);
}
