/**
 * A generated collection for resolution tests: documents naming people, organisations and places the way news does
 * (transliteration variants, a family name alone, acronyms beside long forms, nationality adjectives, a name tagged
 * with two types), stored with mention keys as the mentions stage would store them. Deterministic for a seed.
 */
import type { EntityType, Mention } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { normalizeName } from '../../src/resolve/index.js';
import { documentId, sha256Hex } from '../../src/store/ids.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { seededRandom } from '../../src/nlp/random.js';

/** A small deterministic random source (mulberry32). */
export const random = seededRandom;

const GIVEN = [['Qassem', 'Qasem', 'Ghasem'], ['Mohammed', 'Muhammad', 'Mohammad'], ['Hussein', 'Husayn', 'Hossein'], ['Ali'], ['Hadi', 'Haadi'],
  ['Abdul Aziz', 'Abdulaziz'], ['Nouri', 'Nuri'], ['Haider'], ['Mustafa', 'Moustafa'], ['Ahmad', 'Ahmed'], ['Faleh', 'Falih'], ['Jafar', 'Djafar']];
const FAMILY = [['Soleimani', 'Suleimani'], ['al-Amiri', 'al Ameri'], ['al-Muhandis', 'al-Mohandes'], ['al-Kadhimi', 'al-Kazimi'], ['al-Maliki'],
  ['al-Abadi'], ['Hejazi', 'Hijazi'], ['Barzani'], ['al-Fayyadh', 'al-Fayadh'], ['Zaidan'], ['Khazali', 'al-Khazali'], ['Sadr', 'al-Sadr']];
const ORGS: [string, string | null][] = [['Islamic Revolutionary Guard Corps', 'IRGC'], ['Popular Mobilization Forces', 'PMF'], ['Kataib Hezbollah', null],
  ['Badr Organization', null], ['Ministry of Intelligence', 'MOIS'], ['Asaib Ahl al-Haq', 'AAH'], ['Quds Force', null], ['Dawa Party', null],
  ['Supreme Council', null], ['Central Bank of Iraq', 'CBI'], ['National Security Council', 'NSC'], ['Foreign Ministry', null]];
const PLACES = [['Baghdad'], ['Tehran', 'Teheran'], ['Basra', 'Basrah'], ['Najaf'], ['Erbil', 'Arbil'], ['Iraq', 'Iraqi'], ['Iran', 'Iranian'],
  ['Syria', 'Syrian'], ['Beirut'], ['Karbala', 'Kerbala'], ['Mosul'], ['Kirkuk']];

/** A mention to store: text and type, and the within-document name it belongs to. */
interface Named {
  texts: string[];
  type: EntityType;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// Syllables of generated family names, so a large collection has many families, as real ones do.
const SYLLABLES = ['ba', 'da', 'fa', 'ha', 'ja', 'ka', 'la', 'ma', 'na', 'ra', 'sa', 'ta', 'za', 'bi', 'di', 'ri', 'ni', 'mu', 'hu', 'ru'];

/** The spellings of family name `f`: the listed ones first, then generated ones ("Marabi", "al-Marabi"). */
function familyForms(f: number): string[] {
  if (f < FAMILY.length) return FAMILY[f]!;
  const word = [f, Math.floor(f / SYLLABLES.length), Math.floor(f / SYLLABLES.length ** 2)].map((x) => SYLLABLES[x % SYLLABLES.length]).join('');
  const name = `${word[0]!.toUpperCase()}${word.slice(1)}i`;
  return [name, `al-${name}`];
}

/**
 * One person named in one document: full name (some spelling), sometimes the family name alone after it or instead.
 * People are ranked by how often the news names them (a few very often, most rarely); there are about a third as
 * many families as people.
 */
function person(r: () => number, people: number): Named {
  const i = Math.min(people - 1, Math.floor(Math.exp(r() * Math.log(people + 1))) - 1);
  const mix = Math.imul(i + 1, 2654435761) >>> 0;
  const given = pick(r, GIVEN[mix % GIVEN.length]!);
  const family = pick(r, familyForms((mix >>> 8) % Math.max(FAMILY.length, Math.ceil(people / 3))));
  const full = `${given} ${family}`;
  const alone = family.replace(/^al[- ]/u, '');
  const shape = r();
  if (shape < 0.08) return { texts: [alone], type: 'PERSON' };
  if (shape < 0.12) return { texts: [full.toUpperCase()], type: 'PERSON' };
  return { texts: shape < 0.5 ? [full, alone] : [full], type: 'PERSON' };
}

function org(r: () => number): Named {
  const [long, short] = pick(r, ORGS);
  const shape = r();
  if (short && shape < 0.25) return { texts: [short], type: 'ORG' };
  if (short && shape < 0.6) return { texts: [long, short], type: 'ORG' };
  // A name tagged with another type now and then, as a tagger does.
  return { texts: [long], type: shape > 0.93 ? 'MISC' : 'ORG' };
}

function place(r: () => number): Named {
  const forms = pick(r, PLACES);
  const text = pick(r, forms);
  return { texts: [text], type: /ian$|i$/u.test(text) && text !== 'Najaf' ? 'MISC' : 'LOC' };
}

/** The text and mentions of document `n`; `people` sets how many distinct people the collection names. */
export function generatedDocument(seed: number, n: number, people: number): { text: string; named: Named[] } {
  const r = random(seed * 1_000_003 + n);
  const named: Named[] = [];
  const count = 3 + Math.floor(r() * 6);
  for (let i = 0; i < count; i++) {
    const x = r();
    named.push(x < 0.5 ? person(r, people) : x < 0.8 ? org(r) : place(r));
  }
  const text = named.map((x, i) => `In report ${n} item ${i}, ${x.texts.join(' said that ')} was mentioned.`).join('\n');
  return { text, named };
}

/** Stores documents from..to (exclusive) of the generated collection with their mentions; returns their ids. */
export async function addGenerated(store: Store, collection: string, seed: number, from: number, to: number, people = 120): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < to; n++) {
    const { text, named } = generatedDocument(seed, n, people);
    const original = new TextEncoder().encode(text);
    const doc = { path: `gen-${n}.txt`, sha256: sha256Hex(original), original, format: 'text' as const, text };
    await store.putDocuments([{ doc, collection, sentences: splitSentences(text) }]);
    const id = documentId(collection, doc.sha256);
    await store.putStageOutput(id, 'mentions', 'gen', { mentions: mentionsOf(id, text, named) });
    ids.push(id);
  }
  return ids;
}

/** Mentions with offsets in the text and one key per named thing (its first form, as within-document grouping keys it). */
export function mentionsOf(id: string, text: string, named: Named[]): Omit<Mention, 'stage' | 'version'>[] {
  const out: Omit<Mention, 'stage' | 'version'>[] = [];
  let at = 0;
  for (const x of named) {
    const key = `${id}#${x.type}:${normalizeName(x.texts[0]!, x.type)}`;
    for (const t of x.texts) {
      const start = text.indexOf(t, at);
      out.push({ documentId: id, start, end: start + t.length, text: t, type: x.type, norm: normalizeName(t, x.type), entityKey: key });
      at = start + t.length;
    }
  }
  return out;
}
