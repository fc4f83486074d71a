/**
 * The grade that applies to each document: its own, else its outlet's (the folded source of the document, or of its
 * parent for an attachment). Read per request for the documents an answer cites, never for the whole store.
 */
import type { Evidence, Relation } from '../../model/index.js';
import type { DocumentGrading, GradeRecord } from '../../store/curation.js';
import type { Scope, Store } from '../../store/store.js';
import { compareGrades, gradeCode, meetsGrade, type Grade } from './grade.js';

/** The grade a document carries and where it comes from. */
export interface EffectiveGrade extends GradeRecord {
  code: string;
  /** "document": set on the document; "outlet": inherited from its outlet. */
  from: 'document' | 'outlet';
  outlet?: string;
}

/** What a grade lookup answers: each document's effective grade (absent: ungraded) and near-duplicate group. */
export class Gradings {
  constructor(private readonly byId: ReadonlyMap<string, DocumentGrading>) {}

  grade(documentId: string): EffectiveGrade | null {
    const d = this.byId.get(documentId);
    if (!d) return null;
    if (d.own) return { ...d.own, code: gradeCode(d.own), from: 'document' };
    if (d.outlet) return { ...d.outlet, code: gradeCode(d.outlet), from: 'outlet', ...(d.source ? { outlet: d.source } : {}) };
    return null;
  }

  /** These gradings and `other`'s (read for other documents) as one. */
  with(other: Gradings): Gradings {
    return new Gradings(new Map([...this.byId, ...other.byId]));
  }

  /** True when `documentId` was among the documents read (graded or not). */
  has(documentId: string): boolean {
    return this.byId.has(documentId);
  }

  group(documentId: string): string {
    return this.byId.get(documentId)?.group ?? documentId;
  }

  /** Document id -> grade code, for the documents graded among `ids` (what answers carry beside evidence). */
  codes(ids: Iterable<string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of [...new Set(ids)].sort()) {
      const g = this.grade(id);
      if (g) out[id] = g.code;
    }
    return out;
  }

  /**
   * How many independent sources of each grade support a relation: its supporting documents' near-duplicate groups
   * (as independentSources counts them), each under the best grade among its documents, "ungraded" when none has one.
   */
  corroboration(evidence: readonly Pick<Evidence, 'documentId'>[]): Record<string, number> {
    const best = new Map<string, Grade | null>();
    for (const e of evidence) {
      const group = this.group(e.documentId);
      const g = this.grade(e.documentId);
      const prev = best.get(group);
      if (prev === undefined || (g && (!prev || compareGrades(g, prev) < 0))) best.set(group, g);
    }
    const out: Record<string, number> = {};
    for (const g of best.values()) {
      const key = g ? gradeCode(g) : 'ungraded';
      out[key] = (out[key] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a === 'ungraded' ? 1 : b === 'ungraded' ? -1 : a.localeCompare(b))));
  }

  /** True when the document's grade is at least `min` (ungraded documents never are). */
  meets(documentId: string, min: Grade): boolean {
    return meetsGrade(this.grade(documentId), min);
  }

  /**
   * Relations as they stand on documents graded at least `min`: evidence from other documents dropped, independent
   * sources recounted over what is left, relations left without evidence dropped. Denials stay as they were.
   */
  filterRelations<R extends Relation>(relations: readonly R[], min: Grade): R[] {
    const out: R[] = [];
    for (const r of relations) {
      const evidence = r.evidence.filter((e) => this.meets(e.documentId, min));
      if (evidence.length === 0) continue;
      out.push({ ...r, evidence, independentSources: new Set(evidence.map((e) => this.group(e.documentId))).size });
    }
    return out;
  }
}

/** Reads the gradings of some documents, keeping only those the scope may see. */
export async function readGradings(store: Store, scope: Scope, documentIds: Iterable<string>): Promise<Gradings> {
  const rows = await store.curation.documentGradings([...new Set(documentIds)]);
  const visible = scope.collections === '*' ? null : new Set(scope.collections);
  return new Gradings(new Map(rows.filter((r) => !visible || visible.has(r.collection)).map((r) => [r.documentId, r])));
}

/** The documents a list of relations cites (evidence and denials). */
export function citedDocuments(relations: readonly Pick<Relation, 'evidence' | 'contradictions'>[]): string[] {
  const ids = new Set<string>();
  for (const r of relations) {
    for (const e of r.evidence) ids.add(e.documentId);
    for (const e of r.contradictions ?? []) ids.add(e.documentId);
  }
  return [...ids];
}
