/** Microsoft Access databases (.mdb, .accdb) through mdbtools: one child document per table, laid out like a sheet. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { exportTable, listTables } from '../database/mdbtools.js';
import { MAX_TABLE_ROWS, sheetDocument, tableText, tableTooBig } from '../table-layout.js';
import { asciiHead, newDocument, toWarning } from '../document.js';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { isEncryptedAce } from '../database/access-encryption.js';

// Jet 3/4 (.mdb) and ACE (.accdb) files: bytes 00 01 00 00, then the engine's name at offset 4.
const SIGNATURES = ['\x00\x01\x00\x00Standard Jet DB', '\x00\x01\x00\x00Standard ACE DB'];

/** Reads each user table of an Access file as a child "db.mdb#Table"; the database's own text lists its tables. */
export const accessHandler: FormatHandler = {
  name: 'access',
  extensions: ['.mdb', '.accdb'],
  sniff: (head) => {
    const start = asciiHead(head, 19);
    return SIGNATURES.some((s) => start === s);
  },
  async read(input) {
    if (isEncryptedAce(input.bytes)) {
      throw new IngestFailure('encrypted', `${input.path} is a password-protected Access database (encrypted); ask for the password or a decrypted copy.`);
    }
    // mdbtools seeks through pages, so it reads a private temporary copy; it is removed at once.
    const dir = await mkdtemp(join(tmpdir(), 'cablegraph-mdb-'));
    const file = join(dir, 'input');
    try {
      await writeFile(file, input.bytes, { mode: 0o600 });
      const tables = await listTables(file, input.path);
      const children: ExtractedDocument[] = [];
      const warnings: IngestError[] = [];
      for (const table of tables) {
        const path = `${input.path}#${table}`;
        let exported;
        try {
          exported = await exportTable(file, table, path, MAX_TABLE_ROWS);
        } catch (err) {
          // One unreadable table (a damaged page) does not lose the others.
          warnings.push(toWarning(path, err));
          continue;
        }
        const { rows, over } = exported;
        const tooBig = over ? tableTooBig(MAX_TABLE_ROWS + 1, 0) : tableTooBig(rows.length - 1, rows[0]?.length ?? 0);
        if (tooBig) {
          warnings.push({ path, code: 'too-large', message: `${path} ${tooBig}; the table was not read (export it in parts).` });
          continue;
        }
        // A table with only its header row stays, as an empty sheet does: its column names tell what it was for.
        const text = tableText(rows);
        if (text.trim() !== '') children.push(sheetDocument(path, table, text, { table, database: input.path }));
      }
      const mimeType = input.path.toLowerCase().endsWith('.accdb') ? 'application/vnd.ms-access' : 'application/x-msaccess';
      return newDocument(input, 'access', tables.join('\n'), { mimeType, children, warnings });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
