/**
 * The network the whole pipeline makes of three messy documents written for the purpose (fixtures/messy-network: an
 * e-mail with a quoted reply and a signature, a cable with an ALL-CAPS subject and bullets, wire copy with a dateline and
 * a credit line; every person and company invented). The relations a reader finds there and the pipeline shows by
 * default, each citing a sentence sliced from the stored text; the ones it still misreads are marked todo.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { buildJsonExport } from '../../src/export/json.js';
import { DEFAULT_MIN_CONFIDENCE, RELATION_TYPES, type RelationTypeId } from '../../src/model/index.js';
import { ROOT, tempDir } from '../helpers.js';

const FOLDER = join(ROOT, 'fixtures', 'messy-network');
const FILES = ['email-port.eml', 'cable-crossing.txt', 'wire-visit.txt'];

interface Exported {
  entities: { id: string; type: string; name: string }[];
  relations: { type: string; source: string; target: string; confidence: number; amounts?: { amount: number; currency: string }[]; roles?: string[];
    evidence: { documentId: string; start: number; end: number; text: string }[] }[];
}

describe('messy documents: the network shown by default', () => {
  let store: Store;
  let data: Exported;
  let shown: Map<string, Exported['relations'][number]>;
  before(async () => {
    store = await openStore(join(tempDir(), 'messy-network.db'));
    await ingestPaths(FILES.map((f) => join(FOLDER, f)), { store, collection: 'messy', stages: defaultStages(), finish: finishIngest });
    data = (await buildJsonExport(store, { collections: ['messy'] })) as unknown as Exported;
    const name = new Map(data.entities.map((e) => [e.id, e.name]));
    shown = new Map(data.relations.filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE).map((r) => {
      const ends = [name.get(r.source), name.get(r.target)];
      if (RELATION_TYPES[r.type as RelationTypeId].symmetric) ends.sort();
      return [`${r.type}(${ends[0]} -> ${ends[1]})`, r];
    }));
  });
  after(() => store.close());

  it('shows the payment, ownership, meeting, posts and successions the documents state, the quoted reply included', () => {
    for (const edge of [
      'paid(Sadeem Trading Company -> Faris al-Tamimi)', 'controls(Jawad Sarraf -> Sadeem Trading Company)',
      'met(Faris al-Tamimi -> Jawad Sarraf)', 'role_in(Faris al-Tamimi -> Southern Ports Authority)',
      'succeeded(Hussein Mardan -> Adnan Faraj)', 'succeeded(Laith al-Obeidi -> Khalid al-Jabouri)',
      'role_in(Laith al-Obeidi -> Iraq)', 'role_in(Reza Farahani -> Iran)', 'met(Laith al-Obeidi -> Reza Farahani)',
    ]) assert.ok(shown.has(edge), `${edge} not among ${[...shown.keys()].join('; ')}`);
    const paid = shown.get('paid(Sadeem Trading Company -> Faris al-Tamimi)')!;
    assert.deepEqual(paid.amounts?.map((a) => [a.amount, a.currency]), [[120000, 'USD']]);
    assert.deepEqual(shown.get('role_in(Faris al-Tamimi -> Southern Ports Authority)')!.roles, ['deputy director']);
  });

  it('cites for every edge a sentence sliced from the stored text', async () => {
    for (const r of data.relations) {
      for (const ev of r.evidence) {
        const doc = await store.getDocument(ev.documentId, { collections: ['messy'] });
        assert.equal(doc?.text.slice(ev.start, ev.end), ev.text);
      }
    }
  });

  it('names no one from headers, greetings, sign-offs, signatures and credit lines', () => {
    const junk = data.entities.filter((e) => /Whitfield|Investigations Desk|Kessler|Rasheed|Heinrich|example\.org|^Tom$|^Sarah$/.test(e.name));
    assert.deepEqual(junk, []);
  });

  it('reads ownership through an apposition to the owner only', { todo: 'the model reads "owned by X, a businessman close to Y" as Y controlling it too (0.69)' }, () => {
    assert.ok(!shown.has('controls(Wafa Movement -> Sadeem Trading Company)'));
  });

  it('shows control of a crossing and the leader named in a glossary bullet', { todo: 'controls(Saraya al-Nasr -> Qaim) is found at 0.55, below the default; "X: armed faction, led by Y" gives nothing' }, () => {
    assert.ok(shown.has('controls(Saraya al-Nasr -> Qaim)'));
    assert.ok([...shown.keys()].some((k) => k.includes('Abu Yasir al-Daraji') && k.includes('Saraya al-Nasr')));
  });
});
