// Outlook data files (.pst) through readpst: messages as e-mail children named by folder, their attachments and
// attached messages below them, contacts and calendar items as .vcf/.ics; a broken file refused; readpst missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writeZip } from './helpers/zip-writer.js';

const skip = spawnSync('readpst', ['-V']).error ? 'readpst not installed (Debian: apt-get install pst-utils)' : false;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

test('reads each message of a .pst as an e-mail child named by its folder, with its attachments (real Outlook file)', { skip }, async () => {
  const doc = await readDocument('mail/box.pst', fixture('msg-in-msg.pst'));
  assert.equal(doc.format, 'pst');
  assert.equal(doc.language, undefined, 'a listing has no language');
  const [message] = doc.children ?? [];
  assert.equal(message?.path, 'mail/box.pst!/msgInMsg/2.eml');
  assert.equal(message?.format, 'email');
  assert.equal(message?.title, 'I have attachments!');
  assert.equal(message?.text, 'I have attachments!');
  // The message was stored without a sender: readpst's "MAILER-DAEMON" placeholder is not kept as one.
  assert.equal(message?.meta?.from, undefined);
  assert.equal(message?.author, undefined);
  const [image, inner] = message?.children ?? [];
  assert.equal(image?.path, 'mail/box.pst!/msgInMsg/2.eml!/green.png');
  assert.equal(inner?.format, 'email');
  assert.equal(inner?.meta?.from, 'Microsoft Outlook <xmailuser@xmailserver.test>');
  assert.match(inner?.text ?? '', /Microsoft Outlook から自動送信/);
  assert.deepEqual(doc.warnings, []);
});

test('contacts and calendar items of a .pst become contact and event documents (real Outlook file)', { skip }, async () => {
  const doc = await readDocument('dist-list.pst', fixture('dist-list.pst'));
  assert.deepEqual(doc.children?.map((c) => [c.path, c.format]), [
    ['dist-list.pst!/Personal Folders/Calendar/1.ics', 'icalendar'],
    ['dist-list.pst!/Personal Folders/Contacts/1.vcf', 'vcard'],
  ]);
  const event = doc.children?.[0]?.children?.[0];
  assert.equal(event?.title, 'Test appointment');
  assert.equal(event?.meta?.start, '2016-08-02T15:00:00Z');
  assert.equal(doc.children?.[1]?.children?.[0]?.meta?.email, 'contact1@rjohnson.id.au');
});

test('a broken .pst fails as corrupt-pst with its path and reason; the other files of the archive land', { skip }, async () => {
  const broken = new Uint8Array(Buffer.from('!BDN this header promises an Outlook data file but nothing follows.'));
  await rejectsWith(readDocument('broken.pst', broken), 'corrupt-pst', /^broken\.pst is not a readable Outlook data file: .+/);
  const zip = await readDocument('export.zip', writeZip([{ name: 'broken.pst', data: broken }, { name: 'box.pst', data: fixture('msg-in-msg.pst') }]));
  assert.deepEqual(zip.children?.map((c) => c.path), ['export.zip!/box.pst']);
  assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['export.zip!/broken.pst', 'corrupt-pst']]);
});

test('without readpst a .pst fails as tool-missing naming pst-utils', async () => {
  const saved = process.env.CABLEGRAPH_READPST;
  process.env.CABLEGRAPH_READPST = '/nonexistent/readpst';
  try {
    await rejectsWith(readDocument('box.pst', fixture('msg-in-msg.pst')), 'tool-missing', /box\.pst needs \/nonexistent\/readpst, which was not found; install it \(Debian: apt-get install pst-utils\)/);
  } finally {
    if (saved === undefined) delete process.env.CABLEGRAPH_READPST;
    else process.env.CABLEGRAPH_READPST = saved;
  }
});
