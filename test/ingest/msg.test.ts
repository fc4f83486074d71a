// Outlook messages (.msg): headers as the same metadata as .eml, thread headers kept, attachments and attached
// messages as children, and a damaged .msg refused with its reason while the rest of an archive lands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writeMsg, type MsgSpec } from './helpers/msg-writer.js';
import { writeZip } from './helpers/zip-writer.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

const REPLY: MsgSpec = {
  subject: 'RE: Payments to the Basra office',
  body: 'Dear Omar,\r\n\r\nthe ministry paid the contractor in Basra twice last\r\nyear, according to the ledger we received on Monday.\r\n',
  senderName: 'Layla Haddad',
  senderAddress: 'layla.haddad@example.org',
  sent: '2019-11-19T22:30:00Z',
  messageId: '<reply-2@example.org>',
  inReplyTo: '<first-1@example.net>',
  references: '<root-0@example.net> <first-1@example.net>',
  recipients: [
    { name: 'Omar Said', address: 'omar.said@example.net', type: 'to' },
    { name: 'Desk', address: 'desk@example.com', type: 'cc' },
  ],
  attachments: [{ name: 'ledger notes.txt', data: new Uint8Array(Buffer.from('Ledger notes\n\nThe contractor received two payments from the ministry.')) }],
};

test('reads headers as e-mail metadata, thread headers included, and attachments as children', async () => {
  const doc = await readDocument('mail/reply.msg', writeMsg(REPLY));
  assert.equal(doc.format, 'msg');
  assert.equal(doc.title, 'RE: Payments to the Basra office');
  assert.equal(doc.author, 'Layla Haddad');
  assert.equal(doc.source, 'example.org');
  assert.equal(doc.published, '2019-11-19');
  assert.equal(doc.language, 'en');
  assert.match(doc.text, /^Dear Omar,\n\nthe ministry paid the contractor in Basra twice last\nyear/);
  assert.deepEqual(doc.meta, {
    from: 'Layla Haddad <layla.haddad@example.org>',
    to: 'Omar Said <omar.said@example.net>',
    cc: 'Desk <desk@example.com>',
    subject: 'RE: Payments to the Basra office',
    messageId: '<reply-2@example.org>',
    inReplyTo: '<first-1@example.net>',
    references: '<root-0@example.net> <first-1@example.net>',
    date: '2019-11-19T22:30:00.000Z',
  });
  assert.deepEqual(doc.children?.map((c) => [c.path, c.format, c.title]), [['mail/reply.msg!/ledger notes.txt', 'text', 'Ledger notes']]);
  assert.deepEqual(doc.warnings, []);
});

test('a message kept only as RTF is read from its compressed RTF body', async () => {
  const rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;\\red0\\green0\\blue0;}" +
    "{\\*\\generator Riched20 10.0.19041}\\f0\\fs20 Dear J\\'fcrgen,\\par\\par the minister met the envoy in \\b Tehran\\b0  on \r\nMonday \\u8211? twice.\\par}";
  const doc = await readDocument('rtf.msg', writeMsg({ ...REPLY, body: undefined, rtf, attachments: [] }));
  assert.equal(doc.text, 'Dear Jürgen,\n\nthe minister met the envoy in Tehran on Monday – twice.');
});

test('an attached Outlook message is read recursively, named after its subject (real Outlook file)', async () => {
  const doc = await readDocument('msg-in-msg.msg', fixture('msg-in-msg.msg'));
  assert.equal(doc.title, 'I have attachments!');
  assert.equal(doc.text, 'I have attachments!');
  const [inner, image] = doc.children ?? [];
  assert.equal(inner?.path, 'msg-in-msg.msg!/Microsoft Outlook テスト メッセージ.msg');
  assert.equal(inner?.format, 'msg');
  assert.equal(inner?.meta?.from, 'Microsoft Outlook <xmailuser@xmailserver.test>');
  assert.equal(inner?.meta?.to, 'xmailuser <xmailuser@xmailserver.test>');
  // The transport headers say "Tue, 12 May 2020 14:45:17 +0900": the sender's day.
  assert.equal(inner?.published, '2020-05-12');
  assert.match(inner?.text ?? '', /Microsoft Outlook から自動送信/);
  assert.equal(image?.path, 'msg-in-msg.msg!/green.png');
  assert.equal(image?.format, 'image');
});

test('recipients without names are listed as addresses, To apart from Cc (real Outlook file)', async () => {
  const doc = await readDocument('to-cc.msg', fixture('to-cc.msg'));
  assert.equal(doc.meta?.to, 'to@example.com');
  assert.equal(doc.meta?.cc, 'cc@example.com');
  assert.equal(doc.text, 'body');
});

test('a message saved without its extension is recognised inside a zip', async () => {
  const doc = await readDocument('saved.zip', writeZip([{ name: 'outlook/message', data: writeMsg(REPLY) }]));
  assert.equal(doc.children?.[0]?.format, 'msg');
  assert.equal(doc.children?.[0]?.children?.[0]?.path, 'saved.zip!/outlook/message!/ledger notes.txt');
});

test('a damaged .msg fails as corrupt-email with its path, and the other files of the archive land', async () => {
  const good = writeMsg(REPLY);
  const truncated = good.subarray(0, 1536);
  await rejectsWith(readDocument('broken.msg', truncated), 'corrupt-email', /^broken\.msg is not a readable Outlook message: /);
  await rejectsWith(readDocument('text.msg', new Uint8Array(Buffer.from('This is not an Outlook message at all.'))), 'corrupt-email', /text\.msg/);
  const zip = await readDocument('box.zip', writeZip([{ name: 'a/broken.msg', data: truncated }, { name: 'a/reply.msg', data: good }]));
  assert.deepEqual(zip.children?.map((c) => c.path), ['box.zip!/a/reply.msg']);
  assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['box.zip!/a/broken.msg', 'corrupt-email']]);
});
