/**
 * A generated news corpus of any size for bench/scale.ts, from real texts: each document is a short report naming people
 * and organisations (forenames and surnames from ../shared/data/names-by-country, combined so the number of distinct
 * entities grows with the corpus, a few of them recurring often as in news) followed by Factbook paragraphs about a
 * country. About one in twenty documents re-reports an earlier one (new headline, a paragraph dropped). Nothing of the
 * shared data is copied into the repository: it is read when the benchmark runs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA } from './factbook.js';
import { seededRandom } from '../src/nlp/random.js';

const random = seededRandom;

/** The "Romanized Name" column of a names CSV, Latin-script names only, deduplicated. */
function names(file: string): string[] {
  const lines = readFileSync(join(SHARED_DATA, 'names-by-country', file), 'utf8').replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const header = lines[0]!.split(',');
  const col = header.indexOf('Romanized Name');
  const out = new Set<string>();
  for (const line of lines.slice(1)) {
    const value = line.split(',')[col]?.trim();
    if (value && /^[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?$/u.test(value)) out.add(value);
  }
  return [...out];
}

/** Factbook paragraphs of 200 characters or more, by country name. */
function paragraphs(): { country: string; texts: string[] }[] {
  const root = join(SHARED_DATA, 'factbook');
  const out: { country: string; texts: string[] }[] = [];
  for (const region of readdirSync(root).filter((r) => /^[a-z-]+$/u.test(r)).sort()) {
    for (const file of readdirSync(join(root, region)).filter((f) => f.endsWith('.json')).sort()) {
      const profile = JSON.parse(readFileSync(join(root, region, file), 'utf8')) as Record<string, unknown>;
      const texts: string[] = [];
      const walk = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if (key === 'text' && typeof value === 'string') {
            const text = value.replace(/<[^>]+>/gu, ' ').replace(/&nbsp;/gu, ' ').replace(/\s+/gu, ' ').trim();
            if (text.length >= 200) texts.push(text);
          } else walk(value);
        }
      };
      walk(profile);
      const name = (profile['Government'] as { 'Country name'?: { 'conventional short form'?: { text?: string } } } | undefined)
        ?.['Country name']?.['conventional short form']?.text;
      if (texts.length >= 3) out.push({ country: name && name !== 'none' ? name : file.replace('.json', ''), texts });
    }
  }
  return out;
}

const ROLES = ['minister', 'director', 'spokesman', 'chairman', 'deputy governor', 'commander', 'ambassador', 'treasurer', 'adviser'];
const SECTORS = ['Mining', 'Shipping', 'Energy', 'Trading', 'Textiles', 'Logistics', 'Cement', 'Telecom', 'Fisheries', 'Construction'];
const FORMS = ['Company', 'Group', 'Holdings', 'Corporation', 'Bank', 'Authority'];
const MEETINGS = ['met', 'held talks with', 'spoke by telephone with', 'received'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** True when the shared data the corpus is made from is present. */
export function corpusAvailable(): boolean {
  return existsSync(join(SHARED_DATA, 'factbook')) && existsSync(join(SHARED_DATA, 'names-by-country'));
}

/** Writes `count` documents as .txt files under `dir`; returns their texts' total size in bytes. */
export function writeScaleCorpus(dir: string, count: number, seed = 1): number {
  const given = names('common-forenames-by-country.csv');
  const family = names('common-surnames-by-country.csv');
  const countries = paragraphs();
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // People and organisations: a pool growing with the corpus; r()^2 makes low numbers (the well-known) recur often.
  const people = Math.max(50, Math.floor(count * 0.8));
  const person = (): string => {
    const i = Math.floor(r() * r() * people);
    return `${given[(i * 7919) % given.length]} ${family[(i * 104729) % family.length]}`;
  };
  const org = (): string => {
    const i = Math.floor(r() * r() * (people / 4));
    return `${family[(i * 31337) % family.length]} ${SECTORS[i % SECTORS.length]} ${FORMS[(i >> 3) % FORMS.length]}`;
  };
  mkdirSync(dir, { recursive: true });
  const made: string[][] = [];
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    let parts: string[];
    if (made.length > 20 && r() < 0.05) {
      const base = made[Math.floor(r() * made.length)]!;
      parts = [`UPDATE: ${base[0]}`, ...base.slice(1).filter((_, i) => i !== 2)];
    } else {
      const c = pick(countries);
      const [a, b, o1, o2] = [person(), person(), org(), org()];
      const date = `${1 + Math.floor(r() * 28)} ${pick(MONTHS)} ${2015 + Math.floor(r() * 10)}`;
      parts = [
        `${a.split(' ')[1]} and ${b.split(' ')[1]} discuss ${c.country}`,
        `${c.country.toUpperCase()}, ${date} - ${a}, the ${pick(ROLES)} of ${o1}, ${pick(MEETINGS)} ${b} of ${o2} on ${date}. ` +
          `${a.split(' ')[1]} said ${o1} had paid ${o2} for services in ${c.country}, according to two officials.`,
        ...[0, 1, 2].map(() => pick(c.texts)),
      ];
    }
    made.push(parts);
    const text = parts.join('\n\n');
    writeFileSync(join(dir, `doc-${String(n).padStart(7, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
