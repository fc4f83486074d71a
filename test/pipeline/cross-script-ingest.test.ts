// Three reports of one meeting, in English, Persian and Arabic, ingested end to end with every stage: the people
// resolve across scripts (merge reason "cross-script"), the meeting is one edge with three independent sources, the
// Persian date becomes an ISO date, and a search for the Latin name finds all three documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { parseQuery } from '../../src/store/query.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { findEntity } from '../../src/network/find-entity.js';
import { viewEntity } from '../../src/network/entity-view.js';
import { expandAcrossScripts } from '../../src/network/cross-script-search.js';
import { tempDir } from '../helpers.js';

const REPORTS: Record<string, string> = {
  'en.txt': 'Karimi in Basra\n\nGeneral Hossein Karimi, the commander of the Northern Brigade, met Iraqi Prime Minister Adel Abdul Karim in Basra on Monday, officials said.\n',
  'fa.txt': 'سفر کریمی به بصره\n\nسردار حسین کریمی، فرمانده تیپ شمال، روز دوشنبه ۱۸ آذر ۱۳۹۸ در بصره با عادل عبدالکریم دیدار و گفت‌وگو کرد.\n',
  'ar.txt': 'زيارة كريمي\n\nالتقى حسين كريمي برئيس الوزراء العراقي عادل عبد الكريم في البصرة يوم الاثنين، وفقا لمصادر عراقية.\n',
};

test('one meeting reported in English, Persian and Arabic becomes one sourced edge between two resolved people', async () => {
  const dir = tempDir();
  for (const [name, text] of Object.entries(REPORTS)) writeFileSync(join(dir, name), text);
  const store = await openStore(join(tempDir(), 'x.db'));
  try {
    const summary = await ingestPaths([dir], { store, stages: defaultStages(), finish: finishIngest });
    assert.equal(summary.failed.length, 0, JSON.stringify(summary.failed));

    const found0 = (await findEntity(store, ALL_COLLECTIONS, 'Hossein Karimi'))!;
    const karimi = (await store.getEntity(found0.id, ALL_COLLECTIONS))!;
    assert.equal(karimi.documentIds.length, 3, 'one entity in all three documents');
    assert.ok(karimi.reasons.some((r) => r.rule === 'cross-script'), JSON.stringify(karimi.reasons));
    assert.ok(karimi.aliases.some((a) => /\p{Script=Arabic}/u.test(a)));

    const view = (await viewEntity(store, karimi.id, ALL_COLLECTIONS))!;
    const met = view.relations.find((r) => r.type === 'met' && r.other?.name === 'Adel Abdul Karim');
    assert.ok(met, JSON.stringify(view.relations.map((r) => [r.type, r.other?.name])));
    assert.equal(met.independentSources, 3, 'English, Persian and Arabic sentences are three sources');
    assert.ok(view.events.some((e) => e.date === '2019-12-09'), 'the Solar Hijri date ۱۸ آذر ۱۳۹۸ as ISO');

    const q = parseQuery('Hossein Karimi');
    const { query, expansions } = await expandAcrossScripts(store, ALL_COLLECTIONS, 'Hossein Karimi', q);
    assert.equal(expansions.length, 1);
    const found = await store.search({ query, limit: 10, offset: 0 }, ALL_COLLECTIONS);
    assert.deepEqual(found.results.map((h) => h.document.path.replace(/^.*\//u, '')).sort(), ['ar.txt', 'en.txt', 'fa.txt']);
  } finally {
    await store.close();
  }
});
