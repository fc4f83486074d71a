// A table in a PDF: poppler's default mode reads it column by column ("Name / Hassan Karimi / Omar Haddad / ..."),
// so a page with a table is read in layout mode, each row on its line (src/ingest/pdf-text.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { isTablePage } from '../../src/ingest/pdf-text.js';
import { writePdf, writePlacedTextPdf } from './helpers/pdf-writer.js';

const skip = spawnSync('pdftotext', ['-v']).error ? 'poppler-utils not installed' : false;

const COLUMNS = [
  { x: 72, cells: ['Name', 'Hassan Karimi', 'Layla Barzani', 'Omar Haddad'] },
  { x: 230, cells: ['Organisation', 'Ministry of Interior', 'Kurdistan Regional Government', 'Central Bank of Iraq'] },
  { x: 430, cells: ['Post', 'Deputy Minister', 'Adviser', 'Governor'] },
];

test('a table written column by column is read row by row, each row on its line', { skip }, async () => {
  const items = [
    { text: 'The following officials attended the coordination meeting in Baghdad.', x: 72, y: 720 },
    ...COLUMNS.flatMap(({ x, cells }) => cells.map((text, row) => ({ text, x, y: 680 - 16 * row }))),
  ];
  const pdf = writePlacedTextPdf(items);
  // The fault: the default mode gives the cells of a column one after the other.
  const plain = spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString('utf8');
  assert.ok(!/Hassan Karimi +Ministry of Interior/u.test(plain), plain);
  const doc = await readDocument('roster.pdf', pdf);
  const lines = doc.text.split('\n').map((l) => l.trim().replace(/ {2,}/gu, ' | '));
  assert.ok(lines.includes('Name | Organisation | Post'), doc.text);
  assert.ok(lines.includes('Hassan Karimi | Ministry of Interior | Deputy Minister'), doc.text);
  assert.ok(lines.includes('Layla Barzani | Kurdistan Regional Government | Adviser'), doc.text);
  assert.ok(lines.includes('The following officials attended the coordination meeting in Baghdad.'), doc.text);
});

test('prose pages, and pages whose wide gaps are not one table with a header, keep the default reading', { skip }, async () => {
  const prose = await readDocument('memo.pdf', writePdf([['The envoy met the minister in Baghdad on Monday.', 'They discussed the border.']]));
  assert.match(prose.text, /The envoy met the minister in Baghdad on Monday\.\nThey discussed the border\./u);
  // Two columns of prose side by side, no header: not a table page.
  const columns = ['The envoy met the minister in     Officials said the talks would', 'Baghdad on Monday, officials       resume next week in Erbil after', 'said after the meeting ended.      the holiday, the ministry said.'].join('\n');
  assert.equal(isTablePage(columns), false);
  assert.equal(isTablePage(['Name        Organisation         Post', 'Hassan Karimi   Ministry of Interior   Deputy Minister', 'Omar Haddad     Central Bank of Iraq   Governor'].join('\n')), false);
  assert.equal(isTablePage(['Name            Organisation           Post', 'Hassan Karimi   Ministry of Interior   Deputy Minister', 'Omar Haddad     Central Bank of Iraq   Governor'].join('\n')), true);
  // A page going on with the table of the page before: rows without a header, taken only after a table page.
  const rest = ['Layla Barzani   Kurdistan Regional Government   Adviser', 'Adel Mansouri   Zulfiqar Brigade                Commander', '', 'Page 2'].join('\n');
  assert.equal(isTablePage(rest, true), true);
  assert.equal(isTablePage(rest, false), false);
});
