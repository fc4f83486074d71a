// E-mail (.eml) with attachments as children, and mbox mailboxes split into messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { writeZip } from './helpers/zip-writer.js';

const EML = new Uint8Array(readFileSync(new URL('../../fixtures/ingest/cable-forward.eml', import.meta.url)));

test('reads headers as metadata, the body as text and attachments as children', async () => {
  const doc = await readDocument('inbox/cable-forward.eml', EML);
  assert.equal(doc.format, 'email');
  assert.equal(doc.title, 'Fwd: cables about the Baghdad station');
  assert.equal(doc.author, 'Jane Doe');
  assert.equal(doc.source, 'example.org');
  assert.equal(doc.published, '2019-11-20');
  assert.equal(doc.language, 'en');
  assert.match(doc.text, /station chief’s meetings in Baghdad\. The officials named/);
  assert.equal(doc.meta?.from, 'Jane Doe <jane.doe@example.org>');
  assert.equal(doc.meta?.cc, 'John Roe <john.roe@example.com>');
  assert.equal(doc.meta?.messageId, '<cable-123@example.org>');
  // The 1 x 1 PNG is too small to hold text: it is kept as an image child without OCR (and without a warning).
  assert.deepEqual(doc.children?.map((c) => [c.path, c.format, c.title]), [
    ['inbox/cable-forward.eml!/notes.txt', 'text', 'Meeting notes'], ['inbox/cable-forward.eml!/photo.png', 'image', undefined],
  ]);
  assert.deepEqual(doc.warnings ?? [], []);
});

test('sniffs a message saved without extension, and one inside a zip', async () => {
  assert.equal((await readDocument('message', EML)).format, 'email');
  const zip = await readDocument('mail.zip', writeZip([{ name: 'saved/message.txt', data: EML }]));
  const mail = zip.children?.[0];
  assert.equal(mail?.format, 'email');
  assert.equal(mail?.children?.[0]?.path, 'mail.zip!/saved/message.txt!/notes.txt');
});

test('reads an mbox as one child per message, unquoting ">From " body lines', async () => {
  const message = (n: number, body: string) => [
    `From sender${n}@example.org Mon Nov 18 10:0${n}:00 2019`,
    `From: Sender ${n} <sender${n}@example.org>`,
    `Subject: Message number ${n}`,
    `Date: Mon, 18 Nov 2019 10:0${n}:00 +0000`,
    'Message-ID: <m' + n + '@example.org>',
    '',
    body,
    '',
  ].join('\n');
  const mbox = message(1, 'The first message talks about the meeting in Baghdad with the officials.\n>From the notes: all agreed.') +
    message(2, 'The second message talks about payments to the sources in Basra last year.');
  const doc = await readDocument('archive.mbox', new Uint8Array(Buffer.from(mbox)));
  assert.equal(doc.format, 'mbox');
  assert.deepEqual(doc.children?.map((c) => [c.path, c.title, c.author]), [
    ['archive.mbox!/1.eml', 'Message number 1', 'Sender 1'],
    ['archive.mbox!/2.eml', 'Message number 2', 'Sender 2'],
  ]);
  assert.match(doc.children![0]!.text, /\nFrom the notes: all agreed\./);
  assert.equal(doc.language, undefined);
});

test('reads a forwarded message as a child and keeps same-named attachments apart', async () => {
  const inner = 'From: Ann Lee <ann@example.com>\r\nSubject: Original cable\r\nDate: Tue, 19 Nov 2019 07:00:00 +0000\r\nMessage-ID: <o@example.com>\r\n\r\nThe original cable describes the meeting in Basra with the officials.\r\n';
  const part = (headers: string, body: string) => `--b\r\n${headers}\r\n\r\n${body}\r\n`;
  const eml = [
    'From: Jane Doe <jane@example.org>', 'Subject: Fwd: cable', 'Date: Wed, 20 Nov 2019 08:25:00 +0000', 'Message-ID: <f@example.org>',
    'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '',
  ].join('\r\n') +
    part('Content-Type: text/plain', 'See the forwarded cable and both versions of the notes.') +
    part('Content-Type: message/rfc822', inner) +
    part('Content-Type: text/plain; name="notes.txt"\r\nContent-Disposition: attachment; filename="notes.txt"', 'First version of the notes about the meeting in Basra.') +
    part('Content-Type: text/plain; name="notes.txt"\r\nContent-Disposition: attachment; filename="notes.txt"', 'Second version of the notes about the meeting in Basra.') +
    '--b--\r\n';
  const doc = await readDocument('fwd.eml', new Uint8Array(Buffer.from(eml)));
  assert.deepEqual(doc.children?.map((c) => [c.path, c.format]), [
    ['fwd.eml!/attachment-1.eml', 'email'],
    ['fwd.eml!/notes.txt', 'text'],
    ['fwd.eml!/notes-2.txt', 'text'],
  ]);
  assert.equal(doc.children?.[0]?.title, 'Original cable');
  assert.equal(doc.children?.[0]?.author, 'Ann Lee');
});

test('a memo that merely starts with "Subject:" is still text', async () => {
  const memo = 'Subject: Budget\nDate: 2019-11-20\n\nThe budget for the station was raised twice in the spring.';
  assert.equal((await readDocument('memo.txt', new Uint8Array(Buffer.from(memo)))).format, 'text');
});

test('refuses S/MIME- and PGP/MIME-encrypted messages as encrypted, and reads a signed one', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { rejectsWith } = await import('./helpers/assert-failure.js');
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-smime-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A real certificate and real messages made by OpenSSL.
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=desk', '-days', '2'], { stdio: 'ignore' });
  const body = join(dir, 'body.txt');
  writeFileSync(body, 'Content-Type: text/plain\r\n\r\nThe envoy met the minister in Baghdad on Tuesday.\r\n');
  const mail = (args: string[], recipients: string[] = []) =>
    new Uint8Array(execFileSync('openssl', ['smime', ...args, '-in', body, '-from', 'a@example.org', '-to', 'b@example.org', '-subject', 'Cable', ...recipients]));
  await rejectsWith(readDocument('sealed.eml', mail(['-encrypt', '-aes256'], [cert])), 'encrypted', /sealed\.eml is an S\/MIME-encrypted message; ask for the recipient's key/);
  const signed = await readDocument('signed.eml', mail(['-sign', '-signer', cert, '-inkey', key]));
  assert.equal(signed.format, 'email');
  assert.match(signed.text, /The envoy met the minister in Baghdad/);
  assert.deepEqual([signed.children, signed.warnings, signed.meta?.signature], [[], [], 'S/MIME'], 'the signature is noted, not read as a document');
  const pgp = [
    'From: a@example.org', 'To: b@example.org', 'Subject: Cable', 'MIME-Version: 1.0',
    'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="b1"', '',
    '--b1', 'Content-Type: application/pgp-encrypted', '', 'Version: 1', '',
    '--b1', 'Content-Type: application/octet-stream; name="encrypted.asc"', '',
    '-----BEGIN PGP MESSAGE-----', '', 'hQEMA1234', '-----END PGP MESSAGE-----', '', '--b1--', '',
  ].join('\r\n');
  await rejectsWith(readDocument('pgp.eml', new TextEncoder().encode(pgp)), 'encrypted', /PGP\/MIME-encrypted message/);
});
