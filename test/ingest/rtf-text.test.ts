// RTF bodies of Outlook messages as text: destinations skipped, HTML tags of encapsulated HTML left out, escapes decoded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rtfToText } from '../../src/ingest/rtf-text.js';

test('leaves out the HTML tags Outlook encapsulates in RTF and keeps the text once', () => {
  const rtf = '{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}' +
    '{\\*\\htmltag19 <html>}{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 The contractor was paid in Basra\\{twice\\}.' +
    '{\\*\\htmltag72 </p>}\\htmlrtf\\par\\htmlrtf0}\r\n{\\*\\htmltag64 <p>}Ledger attached{\\*\\htmltag72 </p>}\\par}';
  assert.equal(rtfToText(rtf), 'The contractor was paid in Basra{twice}.\nLedger attached');
});

test('decodes code-page bytes, Unicode escapes with their fallback characters, tabs and line breaks', () => {
  // Windows-1256 (Arabic): \'e3\'cd\'e3\'cf is "محمد"; \u1605? is "م" with "?" as the fallback for old readers.
  const rtf = '{\\rtf1\\ansi\\ansicpg1256 Name:\\tab \\\'e3\\\'cd\\\'e3\\\'cf\\line Unicode: \\u1605?\\u1581?\\par}';
  assert.equal(rtfToText(rtf), 'Name:\tمحمد\nUnicode: مح');
});
