/** Input and output shapes of the relation, event and claim extractors: pure data, no store. */
import type { DateMention, DatePrecision, EntityType, Evidence, MoneyMention, RelationTypeId, Span } from '../model/index.js';

/** A typed entity mention as the extractors receive it (from NER, already resolved to an entity). */
export interface InputMention {
  /** First character of the mention in the document text. */
  start: number;
  /** One past the last character. */
  end: number;
  /** PERSON, ORG, LOC or MISC; rules read demonyms (MISC) as the country they name. */
  type: EntityType;
  /** The mention as written; equals text.slice(start, end). */
  text: string;
  /** Opaque id of the resolved entity; relation source/target and event participants are these keys. */
  entityKey: string;
}

/** Everything the extractors read about one document. */
export interface ExtractionInput {
  /** Id of the document, copied into every piece of evidence. */
  documentId: string;
  /** The document's stored text; every offset points into it. */
  text: string;
  /** Sentence spans in order (from splitSentences or the store). */
  sentences: Span[];
  /** Entity mentions in any order; overlapping mentions are reduced to the longest. */
  mentions: InputMention[];
  /** Date expressions already normalised by the caller (relative ones resolved against the document date). */
  dates: DateMention[];
  /** Money amounts found by the caller. */
  money: MoneyMention[];
  /** Partial ISO date of publication, when known. */
  documentDate?: string;
  /**
   * The stretch of `text` to read when the input is one chunk of a long document (its sentences and mentions lie
   * inside it); whole-text scans (pronouns, quotations) stay inside it. Default: all of the text.
   */
  within?: Span;
}

/** A typed, directed edge between two entity keys found in one sentence. */
export interface ExtractedRelation {
  /** A key of RELATION_TYPES. */
  type: RelationTypeId;
  /** entityKey of the source ("source <label> target"). */
  source: string;
  /** entityKey of the target. */
  target: string;
  /** Rule confidence in [0, 1]; relations below DEFAULT_MIN_CONFIDENCE are kept but hidden by default. */
  confidence: number;
  /** Name of the rule that fired, e.g. "title-name", "verb:attacked". */
  rule: string;
  /** The sentence the relation was read from. */
  evidence: Evidence;
  /** Index into the claims returned alongside, when the relation was found inside an attributed statement. */
  claimIndex?: number;
  /** The amount paid, for `paid` relations when the sentence states one. */
  amount?: MoneyMention;
  /** True when the sentence negates or denies the relation ("Abadi ... denied meeting ..."). */
  negated?: boolean;
  /** The post named, for `role_in` ("leader", "prime minister", "security adviser"). */
  role?: string;
  /** Where the source mention sits, so a reader can highlight it. */
  sourceSpan?: Span;
  /** Where the target mention sits. */
  targetSpan?: Span;
  /** For the trained model: the features that weighed most for this type ("lca:meet", "p:nsubj|obj"). */
  why?: string[];
  /** Ends read through a reference ("he", "the militia"): where it is, and the entities and mentions it was resolved to. */
  resolved?: { start: number; end: number; text: string; entityKeys: string[]; antecedents: Span[] }[];
}

/** A dated happening read from one sentence. */
export interface ExtractedEvent {
  /** "killing", "strike", "attack", "meeting", "appointment", "withdrawal" or "election". */
  type: string;
  /** Partial ISO date ("2020", "2020-01", "2020-01-03"). */
  date: string;
  /** How exact `date` is, from the date mention it was read from. */
  precision?: DatePrecision;
  /** entityKeys of the people and organisations taking part. */
  participants: string[];
  /** entityKey of the place, when the sentence names one. */
  place?: string;
  /** The sentence holding the trigger and the date. */
  evidence: Evidence;
  /** "trigger:<type>". */
  rule: string;
}

/** An attributed statement: who says what, asserting or denying it. */
export interface ExtractedClaim {
  /** entityKey of the speaker when the speaker is a named mention, else null ("sources", "a specialist"). */
  speakerKey: string | null;
  /** The speaker as written ("a specialist in Iranian affairs", "the leaked report"). */
  speakerText: string;
  /** Where the speaker phrase sits: names in it are the attribution, not what is claimed. */
  speakerSpan?: Span;
  /** What is claimed (the quotation or reported clause). */
  text: string;
  /** "denies" for deny/reject/dismiss verbs, else "asserts". */
  stance: 'asserts' | 'denies';
  /** The sentence(s) holding the statement and its attribution. */
  evidence: Evidence;
  /** "quote", "quote:continued" or "reported:<shape>". */
  rule: string;
  /** Where the claimed text sits; relations inside this span rest on the speaker's word. */
  span?: Span;
  /** True when the speaker is unnamed ("sources", "speaking on condition of anonymity"). */
  anonymous?: boolean;
}

/** What extract() returns for one document. */
export interface ExtractionResult {
  /** Relations in text order, linked to claims by `claimIndex` (then the negated copies a later denial gives, denials.ts). */
  relations: ExtractedRelation[];
  /** Dated events in text order. */
  events: ExtractedEvent[];
  /** Claims in text order; `claimIndex` points into this array. */
  claims: ExtractedClaim[];
}
