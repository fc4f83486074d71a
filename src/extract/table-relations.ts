/**
 * Relations a table states in its columns rather than in sentences: a ledger's payer, payee and amount ("2022-01-15,
 * Halcyon Trading Company,Zulfiqar Brigade,50000"), a roster's person, post and organisation ("Adel Mansouri <tab>
 * Commander <tab> Zulfiqar Brigade"). The header row names the columns; each later row with a recognised name in both
 * end columns gives one relation, its evidence the row. A ledger needs an amount column too, so a table of journeys
 * (from, to) is not read as payments. Headers are matched by a few general words in English, Persian and Arabic.
 */
import type { MoneyMention, Span } from '../model/index.js';
import type { ExtractedRelation, ExtractionInput, InputMention } from './types.js';
import { SpanIndex } from './span-lookup.js';
import { columnRole, headerKey, type ColumnRole, type TableCell, type TextTable } from '../nlp/tables.js';

/** How a table's cells are delimited: a sheet or TSV by tabs, a CSV by commas (or semicolons, where its header has more). */
export type TableDelimiter = '\t' | ',' | ';';

// A currency named by an amount column's header ("amount_usd", "USD").
const HEADER_CURRENCY = /\b(usd|eur|gbp|chf|irr|iqd|syp|lbp|aed|sar|rub|cny)\b/iu;

/** A cell of a row: its span in the text (quotes of a CSV field left out) and its text. */
type Cell = Omit<TableCell, 'column'>;

/** The cells of one line (`start`..`end` of the text); a CSV field may be quoted, with "" for a quote inside. */
export function splitCells(text: string, start: number, end: number, delimiter: TableDelimiter): Cell[] {
  const cells: Cell[] = [];
  let i = start;
  while (i <= end) {
    while (i < end && (text[i] === ' ' || text[i] === '\t') && text[i] !== delimiter) i++;
    let from = i;
    let to: number;
    if (delimiter !== '\t' && text[i] === '"') {
      let j = i + 1;
      while (j < end && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      from = i + 1;
      to = Math.min(j, end);
      i = j + 1;
      while (i < end && text[i] !== delimiter) i++;
    } else {
      const next = text.indexOf(delimiter, i);
      to = next < 0 || next > end ? end : next;
      i = to;
    }
    while (from < to && /\s/u.test(text[from]!)) from++;
    while (to > from && /\s/u.test(text[to - 1]!)) to--;
    cells.push({ start: from, end: to, text: text.slice(from, to) });
    i++;
  }
  return cells;
}

/** The column of each role, from the header's cells. */
function columnsOf(header: readonly Cell[]): Partial<Record<ColumnRole, number>> {
  const out: Partial<Record<ColumnRole, number>> = {};
  header.forEach((c, k) => {
    const role = columnRole(c.text);
    if (role && out[role] === undefined) out[role] = k;
  });
  return out;
}

/** The longest mention inside a cell (looked up by span: a sheet part holds thousands of rows). */
function mentionIn(mentions: SpanIndex<InputMention>, cell: Cell | undefined): InputMention | undefined {
  if (!cell) return undefined;
  let best: InputMention | undefined;
  for (const m of mentions.inside(cell)) if (!best || m.end - m.start > best.end - best.start) best = m;
  return best;
}

/** The amount of a ledger row: a money mention in its cell, or a plain number in the currency its header names. */
function amountIn(cell: Cell | undefined, money: SpanIndex<MoneyMention>, header: string): MoneyMention | undefined {
  if (!cell) return undefined;
  const found = money.inside(cell)[0];
  if (found) return found;
  const plain = /^[+-]?\d[\d,' ]*(?:\.\d+)?$/u.test(cell.text) ? Number(cell.text.replace(/[,' ]/gu, '')) : NaN;
  if (!Number.isFinite(plain)) return undefined;
  return { start: cell.start, end: cell.end, text: cell.text, amount: plain, currency: HEADER_CURRENCY.exec(headerKey(header))?.[1]?.toUpperCase() ?? '' };
}

/**
 * Relations of a table's rows (see the module comment). Not measured on a labelled set (none here has tables), so each
 * has the confidence `confidence` the caller gives; the header row and rows without a name in both end columns give none.
 */
export function tableRelations(input: ExtractionInput, delimiter: TableDelimiter, confidence: number): ExtractedRelation[] {
  const { text } = input;
  const rows: TextTable['rows'] = [];
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (end > at && text.slice(at, end).trim() !== '') {
      const line: Span = { start: at, end: text[end - 1] === '\r' ? end - 1 : end };
      rows.push({ ...line, cells: splitCells(text, line.start, line.end, delimiter).map((c, column) => ({ ...c, column })) });
    }
    at = end + 1;
  }
  return relationsOfTables(input, [{ rows, header: true }], confidence);
}

/**
 * Relations of tables whose first row names the columns (a file that is one table, or the tables of a text found by
 * src/nlp/tables.ts); a cell's column is its `column`, so a row laid out with spaces may leave a cell empty.
 */
export function relationsOfTables(input: ExtractionInput, tables: readonly TextTable[], confidence: number): ExtractedRelation[] {
  const { text } = input;
  const out: ExtractedRelation[] = [];
  const [mentions, money] = [new SpanIndex(input.mentions), new SpanIndex(input.money)];
  for (const table of tables) {
    const [first, ...rows] = table.rows;
    if (!first || !table.header) continue;
    const header = first.cells;
    const col = columnsOf(header);
    const ledger = col.payer !== undefined && col.payee !== undefined && col.amount !== undefined;
    const roster = col.person !== undefined && col.organisation !== undefined;
    if (!ledger && !roster) continue;
    for (const row of rows) {
      const cellOf = (k?: number): Cell | undefined => (k === undefined ? undefined : row.cells.find((c) => c.column === k));
      const evidence = { documentId: input.documentId, start: row.start, end: row.end, text: text.slice(row.start, row.end) };
      const pair = (a?: number, b?: number): [InputMention, InputMention] | undefined => {
        const [x, y] = [mentionIn(mentions, cellOf(a)), mentionIn(mentions, cellOf(b))];
        return x && y && x.entityKey !== y.entityKey ? [x, y] : undefined;
      };
      const paid = ledger ? pair(col.payer, col.payee) : undefined;
      if (paid) {
        const amount = amountIn(cellOf(col.amount), money, header[col.amount!]!.text);
        out.push({
          type: 'paid', source: paid[0].entityKey, target: paid[1].entityKey, confidence, rule: 'table:ledger', evidence,
          sourceSpan: paid[0], targetSpan: paid[1], ...(amount ? { amount } : {}),
        });
      }
      const member = roster ? pair(col.person, col.organisation) : undefined;
      if (member && member[0].type === 'PERSON') {
        const post = cellOf(col.post)?.text ?? '';
        out.push({
          type: 'role_in', source: member[0].entityKey, target: member[1].entityKey, confidence, rule: 'table:roster', evidence,
          sourceSpan: member[0], targetSpan: member[1], ...(post ? { role: post } : {}),
        });
      }
    }
  }
  return out;
}

/** How a stored document's table is delimited, or undefined when it is not a table (by format and media type). */
export function tableDelimiterOf(format: string, mimeType: string | null, text: string): TableDelimiter | undefined {
  if (format === 'sheet' || mimeType === 'text/tab-separated-values') return '\t';
  if (mimeType !== 'text/csv') return undefined;
  const header = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  return (header.match(/;/gu)?.length ?? 0) > (header.match(/,/gu)?.length ?? 0) ? ';' : ',';
}
