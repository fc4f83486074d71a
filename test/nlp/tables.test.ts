// Tables inside a text (src/nlp/tables.ts): rows grouped into tables, cells and their columns, header rows, and the
// units names are read in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readingView } from '../../src/nlp/layout.js';
import { columnNames, findTables, isHeaderRow, nameUnits, type TypedSpan } from '../../src/nlp/tables.js';
import { splitSentences } from '../../src/nlp/sentences.js';

const REPORT = [
  'The following officials attended the meeting in Baghdad.',
  '',
  'Name                 Organisation               Post',
  'Hassan Karimi        Ministry of Defence        Deputy Minister',
  'Layla Barzani                                   Adviser',
  'Omar Haddad          Central Bank of Iraq       Governor',
  '',
  'Date        Payer                     Payee                   Amount',
  '2019-03-02  Ministry of Defence       Omar Haddad            $12,000',
  '2019-03-09  Hassan Karimi             Layla Barzani           $4,500',
  '',
].join('\n');

test('rows laid out with spaces make tables; a cell takes the column of the header it lies under, an empty cell shifts nothing', () => {
  const tables = findTables(REPORT, readingView(REPORT));
  assert.equal(tables.length, 2);
  const [roster, ledger] = tables as [ReturnType<typeof findTables>[number], ReturnType<typeof findTables>[number]];
  assert.ok(roster.header && ledger.header);
  const cells = (t: typeof roster): string[][] => t.rows.map((r) => r.cells.map((c) => `${c.column}:${c.text}`));
  assert.deepEqual(cells(roster), [
    ['0:Name', '1:Organisation', '2:Post'],
    ['0:Hassan Karimi', '1:Ministry of Defence', '2:Deputy Minister'],
    ['0:Layla Barzani', '2:Adviser'],
    ['0:Omar Haddad', '1:Central Bank of Iraq', '2:Governor'],
  ]);
  // Two spaces part the date from the payer: the header has a cell starting at that column. The right-aligned
  // amount stays under "Amount".
  assert.deepEqual(cells(ledger)[1], ['0:2019-03-02', '1:Ministry of Defence', '2:Omar Haddad', '3:$12,000']);
  for (const t of tables) for (const r of t.rows) for (const c of r.cells) assert.equal(REPORT.slice(c.start, c.end), c.text);
});

test('a header row names columns; a row of names or of figures does not', () => {
  const row = (...texts: string[]) => ({ start: 0, end: 0, cells: texts.map((text, column) => ({ start: 0, end: 0, text, column })) });
  assert.ok(isHeaderRow(row('Name', 'Organisation', 'Post')));
  assert.ok(isHeaderRow(row('Date', 'Payer', 'Payee', 'Amount (USD)')));
  assert.ok(isHeaderRow(row('نام', 'سمت', 'سازمان')));
  assert.ok(!isHeaderRow(row('Hassan Karimi', 'Ministry of Defence', 'Deputy Minister')));
  assert.ok(!isHeaderRow(row('Date', '2019')));
  assert.ok(!isHeaderRow(row('Name')));
});

test('names are read cell by cell, header rows left out; prose and tab-indented paragraphs keep their sentences', () => {
  const reading = readingView(REPORT);
  const units = nameUnits(reading, splitSentences(REPORT), findTables(REPORT, reading)).map((u) => REPORT.slice(u.start, u.end));
  assert.deepEqual(units.slice(0, 5), ['The following officials attended the meeting in Baghdad.', 'Hassan Karimi', 'Ministry of Defence', 'Deputy Minister', 'Layla Barzani']);
  for (const header of ['Name', 'Organisation', 'Post', 'Date', 'Payer', 'Payee', 'Amount']) assert.ok(!units.includes(header), header);
  const prose = '\tThe minister met the envoy. He left on Monday.\n\tThe talks went on.\n';
  const sentences = splitSentences(prose);
  assert.deepEqual(nameUnits(readingView(prose), sentences, findTables(prose, readingView(prose))).map((u) => prose.slice(u.start, u.end)),
    sentences.map((s) => prose.slice(s.start, s.end)));
  const plain = 'No table here.  Two spaces after a stop.';
  assert.deepEqual(nameUnits(readingView(plain), splitSentences(plain), findTables(plain, readingView(plain))), splitSentences(plain));
});

test('a column names the kind of its cells: a cell left without a name takes the column type, or the type of the same name elsewhere', () => {
  const reading = readingView(REPORT);
  const span = (text: string, type: TypedSpan['type'], from = 0): TypedSpan => {
    const start = REPORT.indexOf(text, from);
    return { start, end: start + text.length, type, text };
  };
  const found = [span('Baghdad', 'LOC'), span('Hassan Karimi', 'PERSON'), span('Central Bank of Iraq', 'ORG'), span('Omar Haddad', 'PERSON'),
    span('Layla Barzani', 'PERSON')];
  const added = columnNames(findTables(REPORT, reading), found).map((s) => `${s.type}:${s.text}@${s.start}`);
  const at = (text: string, nth = 0): number => {
    let k = -1;
    for (let i = 0; i <= nth; i++) k = REPORT.indexOf(text, k + 1);
    return k;
  };
  // Under "Organisation" (the header says so); in the ledger, as the roster names them (only the roster's names were
  // found here). "Deputy Minister" under "Post" is no name: the column holds none.
  assert.deepEqual(added, [`ORG:Ministry of Defence@${at('Ministry of Defence')}`, `ORG:Ministry of Defence@${at('Ministry of Defence', 1)}`,
    `PERSON:Omar Haddad@${at('Omar Haddad', 1)}`, `PERSON:Hassan Karimi@${at('Hassan Karimi', 1)}`, `PERSON:Layla Barzani@${at('Layla Barzani', 1)}`]);
});

test('a tab-separated row opening with an empty cell keeps its columns', () => {
  const text = 'Name\tPost\tOrganisation\nAdel Mansouri\tCommander\tZulfiqar Brigade\n\tAdviser\tMinistry of Interior\n';
  const [table] = findTables(text, readingView(text));
  assert.deepEqual(table!.rows[2]!.cells.map((c) => `${c.column}:${c.text}`), ['0:', '1:Adviser', '2:Ministry of Interior']);
});

test('a table continued after a page number takes the header before it; a table after a caption does not', () => {
  const continued = [
    'Name                 Organisation               Post',
    'Hassan Karimi        Ministry of Defence        Deputy Minister',
    'Omar Haddad          Central Bank of Iraq       Governor',
    '',
    'Page 2',
    '',
    'Layla Barzani        Kurdistan Regional Gov.    Adviser',
    'Adel Mansouri        Zulfiqar Brigade           Commander',
    '',
    'Travellers:',
    '',
    'Omid Rahbar          Erbil                      Baghdad',
    'Farid Nazari         Basra                      Tehran',
  ].join('\n');
  const tables = findTables(continued, readingView(continued));
  assert.deepEqual(tables.map((t) => [t.header, t.rows[0]!.cells.map((c) => c.text).join('|'), t.rows.length]), [
    [true, 'Name|Organisation|Post', 3],
    [true, 'Name|Organisation|Post', 3],
    [false, 'Omid Rahbar|Erbil|Baghdad', 2],
  ]);
  assert.deepEqual(tables[1]!.rows[1]!.cells.map((c) => `${c.column}:${c.text}`), ['0:Layla Barzani', '1:Kurdistan Regional Gov.', '2:Adviser']);
});
