// Apple Mail .emlx: the byte-count line and the trailing property list are dropped, the message read as e-mail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sha256Hex } from '../../src/ingest/document.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writeZip } from './helpers/zip-writer.js';

const MESSAGE = [
  'Return-Path: <nadia.karimi@example.org>',
  'From: Nadia Karimi <nadia.karimi@example.org>',
  'To: Desk <desk@example.com>',
  'Subject: Re: the contractor in Basra',
  'Date: Tue, 19 Nov 2019 23:30:00 -0500',
  'Message-Id: <b2@example.org>',
  'In-Reply-To: <a1@example.com>',
  'References: <a0@example.com>\r\n <a1@example.com>',
  'Mime-Version: 1.0 (Mac OS X Mail 13.0)',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'The ministry paid the contractor in Basra twice, the ledger shows =E2=80=93 once in',
  'March and once in May.',
  '',
].join('\r\n');

// What Apple Mail writes: the count, the message, then flags and dates in an XML property list.
function emlx(message: string, count = Buffer.byteLength(message)): Uint8Array {
  const plist = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
    '<plist version="1.0">\n<dict>\n\t<key>date-received</key>\n\t<integer>1574224200</integer>\n\t<key>flags</key>\n\t<integer>8590195713</integer>\n' +
    '\t<key>subject</key>\n\t<string>Re: the contractor in Basra</string>\n</dict>\n</plist>\n';
  return new Uint8Array(Buffer.from(`${String(count).padEnd(10)}\n${message}${plist}`));
}

test('reads the message between the count line and the property list as e-mail', async () => {
  const bytes = emlx(MESSAGE);
  const doc = await readDocument('Mail/INBOX.mbox/Messages/4711.emlx', bytes);
  assert.equal(doc.format, 'emlx');
  assert.equal(doc.text, 'The ministry paid the contractor in Basra twice, the ledger shows – once in\nMarch and once in May.');
  assert.equal(doc.title, 'Re: the contractor in Basra');
  assert.equal(doc.author, 'Nadia Karimi');
  assert.equal(doc.published, '2019-11-19');
  assert.equal(doc.meta?.from, 'Nadia Karimi <nadia.karimi@example.org>');
  assert.equal(doc.meta?.inReplyTo, '<a1@example.com>');
  assert.equal(doc.meta?.references, '<a0@example.com> <a1@example.com>');
  assert.equal(doc.meta?.date, '2019-11-20T04:30:00.000Z');
  assert.doesNotMatch(doc.text, /plist|integer/);
  // Chain of custody: the stored original is the whole file as found, not the message cut out of it.
  assert.equal(doc.original, bytes);
  assert.equal(doc.sha256, sha256Hex(bytes));
});

test('sniffs an .emlx saved under another name', async () => {
  assert.equal((await readDocument('4711', emlx(MESSAGE))).format, 'emlx');
});

test('a truncated .emlx fails with its path and reason, and the other messages of the archive land', async () => {
  const truncated = emlx(MESSAGE, Buffer.byteLength(MESSAGE) + 5000);
  await rejectsWith(readDocument('box/1.emlx', truncated), 'corrupt-email', /^box\/1\.emlx is a truncated Apple Mail message: \d+ bytes announced/);
  await rejectsWith(readDocument('box/2.emlx', new Uint8Array(Buffer.from('Notes about the ledger, saved by mistake as .emlx.'))), 'corrupt-email', /does not start with the line giving the message's length/);
  // A plain message named .emlx is still a message: its headers are sniffed.
  assert.equal((await readDocument('box/3.emlx', new Uint8Array(Buffer.from(MESSAGE)))).format, 'email');
  const zip = await readDocument('Messages.zip', writeZip([{ name: '1.emlx', data: truncated }, { name: '2.emlx', data: emlx(MESSAGE) }]));
  assert.deepEqual(zip.children?.map((c) => [c.path, c.format]), [['Messages.zip!/2.emlx', 'emlx']]);
  assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['Messages.zip!/1.emlx', 'corrupt-email']]);
});
