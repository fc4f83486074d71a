/** Language identification for whole documents: script first, then letters and function words, then franc's trigrams. */
import { franc, francAll } from 'franc-min';

// franc-min answers in ISO 639-3; the store keeps ISO 639-1 where one exists.
const ISO_639_1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', swe: 'sv', pol: 'pl', ces: 'cs',
  ron: 'ro', hun: 'hu', tur: 'tr', ind: 'id', zlm: 'ms', vie: 'vi', jav: 'jv', sun: 'su', swh: 'sw', hau: 'ha',
  yor: 'yo', ibo: 'ig', som: 'so', zul: 'zu', kin: 'rw', run: 'rn', nya: 'ny', lin: 'ln', plt: 'mg', tgl: 'tl',
  bos: 'bs', hrv: 'hr', srp: 'sr', uzn: 'uz', azj: 'az', ckb: 'ku', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg',
  kaz: 'kk', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne', cmn: 'zh', ben: 'bn',
  jpn: 'ja', kor: 'ko', tel: 'te', tam: 'ta', guj: 'gu', kan: 'kn', mal: 'ml', mya: 'my', pan: 'pa', amh: 'am',
  tha: 'th', sin: 'si', ell: 'el', heb: 'he',
};

// Letters only Persian uses (پ چ ژ گ, and the Persian forms of kaf and yeh) against letters only Arabic uses (ة, Arabic yeh and kaf).
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/gu;
const ARABIC_LETTERS = /[\u0629\u064A\u0643\u0623\u0625\u0624]/gu;
// Frequent function words: "که است را این با از می" against "في من على إلى التي الذي أن".
const PERSIAN_WORDS = /(?:^|\s)(?:که|است|را|این|با|از|می|های|برای|شد|بود)(?=\s|$)/gu;
const ARABIC_WORDS = /(?:^|\s)(?:في|من|على|إلى|التي|الذي|أن|عن|كان|هذا|مع)(?=\s|$)/gu;

const ARABIC_SCRIPT = /\p{Script=Arabic}/gu;
const HEBREW_SCRIPT = /\p{Script=Hebrew}/gu;
const LETTER = /\p{L}/gu;

// franc is slow on long input and a few thousand characters decide the language as well as the whole text.
const SAMPLE_CHARS = 4000;
// Below this many letters a guess is noise; say "unsure" instead.
const MIN_LETTERS = 20;

/** Returns the ISO 639-1 code of the text's language ("en", "fa", "ar", ...) or '' when unsure. */
export function detectLanguage(text: string): string {
  const sample = sampleOf(text);
  const letters = count(sample, LETTER);
  if (letters < MIN_LETTERS) return '';
  if (count(sample, ARABIC_SCRIPT) > letters / 2) return persianOrArabic(sample);
  if (count(sample, HEBREW_SCRIPT) > letters / 2) return 'he';
  return latinByFunctionWords(sample) ?? byTrigrams(sample);
}

// Function words decide short Latin-script texts better than trigrams: franc calls "Leaked cables. By Jane Doe ..."
// French. Words shared between languages ("de", "la", "en") count for each.
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to in is was that for with on by at from were has have it as are said this be an which who their not',
  fr: 'le la les des et est une un du dans que qui pour sur pas au aux avec ce il elle ont été sont mais leur cette',
  es: 'el la los las de que y en un una por con para es del se no al lo su como fue han pero sus este',
  de: 'der die das und ist nicht mit den von zu dem ein eine auf für sich des auch im dass wurde sind wird nach bei',
  pt: 'o a os as de que e do da em um uma para com não por no na dos foi são mas mais ao pelo',
  it: 'il lo la gli le di che e un una per con non del della è sono nel alla anche ma dei questo',
  nl: 'de het een en van in is dat op te zijn met voor niet aan er die werd ook als bij naar',
};
const WORD_SETS = Object.entries(FUNCTION_WORDS).map(([code, words]) => [code, new Set(words.split(' '))] as const);
// A vote needs this many hits and this lead over the runner-up; otherwise trigrams decide.
const MIN_VOTES = 3;
const VOTE_LEAD = 1.5;
// franc's scores are relative (the best is 1); a runner-up this close means franc cannot tell.
const TRIGRAM_MARGIN = 0.97;

function latinByFunctionWords(sample: string): string | undefined {
  const votes = new Map<string, number>();
  for (const [word] of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const [code, set] of WORD_SETS) if (set.has(word)) votes.set(code, (votes.get(code) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_VOTES || (second && best[1] < VOTE_LEAD * second[1])) return undefined;
  return best[0];
}

function byTrigrams(sample: string): string {
  const [best, second] = francAll(sample, { minLength: MIN_LETTERS });
  if (!best || best[0] === 'und' || (second && second[1] > TRIGRAM_MARGIN * best[1])) return '';
  return ISO_639_1[best[0]] ?? '';
}

/** Tells Persian from Arabic by letters and function words each language alone uses; Urdu and Pashto fall to franc. */
function persianOrArabic(sample: string): string {
  const persian = count(sample, PERSIAN_LETTERS) + 3 * count(sample, PERSIAN_WORDS);
  const arabic = count(sample, ARABIC_LETTERS) + 3 * count(sample, ARABIC_WORDS);
  if (persian === 0 && arabic === 0) return '';
  // Urdu shares Persian's letters, so a Persian-looking text is checked by franc too.
  if (persian > arabic) {
    const code = franc(sample, { only: ['pes', 'urd', 'pbu'], minLength: MIN_LETTERS });
    return code === 'und' ? 'fa' : (ISO_639_1[code] ?? 'fa');
  }
  return 'ar';
}

/** Takes the middle of long texts, where navigation and bylines are least likely. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const start = Math.floor((text.length - SAMPLE_CHARS) / 2);
  return text.slice(start, start + SAMPLE_CHARS);
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}
