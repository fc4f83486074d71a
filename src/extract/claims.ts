/** Attributed statements: quotations and reported speech, with who says them and whether they assert or deny. */
import type { Span } from '../model/index.js';
import { arabicScriptClaims } from './claims-arabic-script.js';
import { flattenMentions } from './masked.js';
import { insideSorted } from './span-lookup.js';
import { ROLE } from './relations/lexicon.js';
import type { ExtractedClaim, ExtractionInput, InputMention } from './types.js';

/** Verbs that attribute speech; "denied" and its kin turn the stance to denial. */
const SAY = String.raw`(?:said|says|say|told|tells|added|adds|wrote|writes|explained|noted|insisted|argued|argues|opined|stated|warned|claimed|claims|recalled|continued|concluded|asserted|reported|reports|read|declared|denied|denies|alleged|alleges|acknowledged|confirmed|confirms|revealed|reveals|reveal|suggested|suggests|believes|believe|show|shows|showed|indicated|indicates|concluded|disclosed|admitted|maintained)`;
const DENY = /^(?:denied|denies|deny|rejected|rejects|dismissed|dismisses)$/;
/** A speaker noun phrase: short, no clause punctuation; lists of single words allowed ("commanders, politicians and officials"). */
const SPEAKER = String.raw`((?:[\p{L}-]+, ){0,3}(?:[^,.;:"“”]|(?<=\b\p{Lu})\.){2,70}?)`;
const ADVERBS = String.raw`(?:(?:also|later|then|reportedly|previously|repeatedly|publicly|privately|vehemently|strongly|flatly|firmly|in particular|again|once|[a-z]+ly),? )*`;

/** Extracts the claims of a document in text order. */
export function extractClaims(input: ExtractionInput): ExtractedClaim[] {
  const mentions = flattenMentions(input.mentions);
  const claims = [...quotedClaims(input, mentions), ...reportedClaims(input, mentions), ...arabicScriptClaims(input, mentions)];
  claims.sort((a, b) => a.evidence.start - b.evidence.start);
  resolvePronounSpeakers(claims);
  return claims;
}

/** "“Qaani is the weakest link ...,” a political leader close to Iran told MEE." and "the source told ...: “...”". */
function quotedClaims(input: ExtractionInput, mentions: InputMention[]): ExtractedClaim[] {
  const out: ExtractedClaim[] = [];
  const text = input.text;
  const quote = /[“"]([^“”"]{12,1500}?)[”"]/g;
  // A chunk of a long document reads the quotations that open inside it (one may close in the next chunk).
  quote.lastIndex = input.within?.start ?? 0;
  const to = input.within?.end ?? text.length;
  for (let q = quote.exec(text); q !== null && q.index < to; q = quote.exec(text)) {
    const content: Span = { start: q.index + 1, end: q.index + q[0].length - 1 };
    if (q[1]!.trim().split(/\s+/).length < 4) continue; // scare quotes: “special relationship”, “an urgent”
    const found = attribution(text, q.index, q.index + q[0].length, /\.\s*$/.test(q[1]!));
    const previous = out[out.length - 1];
    if (found === null || !plausibleSpeaker(text.slice(found.speaker.start, found.speaker.end))) {
      // A quoted paragraph right after an attributed one continues it: “...,” the specialist said. / “The Iranians have failed ...”
      if (previous !== undefined && onlySpaceWithBreak(text, previous.evidence.end, q.index)) {
        out.push({ ...previous, text: text.slice(content.start, content.end).trim(), span: content, rule: 'quote:continued',
          evidence: { documentId: input.documentId, start: q.index, end: q.index + q[0].length, text: q[0] } });
      }
      continue;
    }
    const evidence = { start: Math.min(found.speaker.start, q.index), end: Math.max(found.end, q.index + q[0].length) };
    out.push(makeClaim(input, mentions, found.speaker, content, found.verb, evidence, 'quote'));
  }
  return out;
}

/** True when text[from, to) is whitespace with a line break in it; stops at the first other character (cheap on long gaps). */
function onlySpaceWithBreak(text: string, from: number, to: number): boolean {
  let linebreak = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) linebreak = true;
    else if (!(c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/u.test(text[i]!)))) return false;
  }
  return linebreak;
}

/** Finds who a quotation at [start, end) is attributed to: after it ("..., the specialist said"), or before it ("X said: “...”"). */
function attribution(text: string, start: number, end: number, closed: boolean): { speaker: Span; verb: string; end: number } | null {
  // Read with runs of white space as one space (wrapped and quoted lines), offsets mapped back to the text.
  const a = collapseSpaces(text.slice(end, end + 200));
  const b = collapseSpaces(text.slice(Math.max(0, start - 200), start));
  const after = a.text;
  const before = b.text;
  const afterAt = (i: number): number => end + a.original(i);
  const beforeAt = (i: number): number => start - b.length + b.original(i);
  // A quotation closed by a full stop ends its sentence: what follows is not its attribution.
  if (!closed) {
    const speakerFirst = new RegExp(String.raw`^\s*,?\s*${SPEAKER} ${ADVERBS}(${SAY})\b[^.!?\n]*[.!?]?`, 'u').exec(after);
    if (speakerFirst !== null && speakerFirst[1] !== undefined) {
      const i = speakerFirst[0].indexOf(speakerFirst[1]);
      return { speaker: { start: afterAt(i), end: afterAt(i + speakerFirst[1].length - 1) + 1 }, verb: speakerFirst[2]!, end: afterAt(speakerFirst[0].length - 1) + 1 };
    }
    const verbFirst = new RegExp(String.raw`^\s*,?\s*(${SAY}) ((?:the |a |an |one |another )?[^,.;:"“”]{2,60}?)(?=[,.;]|$| (?:who|because|in|on|at|to)\b)[^.!?\n]*[.!?]?`, 'u').exec(after);
    if (verbFirst !== null) {
      const i = verbFirst[0].indexOf(verbFirst[2]!, verbFirst[1]!.length);
      return { speaker: { start: afterAt(i), end: afterAt(i + verbFirst[2]!.length - 1) + 1 }, verb: verbFirst[1]!, end: afterAt(verbFirst[0].length - 1) + 1 };
    }
  }
  const lead = new RegExp(String.raw`${SPEAKER} ${ADVERBS}(${SAY})(?: [A-Z][\p{L}]+(?: [A-Z][\p{L}]+)*| (?:his|her|their|the) [^,:"“”]{1,40}?)?(?: that)?[:,]?\s*$`, 'u').exec(before);
  if (lead === null) return null;
  return { speaker: { start: beforeAt(lead.index), end: beforeAt(lead.index + lead[1]!.length - 1) + 1 }, verb: lead[2]!, end };
}

/**
 * `s` with each run of white space as one space (a line break when the run holds one, so a paragraph still ends
 * what the patterns read), and a map from an index of that text to the index of the same character in `s`
 * (`length` is s's). The reading view leaves runs of spaces where wrapped or quoted lines were joined; the patterns
 * are written with single spaces.
 */
export function collapseSpaces(s: string): { text: string; length: number; original: (i: number) => number } {
  if (!/[ \t\u00a0]{2}|\s\n|\n\s|[\t\r\f\v\u00ad]/.test(s)) return { text: s, length: s.length, original: (i) => i };
  const at: number[] = [];
  let text = '';
  for (let i = 0; i < s.length; ) {
    // Soft hyphens (a word broken over two lines, in the reading view) are read as nothing.
    if (s[i] === '\u00ad') {
      i++;
      continue;
    }
    if (!/\s/u.test(s[i]!)) {
      text += s[i]!;
      at.push(i++);
      continue;
    }
    let j = i;
    let linebreak = false;
    for (; j < s.length && /\s/u.test(s[j]!); j++) if (s[j] === '\n') linebreak = true;
    text += linebreak ? '\n' : ' ';
    at.push(i);
    i = j;
  }
  at.push(s.length);
  return { text, length: s.length, original: (i) => at[Math.max(0, Math.min(i, at.length - 1))]! };
}

/** A second attribution inside a claim: ", but the Pentagon said the next day that a US contractor had died". */
const SECOND_SPEAKER = new RegExp(String.raw`,? (?:but|while|whereas|and) ((?:the |a |an )?[^,.;:"“”]{2,50}?) (${SAY})(?: [a-z]+){0,3}? that (.+)$`, 'u');

/** A reported-speech shape: its pattern and how to read speaker, verb and claim from a match. */
interface Reported {
  rule: string;
  pattern: RegExp;
  interposed: boolean;
  read: (m: RegExpExecArray) => { speaker: string; verb: string; claim: string };
}

// Only "told" takes the hearer's name: "told MEE" (in "reported Thatcher was shaken" the name starts the claim).
const NAME_AFTER_VERB = String.raw`(?:(?<=\btold|\btells) [A-Z][\p{L}]+(?: [A-Z][\p{L}]+)*)?`;

const REPORTED: Reported[] = [
  {
    // "According to the political leader, Iran has been struggling to find someone capable of filling Soleimani's shoes."
    rule: 'reported:according-to',
    pattern: /^(?:But |And |So )?[Aa]ccording to ([^,]{2,80}), (.+)$/u,
    interposed: false,
    read: (m) => ({ speaker: m[1]!, verb: 'said', claim: m[2]! }),
  },
  {
    // "One of the key errors made by the United States, according to the report, was underestimating ..."
    rule: 'reported:according-to',
    pattern: /^(.+?), according to ([^,]{2,80}), (.+)$/u,
    interposed: true,
    read: (m) => ({ speaker: m[2]!, verb: 'said', claim: `${m[1]} ${m[3]}` }),
  },
  {
    // "Those assassinations, sources said, left behind a vast mess ..."
    rule: 'reported:interposed',
    pattern: new RegExp(String.raw`^(.+?), ${SPEAKER} (${SAY})${NAME_AFTER_VERB}, (.+)$`, 'u'),
    interposed: true,
    read: (m) => ({ speaker: m[2]!, verb: m[3]!, claim: `${m[1]} ${m[4]}` }),
  },
  {
    // "All Iran-backed political and armed factions answered to him, they said."
    rule: 'reported:claim-speaker',
    pattern: new RegExp(String.raw`^(.+), ${SPEAKER} (${SAY})${NAME_AFTER_VERB}(?:, speaking on condition of anonymity)?[.!?]?$`, 'u'),
    interposed: false,
    read: (m) => ({ speaker: m[2]!, verb: m[3]!, claim: m[1]! }),
  },
  {
    // "The leak also reveals that Nechervan Barzani ... met with ...", "Abadi, in particular, vehemently denied meeting ...",
    // "Tehran dismissed reports that the IRGC armed the Houthis"
    rule: 'reported:speaker-claim',
    // Verbs that also narrate ("added two hits", "continued to storm") need "that" here.
    pattern: new RegExp(String.raw`^${SPEAKER}(?:, [^,]{1,40},)? ${ADVERBS}(?:(${SAY}|rejected|dismissed)(?<!added|adds|continued|read|show|shows|showed|recalled|concluded)${NAME_AFTER_VERB}(?: (?:the )?(?:claims?|reports?|allegations?|accusations?|suggestions?|charges?))?(?: that)?|(added|adds|continued|recalled|concluded|show|shows|showed) that) (.+)$`, 'u'),
    interposed: false,
    read: (m) => ({ speaker: m[1]!, verb: m[2] ?? m[3]!, claim: m[4]! }),
  },
];

/** Reported speech inside one sentence: "According to sources, ...", "..., sources said.", "The leak reveals that ...". */
function reportedClaims(input: ExtractionInput, mentions: InputMention[]): ExtractedClaim[] {
  const out: ExtractedClaim[] = [];
  for (const sent of input.sentences) {
    // Read with each run of spaces as one (a hard-wrapped or e-mail-quoted line leaves several; a run holding a line
    // break reads as one); spans map back to the stored text.
    const { text: s, original } = collapseSpaces(input.text.slice(sent.start, sent.end));
    if (/[“”"]/.test(s)) continue; // quotations are handled whole, across sentences
    const at = (part: string, from = 0): Span => {
      const i = s.indexOf(part, from);
      return { start: sent.start + original(i), end: sent.start + original(i + part.length - 1) + 1 };
    };
    for (const shape of REPORTED) {
      const m = shape.pattern.exec(s);
      if (m === null) continue;
      const { speaker, verb, claim } = shape.read(m);
      if (!plausibleSpeaker(speaker) || claim.split(' ').length < 3) continue;
      if (/^(?:to (?:the|a|an|his|her|their)|for|by|in|at|with|of|on)\b/.test(claim)) continue; // "said to the Iraqis was passed along"
      if (/^(?:reports|claims|shows|findings)$/.test(verb) && /^\p{L}+ing\b/u.test(claim)) continue; // "The leak exposes reports detailing ..."
      const speakerSpan = at(speaker);
      // "X said A, but the Pentagon said the next day that B": two statements, each with its own speaker.
      const second = shape.interposed ? null : SECOND_SPEAKER.exec(claim);
      const first = second === null ? claim : claim.slice(0, second.index);
      // An interposed attribution splits the claim in two; the claimed span is then the whole sentence.
      const claimSpan = shape.interposed ? { start: sent.start, end: sent.end } : at(first.replace(/[.!?]$/, ''));
      const c = makeClaim(input, mentions, speakerSpan, claimSpan, verb, sent, shape.rule);
      c.text = first.replace(/[.!?]$/, '');
      out.push(c);
      if (second !== null && plausibleSpeaker(second[1]!)) {
        const from = s.indexOf(claim) + second.index;
        const secondSpeaker = at(second[1]!, from);
        const secondClaim = at(second[3]!.replace(/[.!?]$/, ''), from);
        const d = makeClaim(input, mentions, secondSpeaker, secondClaim, second[2]!, sent, `${shape.rule}:second`);
        out.push(d);
      }
      break;
    }
  }
  return out;
}

/** Trims what a speaker pattern over-captures: "well, but The Intercept" -> "The Intercept", "occupation, the report" -> "the report". */
function trimSpeaker(phrase: string): string {
  const afterComma = /^(?:.*, )((?:the|a|an|one|another|[A-Z]).*)$/u.exec(phrase)?.[1];
  const p = afterComma !== undefined && !/ and /.test(phrase.slice(0, phrase.length - afterComma.length)) ? afterComma : phrase;
  return p.replace(/^(?:.*\b)?(?:[Bb]ut|[Aa]nd|[Ss]o|[Ww]hile|[Aa]s|[Bb]ecause|[Tt]hough|[Aa]lthough|[Ww]hen|[Ii]f|[Ss]ince) (?=\p{Lu})/u, '');
}

const NOT_SPEAKERS = /^(?:it|this|that|there|which|what|who|when|where|some|many|most|all|one|ones|as|if|but|and|so|while|although|though|because)$/i;

/** Rejects phrases that are not speakers: clause fragments, long phrases, "it was said". */
function plausibleSpeaker(phrase: string): boolean {
  if (/^(?:Though|Although|While|If|When|Since|Because|As|Unless|Whether)\b/.test(phrase)) return false;
  // "He declined to", "The group demanded Wang's release and": a clause cut short, not a speaker.
  if (/\b(?:and|or|but|to|of|the|a|an)$/.test(phrase.trim())) return false;
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || words.length > 10) return false;
  if (NOT_SPEAKERS.test(words[0]!) && words.length === 1) return false;
  // A verb inside the phrase means we caught a clause: "Iran is intervening in our country".
  return !/\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b/.test(phrase);
}

/** Builds a claim, finding the named speaker when the phrase is headed by a mention. */
function makeClaim(input: ExtractionInput, mentions: InputMention[], speaker: Span, content: Span, verb: string, evidence: Span, rule: string): ExtractedClaim {
  const raw = input.text.slice(speaker.start, speaker.end).trim();
  const speakerText = trimSpeaker(raw);
  speaker = { start: speaker.start + input.text.slice(speaker.start, speaker.end).indexOf(raw) + raw.length - speakerText.length, end: speaker.end };
  const head = speakerHead(input.text, mentions, speaker);
  const evidenceText = input.text.slice(evidence.start, evidence.end);
  const claim: ExtractedClaim = {
    speakerKey: head?.entityKey ?? null,
    speakerText,
    speakerSpan: speaker,
    text: input.text.slice(content.start, content.end).trim(),
    stance: DENY.test(verb) ? 'denies' : 'asserts',
    evidence: { documentId: input.documentId, start: evidence.start, end: evidence.end, text: evidenceText },
    rule,
    span: content,
  };
  if (head === undefined && (ANONYMOUS.test(speakerText) || /anonymity|anonymous|unnamed|not authori[sz]ed to speak/.test(evidenceText))) claim.anonymous = true;
  return claim;
}

const ANONYMOUS = /\b(?:sources?|officials?|specialist|experts?|analysts?|commanders?|politicians?|diplomats?|insiders?|protesters?|residents?|witness(?:es)?|someone|person|leaders?|officers?)\b/i;
// Words allowed before the head name: articles, titles, posts and other words, but no preposition ("a leader close to Iran").
const HEAD_PREFIX = new RegExp(String.raw`^(?:(?:the|a|an|former|then-|[A-Z][\p{L}.-]*|${ROLE}|(?!(?:of|in|for|to|with|from|at|by|on|close|near|who|that|which|and)\b)[a-z][\p{L}-]*)\s+)*$`, 'u');

/** The mention that heads a speaker phrase: "Iraqi Prime Minister Adel Abdul-Mahdi", "the Pentagon"; not "a leader close to Iran". */
function speakerHead(text: string, mentions: InputMention[], speaker: Span): InputMention | undefined {
  const inside = insideSorted(mentions, speaker).filter((m) => m.type !== 'MISC');
  for (const m of inside) {
    const before = text.slice(speaker.start, m.start).replace(/⟦/g, '');
    const after = text.slice(m.end, speaker.end);
    const masked = before.replace(/\s+/g, ' ');
    // After the name: nothing, an apposition, a bracket, or an affiliation ("Lynn Reaser of Barnett Banks").
    if (HEAD_PREFIX.test(masked) && /^(?:\s*$|,|\s*\(|\s+(?:of|from|at)\s)/.test(after)) return m;
  }
  return undefined;
}

/** "he said", "she added": the speaker is the one named in the claim just before, when there is one. */
function resolvePronounSpeakers(claims: ExtractedClaim[]): void {
  for (let i = 1; i < claims.length; i++) {
    const c = claims[i]!;
    const prev = claims[i - 1]!;
    // Persian "وی", "او", "ایشان" and Arabic "وي" (he, she) as well.
    if (/^(?:he|she|they|the specialist|the official|the source|وی|وي|او|ایشان|ايشان)$/i.test(c.speakerText) && c.evidence.start - prev.evidence.end < 600) {
      c.speakerKey = prev.speakerKey;
      if (prev.anonymous === true) c.anonymous = true;
    }
  }
}
