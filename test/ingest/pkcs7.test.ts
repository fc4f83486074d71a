// CMS / PKCS #7 files made by the real OpenSSL: a signed file's content read as a child with who signed it and when,
// DER, BER (indefinite length, as streaming signers write), PEM and base64 forms; a detached signature; nested signing;
// encrypted containers refused as encrypted; an opaque-signed S/MIME message read as the message it signs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument } from '../../src/ingest/read-document.js';
import { looksLikeCms } from '../../src/ingest/cms.js';
import { rejectsWith } from './helpers/assert-failure.js';

const dir = mkdtempSync(join(tmpdir(), 'cablegraph-pkcs7-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const key = join(dir, 'key.pem');
const cert = join(dir, 'cert.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
  '-subj', '/CN=Jane Roe/O=Ministry of Trade/emailAddress=jane.roe@example.org'], { stdio: 'ignore' });
const content = join(dir, 'report.txt');
writeFileSync(content, 'The envoy met the minister in Baghdad on Tuesday and discussed the border crossing.\n');

/** openssl cms -sign over a file; `extra` picks the form (DER by default). */
function sign(input: string, extra: string[] = []): Uint8Array {
  const out = join(dir, `signed-${Math.random().toString(36).slice(2)}`);
  execFileSync('openssl', ['cms', '-sign', '-binary', '-nodetach', '-in', input, '-signer', cert, '-inkey', key, '-outform', 'DER', '-out', out, ...extra]);
  return new Uint8Array(readFileSync(out));
}

test('a signed .p7m is read as its signers, with the signed content a child carrying who signed it and when', async () => {
  const bytes = sign(content);
  const doc = await readDocument('report.txt.p7m', bytes);
  assert.equal(doc.format, 'pkcs7');
  assert.match(doc.text, /^Signed by Jane Roe <jane\.roe@example\.org> \(Ministry of Trade\), signed \d{4}-\d\d-\d\dT/);
  assert.equal(doc.children?.length, 1);
  const child = doc.children![0]!;
  assert.equal(child.path, 'report.txt.p7m!/report.txt');
  assert.equal(child.format, 'text');
  assert.match(child.text, /The envoy met the minister in Baghdad/);
  assert.equal(child.meta?.signedBy, 'Jane Roe <jane.roe@example.org>');
  assert.match(String(child.meta?.signedAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  assert.equal(child.meta?.signature, 'CMS (not verified)');
});

test('BER with indefinite lengths (streamed signing), PEM and base64 text read the same; the DER is sniffed without its extension', async () => {
  const der = sign(content);
  const ber = sign(content, ['-stream', '-outform', 'DER']);
  assert.notDeepEqual(ber, der, 'the streamed form is a different encoding');
  const pem = join(dir, 'report.pem');
  execFileSync('openssl', ['cms', '-sign', '-binary', '-nodetach', '-in', content, '-signer', cert, '-inkey', key, '-outform', 'PEM', '-out', pem]);
  const base64 = new TextEncoder().encode(Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n'));
  for (const [name, bytes] of [['ber.p7m', ber], ['pem.p7m', new Uint8Array(readFileSync(pem))], ['b64.p7m', base64], ['unnamed.bin', der]] as const) {
    const doc = await readDocument(name, bytes);
    assert.equal(doc.format, 'pkcs7', name);
    assert.match(doc.children?.[0]?.text ?? '', /border crossing/, name);
  }
  assert.equal(looksLikeCms(ber), true);
  assert.equal(looksLikeCms(new TextEncoder().encode('0\u0082 just text')), false);
});

test('a document signed twice over is unwrapped layer by layer; its inner name comes from the file name', async () => {
  const once = join(dir, 'report.txt.p7m');
  writeFileSync(once, sign(content));
  const doc = await readDocument('report.txt.p7m.p7m', sign(once));
  const inner = doc.children?.[0];
  assert.equal(inner?.format, 'pkcs7');
  assert.equal(inner?.children?.[0]?.path, 'report.txt.p7m.p7m!/report.txt.p7m!/report.txt');
  assert.match(inner?.children?.[0]?.text ?? '', /border crossing/);
});

test('a detached signature (.p7s) names its signer and says the document is elsewhere', async () => {
  const out = join(dir, 'report.p7s');
  execFileSync('openssl', ['cms', '-sign', '-binary', '-in', content, '-signer', cert, '-inkey', key, '-outform', 'DER', '-out', out]);
  const doc = await readDocument('report.txt.p7s', new Uint8Array(readFileSync(out)));
  assert.equal(doc.format, 'pkcs7');
  assert.match(doc.text, /Signed by Jane Roe/);
  assert.match(doc.text, /Detached signature: the signed document is not inside this file\./);
  assert.equal(doc.children, undefined);
});

test('an encrypted container is refused as encrypted, naming the path; a damaged one as corrupt-pkcs7', async () => {
  const out = join(dir, 'sealed.p7m');
  execFileSync('openssl', ['cms', '-encrypt', '-binary', '-aes256', '-in', content, '-outform', 'DER', '-out', out, cert]);
  await rejectsWith(readDocument('sealed.p7m', new Uint8Array(readFileSync(out))), 'encrypted', /sealed\.p7m is encrypted for its recipients .*ask for the recipient's key/);
  const signed = sign(content);
  await rejectsWith(readDocument('cut.p7m', signed.subarray(0, 200)), 'corrupt-pkcs7', /cut\.p7m is not a readable CMS\/PKCS #7 file/);
});

test('an opaque-signed S/MIME message is read as the message it signs, with its headers, body, attachment and signer', async () => {
  const entity = join(dir, 'entity.txt');
  writeFileSync(entity, [
    'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '',
    'Please find the minutes attached. The deputy minister chaired the meeting.', '',
    '--b1', 'Content-Type: text/plain; name="minutes.txt"', 'Content-Disposition: attachment; filename="minutes.txt"', '',
    'Minutes: the committee approved the transfer to the port authority.', '--b1--', '',
  ].join('\r\n'));
  const mail = new Uint8Array(execFileSync('openssl', ['smime', '-sign', '-nodetach', '-signer', cert, '-inkey', key, '-in', entity,
    '-from', 'jane.roe@example.org', '-to', 'desk@example.net', '-subject', 'Minutes of the committee']));
  assert.match(Buffer.from(mail).toString('latin1'), /application\/(x-)?pkcs7-mime/);
  const doc = await readDocument('minutes.eml', mail);
  assert.equal(doc.format, 'email');
  assert.deepEqual(doc.original, mail, 'the original is the file as signed');
  assert.equal(doc.title, 'Minutes of the committee');
  assert.match(doc.text, /The deputy minister chaired the meeting\./);
  assert.equal(doc.children?.length, 1);
  assert.match(doc.children![0]!.text, /approved the transfer to the port authority/);
  assert.equal(doc.meta?.signedBy, 'Jane Roe <jane.roe@example.org>');
  assert.equal(doc.meta?.signature, 'S/MIME (opaque-signed, not verified)');
});
