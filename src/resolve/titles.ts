/**
 * General word lists for names: titles and honorifics, name particles, organisation designators.
 * Written for this project from common English-press usage (no third-party list copied); they name
 * roles and word classes, never a particular person or organisation.
 */

/** Titles that may be cut even in the middle of a mention ("Revolutionary Guard Gen. Qassem Soleimani"). */
export const STRONG_TITLES: readonly string[] = [
  'president', 'vice president', 'prime minister', 'deputy prime minister', 'minister', 'foreign minister',
  'defence minister', 'defense minister', 'interior minister', 'oil minister', 'finance minister',
  'intelligence minister', 'deputy minister', 'supreme leader', 'speaker', 'secretary general',
  'secretary-general', 'secretary of state', 'attorney general', 'chief justice', 'ambassador', 'governor',
  'senator', 'congressman', 'congresswoman', 'mayor', 'crown prince',
  'general', 'gen', 'lieutenant general', 'lt gen', 'lt-gen', 'major general', 'maj gen', 'brigadier general',
  'brig gen', 'brigadier', 'brig', 'lieutenant colonel', 'lt col', 'colonel', 'col', 'lieutenant', 'lt',
  'major', 'maj', 'captain', 'capt', 'commander', 'cmdr', 'admiral', 'adm', 'rear admiral', 'vice admiral',
  'field marshal', 'marshal', 'sergeant', 'sgt', 'corporal', 'cpl', 'private', 'pvt',
  'commander-in-chief', 'chief of staff',
  'ayatollah', 'grand ayatollah', 'hojatoleslam', 'hojjatoleslam', 'hojjat ol-eslam', 'hujjat al-islam',
  'imam', 'mullah', 'cleric', 'pope', 'cardinal', 'archbishop', 'bishop', 'rabbi', 'reverend', 'rev',
  'chairman', 'chairwoman', 'chairperson', 'director', 'director general', 'director-general', 'judge',
  'justice', 'prosecutor', 'mp', 'lawmaker', 'spokesman', 'spokeswoman', 'spokesperson',
  'adviser', 'advisor', 'security adviser', 'national security adviser', 'envoy', 'special envoy', 'leader',
];

/** Honorifics cut only at the start of a name: several double as given names elsewhere ("Sheikh", "Haji"). */
export const LEADING_HONORIFICS: readonly string[] = [
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'doctor', 'prof', 'professor', 'sir', 'lord', 'lady', 'dame',
  'his excellency', 'her excellency', 'hon', 'king', 'queen', 'emir', 'honourable', 'honorable', 'the honourable',
  'sheikh', 'shaikh', 'sheik', 'shaykh', 'sayyid', 'sayyed', 'sayed', 'seyed', 'seyyed', 'syed',
  'haji', 'hajji', 'hajj', 'haj', 'mawlana', 'maulana', 'mawlawi', 'maulvi', 'mufti', 'former', 'ex', 'late',
  'the late', 'then', 'acting', 'deputy', 'chief', 'head',
];

/** Particles inside Arabic, Persian and other names; they carry little identity on their own. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'il', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'adh', 'ath', 'bin', 'ben', 'ibn', 'bint',
  'abu', 'abou', 'abo', 'umm', 'um', 'abd', 'abdul', 'abdel', 'abdol', 'van', 'von', 'der', 'de', 'da', 'di',
  'du', 'del', 'la', 'le', 'y', 'e', 'bn',
]);

/** Particles that introduce the distinctive part of a name: "Abu Mahdi", "Umm Hani", "bin Salman". */
export const KUNYA_PARTICLES: ReadonlySet<string> = new Set(['abu', 'abou', 'abo', 'umm', 'um', 'bin', 'ben', 'ibn', 'bint']);

/** Generic words of organisation names; dropping them lets "Revolutionary Guards Corps" meet "Revolutionary Guard". */
export const ORG_DESIGNATORS: ReadonlySet<string> = new Set([
  'corps', 'organization', 'organisation', 'group', 'movement', 'party', 'front', 'brigade', 'brigades',
  'battalion', 'battalions', 'company', 'co', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited',
  'llc', 'plc', 'ag', 'gmbh', 'aktiengesellschaft', 'sa', 'srl', 'spa', 'bv', 'nv', 'jsc', 'ojsc', 'pjsc',
  'cjsc', 'oao', 'zao', 'ooo', 'pao', 'llp', 'lp', 'holding', 'holdings', 'the', 'of', 'and', 'for',
]);

/** Multi-word legal forms, folded to one designator before comparison ("Joint Stock Company" -> "jsc"). */
export const LEGAL_FORM_PHRASES: readonly [string, string][] = [
  ['open joint stock company', 'jsc'], ['closed joint stock company', 'jsc'], ['public joint stock company', 'jsc'],
  ['joint stock company', 'jsc'], ['limited liability company', 'llc'], ['public limited company', 'plc'],
  ['private limited company', 'ltd'], ['gesellschaft mit beschrankter haftung', 'gmbh'],
  ['societe anonyme', 'sa'], ['sociedad anonima', 'sa'], ['sp z o o', 'llc'], ['societatea cu raspundere limitata', 'srl'],
];

/** Words that look like names but are numbers spelled out; numbers must agree for two names to match. */
export const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8',
  ninth: '9', tenth: '10', ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9',
};

/** Nationality adjectives that open organisation names: "Iraqi", "Iranian", "Lebanese", "Kurdish". */
export const DEMONYM = /^\p{L}{3,}(?:i|ian|ese|ish)$/u;

/** Qualifiers an organisation's name may carry or drop without naming another body ("Islamic Dawa Party"). */
export function isOrgQualifier(word: string): boolean {
  return word === 'islamic' || DEMONYM.test(word);
}
