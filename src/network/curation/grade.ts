/**
 * The Admiralty (NATO) grading of a source: reliability A (completely reliable) to E (unreliable) with F "cannot be
 * judged", and credibility 1 (confirmed) to 5 (improbable) with 6 "cannot be judged". Written as two characters: "B2".
 * "At least B2" means reliability A or B and credibility 1 or 2; F and 6 never pass a bar below them.
 */
import type { Credibility, Reliability } from '../../store/curation.js';

/** A grade without who and when. */
export interface Grade {
  reliability: Reliability;
  credibility: Credibility;
}

export const RELIABILITY: Record<Reliability, string> = {
  A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged',
};
export const CREDIBILITY: Record<Credibility, string> = {
  1: 'confirmed by other sources', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable', 6: 'truth cannot be judged',
};

/** A bad grade as the user typed it, with a message saying what is expected. */
export class GradeError extends Error {}

/** "B2", "b2", "B 2" -> { B, 2 }; anything else throws GradeError. */
export function parseGrade(text: string): Grade {
  const m = /^\s*([A-Fa-f])\s*-?\s*([1-6])\s*$/u.exec(text);
  if (!m) throw new GradeError(`"${text}" is not an Admiralty grade: a letter A-F (source reliability) and a digit 1-6 (information credibility), e.g. B2.`);
  return { reliability: m[1]!.toUpperCase() as Reliability, credibility: Number(m[2]) as Credibility };
}

/** { B, 2 } -> "B2". */
export function gradeCode(g: Grade): string {
  return `${g.reliability}${g.credibility}`;
}

/** True when `g` is at least `min`: reliability no worse and credibility no worse. */
export function meetsGrade(g: Grade | null | undefined, min: Grade): boolean {
  return Boolean(g) && g!.reliability <= min.reliability && g!.credibility <= min.credibility;
}

/** Orders grades best first (reliability, then credibility), for "the best grade of a group". */
export function compareGrades(a: Grade, b: Grade): number {
  return a.reliability.localeCompare(b.reliability) || a.credibility - b.credibility;
}
