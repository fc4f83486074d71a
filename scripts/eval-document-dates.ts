/**
 * Document dates on the CoNLL-2003 dev set (Reuters 1996 stories; research use only, read from ../shared/data, never
 * copied). Each story is rebuilt as text, one sentence a line: headline, dateline ("LONDON 1996-08-30"), body.
 * Three readings of every story with a dateline:
 *   as given:       the date inferMetadata finds must be the dateline's;
 *   wire style:     the dateline rewritten "LONDON, Aug 30 (Reuters) - <first sentence>" with no year and no other
 *                   header date: no date may be found (a year is never invented);
 *   wire + stamp:   the same under a page stamp of the next day ("August 31, 1996 / 1:05 AM"): the dateline's day must
 *                   be found, its year taken from the stamp;
 *   no dateline:    the dateline line removed: any date found comes from the story, so it counts as a false date.
 * With --relative it also lists the relative date mentions of the stories against their dateline date: how many,
 * which ones the future reading ("will meet on Monday") changed, and a seeded sample of 40 to check by hand.
 * Usage: node --import tsx scripts/eval-document-dates.ts [--relative] [path/to/dev.txt]
 */
import { existsSync } from 'node:fs';
import { inferMetadata } from '../src/ingest/metadata.js';
import { extractDates, FUTURE_CUES } from '../src/nlp/dates.js';
import { readConll } from '../src/nlp/ner/conll.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const args = process.argv.slice(2);
const relative = args.includes('--relative');
const candidates = [args.find((a) => !a.startsWith('--')), '../shared/data/conll2003/dev.txt', '/work/shared/data/conll2003/dev.txt'];
const path = candidates.find((p): p is string => p !== undefined && existsSync(p));
if (!path) {
  console.error('CoNLL-2003 dev.txt not found (looked in ../shared/data and /work/shared/data); nothing to evaluate.');
  process.exit(0);
}

/** Stories as arrays of sentences, each sentence its tokens joined by spaces. */
function stories(file: string): string[][] {
  return readConll(file).map((d) => d.sentences.map((s) => s.tokens.join(' ')));
}

// "LONDON 1996-08-30", or the date alone when the sentence splitter cut the place off ("FARMINGTON HILLS , Mich .").
const DATELINE = /^(?:([A-Z][A-Z .'-]*) )?((?:19|20)\d{2})-(\d{2})-(\d{2})$/;
let withDateline = 0;
let asGivenRight = 0;
let asGivenWrong = 0;
let wireInvented = 0;
let stampRight = 0;
let withoutFalse = 0;
let noDatelineStories = 0;
let noDatelineFalse = 0;
const mentions: string[] = [];
let changedByFuture = 0;
// The future words of src/nlp/dates.ts, masked to see what the reading without them would be.
const FUTURE = new RegExp(FUTURE_CUES.source, 'gi');
for (const story of stories(path)) {
  const at = story.findIndex((s, i) => i < 4 && DATELINE.test(s));
  if (at < 0) {
    noDatelineStories++;
    if (inferMetadata(story.join('\n')).published !== undefined) noDatelineFalse++;
    continue;
  }
  withDateline++;
  const [, place, y, m, d] = story[at]!.match(DATELINE)!;
  const gold = `${y}-${m}-${d}`;
  if (relative) {
    for (const sentence of story.slice(at + 1)) {
      const plain = extractDates(sentence.replace(FUTURE, (w) => 'x'.repeat(w.length)), gold);
      for (const x of extractDates(sentence, gold).filter((x) => x.relative)) {
        const before = plain.find((p) => p.start === x.start);
        if (before && before.value !== x.value) changedByFuture++;
        mentions.push(`${gold} | ${x.text} -> ${x.value}${before && before.value !== x.value ? ` (without the future reading ${before.value})` : ''} | ${sentence.slice(Math.max(0, x.start - 90), x.end + 40)}`);
      }
    }
  }
  const found = inferMetadata(story.join('\n')).published;
  if (found === gold) asGivenRight++;
  else if (found !== undefined) asGivenWrong++;
  const title = place ? place.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : 'Detroit';
  const wire = [...story.slice(0, at), `${title}, ${MONTHS[Number(m) - 1]} ${Number(d)} (Reuters) - ${story[at + 1] ?? ''}`, ...story.slice(at + 2)];
  if (inferMetadata(wire.join('\n')).published !== undefined) wireInvented++;
  const next = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 1));
  const stamp = `${next.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${next.getUTCDate()}, ${next.getUTCFullYear()} / 1:05 AM`;
  if (inferMetadata([wire[0]!, stamp, ...wire.slice(1)].join('\n')).published === gold) stampRight++;
  if (inferMetadata([...story.slice(0, at), ...story.slice(at + 1)].join('\n')).published !== undefined) withoutFalse++;
}

const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;
console.log(`stories with a dateline: ${withDateline}, without: ${noDatelineStories}`);
console.log(`as given:     right ${pct(asGivenRight, withDateline)}, wrong ${pct(asGivenWrong, withDateline)}`);
console.log(`wire style, no year anywhere: a date invented in ${pct(wireInvented, withDateline)}`);
console.log(`wire style under a next-day page stamp: the dateline's day found in ${pct(stampRight, withDateline)}`);
console.log(`dateline removed: a date taken from the story in ${pct(withoutFalse, withDateline)}`);
console.log(`stories without a dateline: a date taken from the story in ${pct(noDatelineFalse, noDatelineStories)}`);

if (relative) {
  console.log(`relative date mentions: ${mentions.length}, changed by the future reading: ${changedByFuture}`);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const picked = new Set<number>();
  while (picked.size < Math.min(40, mentions.length)) picked.add(Math.floor(random() * mentions.length));
  mentions.filter((x) => x.includes("without the future")).forEach((x) => console.log(`changed: ${x}`));
  [...picked].sort((a, b) => a - b).forEach((i, k) => console.log(`${k + 1}. ${mentions[i]}`));
}
