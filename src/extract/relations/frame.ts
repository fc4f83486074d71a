/** Frames: relation rules written as patterns over masked sentences, compiled once and run at every start position. */
import type { RelationTypeId } from '../../model/index.js';
import type { MaskedSentence } from '../masked.js';
import { HEDGE, NEGATION } from './lexicon.js';

/** One relation a frame emits, naming the slots that fill it. */
export interface Emit {
  type: RelationTypeId;
  source: string;
  target: string;
  /** Slot holding the post for role_in ("leader"), or a fixed post. */
  role?: string;
  /** Overrides the frame's confidence for this relation. */
  confidence?: number;
}

/** A rule: a template over masked text and the relations it yields. */
export interface Frame {
  /** Rule name recorded on every relation it produces. */
  rule: string;
  /** Regex source where {name:PLOM} is an entity slot of those types and {name:=regex} a captured word slot. */
  pattern: string;
  emit: Emit[];
  confidence: number;
  /** Entity slots allowed to be pre-nominal modifiers ("US" in "US drone strike"). */
  modifiers?: string[];
  /** Only fires when the sentence states an amount near the match ("gave him $20,000"). */
  needsMoney?: boolean;
  /** Slots not spread over coordinated names (a comma pair "Tehran, Iran" is not a list); true for all slots. */
  noCoordination?: boolean | string[];
}

/** A frame compiled to a sticky regex with its slot order. */
interface Compiled {
  frame: Frame;
  regex: RegExp;
  slots: { name: string; entity: boolean }[];
  startsWithEntity: boolean;
}

/** A frame match turned into a relation candidate, still in sentence-local mention indices. */
export interface FrameHit {
  type: RelationTypeId;
  rule: string;
  source: number;
  target: number;
  confidence: number;
  role?: string;
  negated: boolean;
  /** Masked-text range of the match, used to look for amounts and claims. */
  from: number;
  to: number;
  needsMoney: boolean;
  /** The matched masked text, for checks that depend on the verb. */
  text: string;
}

const SLOT = /\{(\w+):(=[^}]+|[PLOMplom]+)\}/g;

/** Compiles frames; call once per rule set at module load. */
export function compileFrames(frames: Frame[]): Compiled[] {
  return frames.map((frame) => {
    const slots: Compiled['slots'] = [];
    const source = frame.pattern.replace(SLOT, (_all, name: string, spec: string) => {
      if (spec.startsWith('=')) {
        slots.push({ name, entity: false });
        return `(${spec.slice(1)})`;
      }
      slots.push({ name, entity: true });
      // Lower-case letters mark modifiers ("US" in "US drone strike"); only slots listed in `modifiers` accept them.
      const letters = frame.modifiers?.includes(name) === true ? spec + spec.toLowerCase() : spec;
      return `⟦[${letters}](\\d+)⟧`;
    });
    if (/\{\w+:/.test(source)) throw new Error(`frame ${frame.rule}: malformed slot in ${frame.pattern}`);
    return { frame, regex: new RegExp(source, 'y'), slots, startsWithEntity: /^\{\w+:[PLOM]/.test(frame.pattern) };
  });
}

/** Runs compiled frames over one sentence and returns every hit (duplicates are merged later). */
export function runFrames(s: MaskedSentence, compiled: Compiled[]): FrameHit[] {
  const hits: FrameHit[] = [];
  const slotStarts = s.slots.map((x) => x.start);
  const wordStarts: number[] = [];
  const isSlotStart = new Set(slotStarts);
  for (let i = 0; i < s.masked.length; i++) if (i === 0 || s.masked.charCodeAt(i - 1) === 32 || isSlotStart.has(i)) wordStarts.push(i);
  for (const c of compiled) {
    for (const pos of c.startsWithEntity ? slotStarts : wordStarts) {
      c.regex.lastIndex = pos;
      const m = c.regex.exec(s.masked);
      if (m === null) continue;
      const values = new Map<string, string>();
      c.slots.forEach((slot, k) => {
        const v = m[k + 1];
        if (v !== undefined) values.set(slot.name, v);
      });
      const matched = m[0];
      for (const e of c.frame.emit) {
        const src = values.get(e.source);
        const tgt = values.get(e.target);
        if (src === undefined || tgt === undefined || src === tgt) continue;
        let confidence = e.confidence ?? c.frame.confidence;
        // "if Republicans controlled the White House": a condition before the clause weakens it like a hedge.
        if (HEDGE.test(matched) || /\b(?:if|unless|whether)\b[^,;]*$/i.test(s.masked.slice(Math.max(0, pos - 40), pos))) confidence *= 0.7;
        const role = e.role === undefined ? undefined : (values.get(e.role) ?? e.role).toLowerCase();
        const base = { type: e.type, rule: c.frame.rule, confidence, negated: NEGATION.test(matched), from: pos, to: pos + matched.length, needsMoney: c.frame.needsMoney === true, text: matched };
        const fixed = c.frame.noCoordination;
        const spread = (slot: string, i: number): number[] => (fixed === true || (Array.isArray(fixed) && fixed.includes(slot)) ? [i] : withCoordinated(s, i));
        for (const t of spread(e.target, Number(tgt))) {
          for (const srcIndex of spread(e.source, Number(src))) {
            if (srcIndex === t) continue;
            hits.push({ ...base, source: srcIndex, target: t, ...(role === undefined ? {} : { role }) });
          }
        }
      }
    }
  }
  return hits;
}

/** The mention with the names coordinated with it on either side. */
function withCoordinated(s: MaskedSentence, index: number): number[] {
  return [index, ...coordinatedBefore(s, index), ...coordinatedAfter(s, index)];
}

// "Kataeb Hezbollah and Kataeb Sayyid al-Shuhada fighters", "A, B and C": a list needs an "and"/"or" to count.
const LIST_LINK = /^(,? (?:and|or|as well as|along with) |, )(?:the )?⟦([PLOMplom])(\d+)⟧/;

/** Mentions coordinated after mention `index` ("X, Y and Z" gives Y and Z for X). */
export function coordinatedAfter(s: MaskedSentence, index: number): number[] {
  const out: number[] = [];
  let pos = s.slots[index]!.end;
  let sawAnd = false;
  for (;;) {
    const m = LIST_LINK.exec(s.masked.slice(pos));
    if (m === null) break;
    const idx = Number(m[3]);
    // "in the Midwest and Interstate 5 in California": a name heading its own place phrase starts a new pair.
    if (/^ (?:in|near|at|of) /.test(s.masked.slice(s.slots[idx]!.end))) break;
    const isAnd = m[1] !== ', ';
    out.push(idx);
    pos = s.slots[idx]!.end;
    if (isAnd) {
      sawAnd = true;
      break;
    }
  }
  // "Serbian President Slobodan Milosevic and Yugoslav politicians": a demonym before a noun is no list member.
  return sawAnd ? out.filter((i) => s.masked[s.slots[i]!.start + 1] !== 'm') : [];
}

/** Mentions coordinated before mention `index` as one subject: "he and Abu Mahdi al-Muhandis", "Iran and Syria". */
export function coordinatedBefore(s: MaskedSentence, index: number): number[] {
  const before = s.masked.slice(0, s.slots[index]!.start);
  const m = /⟦([PLOMplom])(\d+)⟧ and (?:the )?$/.exec(before);
  if (m === null) return [];
  const idx = Number(m[2]);
  // "the meeting between A and B": the earlier name is already the frame's other argument, so no list here.
  return /(?:between|with|of|for|against|on|to|by|in|at|near|from|into) (?:the )?⟦[PLOMplom]\d+⟧ and (?:the )?$/.test(before) ? [] : [idx];
}
