/** Pseudonyms of protected entities: "Protected person 3", and the short code ("P3") that fills a masked span of the text. */
import type { EntityType } from '../../model/index.js';
import type { PseudonymKind, ProtectionRecord } from '../../store/protection.js';

const KIND_OF_TYPE: Record<EntityType, PseudonymKind> = { PERSON: 'person', ORG: 'organisation', LOC: 'place', MISC: 'entity' };

/** The pseudonym kind of an entity type. */
export function pseudonymKind(type: EntityType): PseudonymKind {
  return KIND_OF_TYPE[type] ?? 'entity';
}

/** The pseudonym of a protection: "Protected person 3". */
export function pseudonymOf(p: Pick<ProtectionRecord, 'kind' | 'number'>): string {
  return `Protected ${p.kind} ${p.number}`;
}

/** The short code of a protection, written into masked text spans: "P3", "O1", "L2", "E4". */
export function pseudonymCode(p: Pick<ProtectionRecord, 'kind' | 'number'>): string {
  return `${p.kind === 'organisation' ? 'O' : p.kind === 'place' ? 'L' : p.kind === 'entity' ? 'E' : 'P'}${p.number}`;
}

const SHADE = '\u2592';

/**
 * A same-length stand-in for `span` (so every offset into the text stays valid): "[P3]" then shading, or only shading
 * when the span is shorter than the code; line breaks stay where they were. "Ali Hassan" -> "[P3]▒▒▒▒▒▒".
 */
export function maskSpan(span: string, code: string): string {
  const label = `[${code}]`;
  let out = '';
  for (let i = 0; i < span.length; i++) {
    const c = span[i]!;
    if (c === '\n' || c === '\r') out += c;
    else out += span.length >= label.length && i < label.length ? label[i]! : SHADE;
  }
  return out;
}
