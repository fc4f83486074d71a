// Files whose name does not say what they are: XML under names no handler claims (XMP, TMX, ASX), Word 2003 XML named
// .doc, and OpenPGP messages, which fail as "encrypted" (asking for the key or password) rather than unsupported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { rejectsWith } from './helpers/assert-failure.js';

const read = (name: string, bytes: string | Uint8Array) =>
  readDocument(name, typeof bytes === 'string' ? new Uint8Array(Buffer.from(bytes, 'utf8')) : bytes, DEFAULT_LIMITS, 0);

const WORDML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:o="urn:schemas-microsoft-com:office:office">
  <o:DocumentProperties><o:Title>Port contract memo</o:Title></o:DocumentProperties>
  <w:fonts><w:font w:name="Calibri"/></w:fonts>
  <w:body><wx:sect xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint">
    <w:p><w:r><w:t>The deputy minister </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>met</w:t></w:r><w:r><w:t> the director.</w:t></w:r></w:p>
    <w:p><w:r><w:t>Basra, 20 November 2019</w:t></w:r></w:p>
  </wx:sect></w:body>
</w:wordDocument>
`;

test('Word 2003 XML named .doc is read as its paragraphs, runs joined, not sent to the Word binary reader', async () => {
  const doc = await read('memo.doc', WORDML);
  assert.equal(doc.format, 'wordml');
  assert.equal(doc.title, 'Port contract memo');
  assert.deepEqual(doc.text.split('\n'), ['The deputy minister met the director.', 'Basra, 20 November 2019']);
  assert.doesNotMatch(doc.text, /Calibri|<|xmlns/);
});

test('XML under a name no handler claims is read as XML, with or without a declaration when the root has a namespace', async () => {
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Harbour survey</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>`;
  const doc = await read('photo.xmp', xmp);
  assert.equal(doc.format, 'xml');
  assert.equal(doc.text, 'Harbour survey');
  const asx = `\ufeff  <?xml version="1.0"?><asx version="3.0"><title>Evening news</title><entry><ref href="http://example.org/a.wmv"/></entry></asx>`;
  const playlist = await read('news.unknownext', asx);
  assert.equal(playlist.format, 'xml');
  assert.equal(playlist.text, 'Evening news');
  // A text file that merely starts with a tag, without declaration or namespace, stays text.
  const plain = await read('notes.dat', '<b>Note</b> the minister arrived on Monday and left the next day.');
  assert.equal(plain.format, 'text');
});

// Made with: echo secret | gpg --batch --passphrase pw --pinentry-mode loopback -c [-a]
const GPG_BINARY = 'jA0ECQMCBUkBSdf3D3r/0jwBjVvHiTb3+fVPCn/hnNjUbl9Oq0ikIOEt9+BMIMW5qa2mTEBiMw0+IQu+mqERvpyP7zWXP9p9rf+6onY=';
const GPG_ARMORED = `-----BEGIN PGP MESSAGE-----

jA0ECQMCg8qwd8Ql6iT/0jwBrHTwDsU6e8Cfup8EuTthEyfyxhCDj9RQBkImlkD8
O8JSPxFp/ZN+IB12CPToJnmB7UfshdsxHIa0ZB0=
=rT4c
-----END PGP MESSAGE-----
`;

test('OpenPGP messages, binary or armored, whatever their name, fail as encrypted and ask for the key or password', async () => {
  const binary = new Uint8Array(Buffer.from(GPG_BINARY, 'base64'));
  for (const [name, bytes] of [['m.gpg', binary], ['m.bin', binary], ['m.asc', GPG_ARMORED], ['m.txt', GPG_ARMORED]] as const) {
    await rejectsWith(read(name, bytes), 'encrypted', /key or the password/);
  }
});

test('a file named .gpg that is not an encrypted message is not called encrypted', async () => {
  await rejectsWith(read('key.gpg', new Uint8Array([0x99, 0x01, 0x0d, 0x04, 0x5f])), 'unsupported-format', /not an encrypted OpenPGP message/);
});
