// SVG drawings are read for the words they show, not stored as their XML source; recognised by content whatever the name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const DRAWING = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a drawing tool -->
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200">
  <title>Organigram of Sahel Trading</title>
  <style>.box { fill: #eee }</style>
  <rect class="box" x="10" y="10" width="180" height="60"/>
  <text x="20" y="40">Karim <tspan font-weight="bold">Haddad</tspan></text>
  <text x="20" y="120">   Director,
     Beirut office   </text>
  <script>var hidden = "not text";</script>
</svg>`;

test('an SVG gives its title and the words of its text elements, one line each', async () => {
  const doc = await readDocument('org.svg', utf8(DRAWING));
  assert.equal(doc.format, 'svg');
  assert.equal(doc.mimeType, 'image/svg+xml');
  assert.equal(doc.title, 'Organigram of Sahel Trading');
  assert.equal(doc.text, 'Organigram of Sahel Trading\nKarim Haddad\nDirector, Beirut office');
  assert.ok(!doc.text.includes('fill') && !doc.text.includes('hidden'), 'no styles, scripts or markup');
});

test('an SVG is recognised by its root element under another name', async () => {
  const doc = await readDocument('export.xml', utf8(DRAWING));
  assert.equal(doc.format, 'svg');
});

test('an SVG cut short keeps the words before the cut; a file named .svg without an <svg> root is refused', async () => {
  const cut = await readDocument('org.svg', utf8('<svg xmlns="http://www.w3.org/2000/svg"><text>Karim Haddad</text><text>Direc'));
  assert.equal(cut.text.split('\n')[0], 'Karim Haddad');
  await rejectsWith(readDocument('org.svg', utf8('<?xml version="1.0"?><drawing><text>no svg here</text></drawing>')), 'corrupt-svg');
});
