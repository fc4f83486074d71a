/** Orthographic properties of a single token: shape, case class and affixes. */

/** Case class of a token, used both as a feature and to gate document-level features. */
export const enum CaseClass {
  Lower = 0,
  InitCap = 1,
  AllCaps = 2,
  Mixed = 3,
  NoLetters = 4,
  /** Letters of a script without case (Arabic, Persian): every word may be a name, as capitals are for English. */
  Caseless = 5,
}

/** Compressed word shape: "Soleimani" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d", "al-Haq" -> "x-Xx". */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'L';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Classifies a token's capitalisation. */
export function caseClass(word: string): CaseClass {
  const hasUpper = /\p{Lu}/u.test(word);
  const hasLower = /\p{Ll}/u.test(word);
  if (!hasUpper && !hasLower) return /\p{L}/u.test(word) ? CaseClass.Lower : CaseClass.NoLetters;
  if (!hasUpper) return CaseClass.Lower;
  if (!hasLower) return CaseClass.AllCaps;
  if (/^\P{L}*\p{Lu}[^\p{Lu}]*$/u.test(word)) return CaseClass.InitCap;
  // "McDonald", "al-Haq", "bin-Laden": treat an upper-case letter after a lower-case start as mixed.
  return /^\P{L}*\p{Lu}/u.test(word) ? CaseClass.InitCap : CaseClass.Mixed;
}

/** Normalises digits so "1996" and "2011" share a feature: every digit becomes 0. */
export function normalizeDigits(word: string): string {
  return /\d/.test(word) ? word.replace(/\d/g, '0') : word;
}
