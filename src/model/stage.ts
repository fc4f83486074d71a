/** The shape every extraction stage has: a name, a version, and a function from a stored document to facts. */
import type { StoredDocument } from './document.js';
import type { Mention, Relation, Event, Claim } from './extraction.js';

/** The facts one stage produced for one document; storing them replaces that stage's earlier output for it. */
export interface StageOutput {
  mentions?: Omit<Mention, 'stage' | 'version'>[];
  relations?: Omit<Relation, 'stage' | 'version' | 'independentSources'>[];
  events?: Omit<Event, 'stage' | 'version'>[];
  claims?: Omit<Claim, 'stage' | 'version'>[];
}

/** Facts earlier stages stored for a document, handed to later stages. */
export interface PriorFacts {
  mentions: Mention[];
}

/** A per-document extraction stage. */
export interface Stage {
  /** Stable name, e.g. "mentions"; its stored output is replaced when it runs again. */
  name: string;
  /** Version of the code or model; a change makes the pipeline re-run the stage on stored documents. */
  version: string;
  /** Extracts facts from one document; `prior` holds what earlier stages stored for it (their mentions). */
  run(doc: StoredDocument, prior: PriorFacts): StageOutput | Promise<StageOutput>;
}
