/** dBase and FoxPro tables (.dbf) through the dbffile library: one document whose text is the table, laid out like a sheet. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DBFFile } from 'dbffile';
import type { IngestError } from '../../model/index.js';
import { dbfEncoding } from '../database/dbf-encoding.js';
import { cleanCell, tableText, tableTooBig } from '../table-layout.js';
import { newDocument } from '../document.js';
import { IngestFailure, type FormatHandler, type HandlerInput } from '../handler.js';

// Memo (M), general/OLE (G) and picture (P) fields point into the memo file.
const MEMO_TYPES = new Set(['M', 'G', 'P']);

/** Reads a .dbf in the encoding its header declares; memo fields kept in a separate .dbt/.fpt file are left out with a warning. */
export const dbfHandler: FormatHandler = {
  name: 'dbf',
  extensions: ['.dbf'],
  async read(input) {
    // dbffile reads from a path; a private temporary copy named .dbf (it finds memo files by extension), removed at once.
    const dir = await mkdtemp(join(tmpdir(), 'cablegraph-dbf-'));
    const file = join(dir, 'input.dbf');
    try {
      await writeFile(file, input.bytes, { mode: 0o600 });
      const encoding = dbfEncoding(input.bytes);
      const warnings: IngestError[] = [];
      let dbf: DBFFile;
      try {
        dbf = await DBFFile.open(file, { encoding });
      } catch (err) {
        const message = errorMessage(err);
        // The memo file sits beside the .dbf on disk; only the table's bytes reach a handler.
        if (!/memo file not found/i.test(message)) throw corrupt(input, message);
        dbf = await DBFFile.open(file, { encoding, readMode: 'loose' }).catch((e: unknown) => { throw corrupt(input, errorMessage(e)); });
        // Versions that may have a memo file are asked for one even when no field uses it.
        const memos = dbf.fields.filter((f) => MEMO_TYPES.has(f.type)).map((f) => f.name);
        if (memos.length > 0) {
          warnings.push({ path: input.path, code: 'memo-missing', message: `${input.path} keeps the long text of ${memos.join(', ')} in a separate .dbt/.fpt file, which was not read; those cells are empty.` });
        }
      }
      // A header that promises more records than the file holds means it was cut short.
      if (dbf._headerLength + dbf.recordCount * dbf._recordLength > input.bytes.byteLength) {
        throw corrupt(input, `its header promises ${dbf.recordCount} records but the file ends before them (truncated?)`);
      }
      const names = dbf.fields.map((f) => f.name);
      const tooBig = tableTooBig(dbf.recordCount, names.length);
      if (tooBig) throw new IngestFailure('too-large', `${input.path} ${tooBig}; it was not read (export it in parts).`);
      const rows: string[][] = [names];
      try {
        for await (const record of dbf) rows.push(names.map((name) => cellText(record[name])));
      } catch (err) {
        throw corrupt(input, errorMessage(err));
      }
      const doc = newDocument(input, 'dbf', tableText(rows), { mimeType: 'application/x-dbf', meta: { encoding } });
      if (warnings.length > 0) doc.warnings = warnings;
      return doc;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function corrupt(input: HandlerInput, reason: string): IngestFailure {
  return new IngestFailure('corrupt-database', `${input.path} is not a readable dBase/FoxPro table: ${reason.replace(/'[^']*input\.dbf'/g, 'the file')}.`);
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A field's value as shown: dates as YYYY-MM-DD (with the time when it has one), logicals as true/false. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'string') return cleanCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return ''; // binary and general fields hold no text
}
