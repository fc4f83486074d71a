// XPS documents (Windows' "Microsoft XPS Document Writer"): the text of each page's <Glyphs> runs, page by page in
// page order, one line per baseline; recognised by their parts whatever the name, never unpacked as a zip of XML.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { writeZip } from './helpers/zip-writer.js';

const glyphs = (x: number, y: number, text: string) =>
  `<Glyphs FontUri="/Resources/font.odttf" FontRenderingEmSize="12" OriginX="${x}" OriginY="${y}" UnicodeString="${text}" />`;
const page = (...runs: string[]) =>
  `<FixedPage xmlns="http://schemas.microsoft.com/xps/2005/06" Width="816" Height="1056"><Canvas>${runs.join('')}</Canvas></FixedPage>`;

function writeXps(): Uint8Array {
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="fpage" ContentType="application/vnd.ms-package.xps-fixedpage+xml"/></Types>' },
    { name: 'FixedDocSeq.fdseq', data: '<FixedDocumentSequence xmlns="http://schemas.microsoft.com/xps/2005/06"><DocumentReference Source="Documents/1/FixedDoc.fdoc"/></FixedDocumentSequence>' },
    { name: 'Documents/1/Pages/10.fpage', data: page(glyphs(96, 120, 'Page ten: the ledger ends here.')) },
    { name: 'Documents/1/Pages/1.fpage', data: page(glyphs(96, 120, 'Memo on the port contract'), glyphs(96, 150, 'The deputy minister met'), glyphs(260, 150, 'the director in Basra.'), glyphs(96, 180, '{}{draft}')) },
    { name: 'Documents/1/Pages/2.fpage', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(glyphs(96, 120, 'Second page, saved as UTF-16.')), 'utf16le')]) },
    { name: 'Resources/font.odttf', data: new Uint8Array(256) },
    { name: 'docProps/core.xml', data: '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Port memo</dc:title><dc:creator>R. Dubois</dc:creator></cp:coreProperties>' },
  ]);
}

test('an XPS document is read page by page: runs on one baseline joined, pages in page order', async () => {
  const doc = await readDocument('memo.xps', writeXps());
  assert.equal(doc.format, 'xps');
  assert.equal(doc.title, 'Port memo');
  assert.equal(doc.author, 'R. Dubois');
  assert.equal(doc.pages?.length, 3);
  const pages = doc.pages!.map((s, i) => doc.text.slice(s, doc.pages![i + 1] ?? doc.text.length).trim());
  assert.deepEqual(pages, [
    'Memo on the port contract\nThe deputy minister met the director in Basra.\n{draft}',
    'Second page, saved as UTF-16.',
    'Page ten: the ledger ends here.',
  ]);
  assert.equal(doc.children, undefined, 'fonts and parts are not children');
  // Whatever its name, it is an XPS document, not a zip.
  assert.equal((await readDocument('printout.zip', writeXps())).format, 'xps');
});
