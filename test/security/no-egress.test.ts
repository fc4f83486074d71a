/**
 * No egress: ingesting documents that point at remote resources (HTML with remote images, stylesheets, scripts and
 * frames; an e-mail whose HTML body loads tracking pixels; a vCard photo and a calendar event by URL) with every
 * stage, then serving them (pages, originals, exports over real loopback HTTP), opens no connection and resolves no
 * name beyond loopback. Every socket connect and DNS lookup of this process is recorded while it runs.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import dns from 'node:dns';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openStore } from '../../src/store/open.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { EXPORT_FORMAT_IDS } from '../../src/export/formats.js';
import { tempDir } from '../helpers.js';

const REMOTE = 'tracker.example.net';
const HTML = `<!doctype html><html><head><link rel="stylesheet" href="https://${REMOTE}/style.css">
<script src="https://${REMOTE}/app.js"></script><base href="https://${REMOTE}/"></head>
<body><h1>Port authority memo</h1><img src="https://${REMOTE}/pixel.gif" srcset="https://${REMOTE}/a.png 2x">
<p style="background:url(https://${REMOTE}/bg.png)">The governor of Basra met the director of the port authority on Monday.</p>
<iframe src="https://${REMOTE}/frame"></iframe><video poster="https://${REMOTE}/v.jpg"></video>
<object data="https://${REMOTE}/o.swf"></object><a href="https://${REMOTE}/more">more</a></body></html>`;
const EMAIL = [
  'From: Desk <desk@example.com>', 'To: Ana <ana@example.org>', 'Subject: Pixel test', 'Date: Tue, 19 Nov 2019 10:00:00 +0000',
  'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '',
  `<html><body><p>The courier paid the broker in Erbil.</p><img src="http://${REMOTE}/open?id=42" width="1" height="1"></body></html>`, '',
].join('\r\n');
const VCARD = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nadia Karimi\r\nORG:Port Authority\r\nPHOTO;VALUE=uri:https://${REMOTE}/photo.jpg\r\nURL:https://${REMOTE}/\r\nEND:VCARD\r\n`;
const ICS = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Meeting with the envoy\r\nDTSTART:20191119T100000Z\r\nURL:https://${REMOTE}/event\r\nATTACH:https://${REMOTE}/agenda.pdf\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.|localhost$)/;

describe('no egress', () => {
  const outside: string[] = [];
  const originalConnect = net.Socket.prototype.connect;
  const originalLookup = dns.lookup;
  const originalPromisesLookup = dns.promises.lookup;
  let loopback = 0;
  const note = (host: unknown, how: string): void => {
    if (typeof host === 'string' && !LOOPBACK.test(host)) outside.push(`${how} ${host}`);
    else loopback++;
  };

  before(() => {
    // Every TCP and TLS connection of this process goes through Socket#connect; names through dns.lookup.
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // net.connect() hands over its arguments normalized into an array: [options, callback].
      const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
      if (first && typeof first === 'object') {
        const o = first as { host?: string; path?: string };
        if (o.path === undefined) note(o.host ?? 'localhost', 'connect');
      } else if (typeof first === 'number') note(typeof args[1] === 'string' ? args[1] : 'localhost', 'connect');
      return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof net.Socket.prototype.connect;
    (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
      note(host, 'lookup');
      return (originalLookup as (...a: unknown[]) => unknown)(host, ...rest);
    };
    (dns.promises as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
      note(host, 'lookup');
      return (originalPromisesLookup as (...a: unknown[]) => unknown)(host, ...rest);
    };
  });
  after(() => {
    net.Socket.prototype.connect = originalConnect;
    (dns as { lookup: unknown }).lookup = originalLookup;
    (dns.promises as { lookup: unknown }).lookup = originalPromisesLookup;
  });

  it('the recorder sees an outside connection (so its silence below means something)', async () => {
    const socket = net.connect({ host: '192.0.2.1', port: 9 }); // TEST-NET-1: never routed
    socket.on('error', () => undefined);
    socket.destroy();
    assert.deepEqual(outside.splice(0), ['connect 192.0.2.1']);
  });

  it('ingests and serves documents full of remote references without one outside connection or lookup', async () => {
    const dir = tempDir('cablegraph-egress-');
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'memo.html'), HTML);
    writeFileSync(join(input, 'pixel.eml'), EMAIL);
    writeFileSync(join(input, 'card.vcf'), VCARD);
    writeFileSync(join(input, 'event.ics'), ICS);
    const store = await openStore(join(dir, 'store.db'));
    try {
      const summary = await ingestPaths([input], { store, collection: 'c', stages: defaultStages(), finish: finishIngest });
      assert.equal(summary.failed.length, 0, JSON.stringify(summary.failed));
      const { items } = await store.listDocuments(ALL_COLLECTIONS, 100, 0);
      assert.ok(items.length >= 4, `${items.length} documents`);
      const app = await buildApp({ store });
      await app.listen({ host: '127.0.0.1', port: 0 });
      try {
        const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        const urls = ['/api/stats', '/api/search?q=governor', '/api/entities', '/api/graph?minConfidence=0', '/api/timeline',
          ...items.flatMap((d) => [`/api/documents/${d.id}`, `/api/documents/${d.id}/original`]),
          ...EXPORT_FORMAT_IDS.map((f) => `/api/export?format=${f}`)];
        for (const url of urls) {
          const res = await fetch(base + url);
          assert.ok(res.status < 500, `${url}: ${res.status}`);
          await res.arrayBuffer();
        }
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
    assert.deepEqual(outside, [], 'connections or lookups beyond loopback');
    assert.ok(loopback > 0, 'the loopback requests were seen by the recorder');
  });
});
