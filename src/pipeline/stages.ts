/**
 * The per-document extraction stages, in order. A module of its own, importing only the stages, because every stage
 * worker imports it: src/pipeline.ts (which re-exports it) also pulls in ingest and every format handler, about a second
 * of CPU per worker for code a worker never runs.
 */
import type { Stage } from '../model/index.js';
import { mentionsStage } from '../extract/stages/mentions.js';
import { factsStage, type FactsOptions } from '../extract/stages/facts.js';

/** The extraction stages, in order; each sees one stored document and returns facts with provenance. */
export function defaultStages(opts: FactsOptions = {}): Stage[] {
  return [
    mentionsStage(), // names: PERSON, ORG, LOC, MISC with spans (src/nlp/ner), grouped within the document (src/resolve)
    factsStage(opts), // coreference, parses, relations (trained model + rules), events and claims with evidence (src/extract)
  ];
}
