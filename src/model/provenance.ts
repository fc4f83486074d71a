/** Provenance: which stage, at which version, produced a fact. Re-running a stage replaces only its own output. */
export interface Provenance {
  /** Stage name, e.g. "ner", "relations". */
  stage: string;
  /** Stage or model version, e.g. "ner-perceptron@2026-11-21". */
  version: string;
}
