/** The facts stage: relations, events and claims of one document, read from its sentences and resolved mentions. */
import type { Stage, Evidence } from '../../model/index.js';
import { extract, EXTRACT_VERSION } from '../index.js';
import { extractRelations } from '../relations.js';
import { byScript, extractArabicScriptRelations } from '../relations/arabic-script.js';
import { loadRelationModel, modelRelationExtractor, type LinearModel } from '../relation-model/index.js';
import { arabicScriptModelExtractor, loadArabicScriptModel } from '../relation-model/arabic-script.js';
import type { ExtractedRelation, ExtractionInput, ExtractionResult } from '../types.js';
import { SpanIndex } from '../span-lookup.js';
import { chunkSpan, sentenceChunks } from './chunks.js';
import { loadParser, type Parser } from '../../nlp/parse/index.js';
import { extractDates } from '../../nlp/dates.js';
import { extractMoney } from '../../nlp/money.js';
import { factId } from '../../model/ids.js';
import { readingView } from '../../nlp/layout.js';
import { relationsOfTables, tableDelimiterOf, tableRelations } from '../table-relations.js';
import { findTables, nameUnits } from '../../nlp/tables.js';

/** Stage name under which relations, events and claims are stored. */
export const FACTS_STAGE = 'facts';

/**
 * Confidence of a relation read from a table's columns (table-relations.ts). Not measured: no labelled table is at hand.
 * A column that names the payer states the payment outright, so what can go wrong is the recognizer's reading of the
 * cells; 0.8 shows such relations by default and ranks them below the model's surest.
 */
export const TABLE_CONFIDENCE = 0.8;

/** How the facts stage reads relations. */
export interface FactsOptions {
  /** "model" (default): the trained relation model over parses, with the rules as its features; "rules": the rules alone. */
  relations?: 'model' | 'rules';
  /** Folder of the model files (default: the shipped models/). */
  modelDir?: string;
}

/** The Persian/Arabic extractor: the model when one is installed, else the frames alone. */
function arabicOrFrames(model: LinearModel | null): (input: ExtractionInput) => ExtractedRelation[] {
  return model ? arabicScriptModelExtractor(model) : extractArabicScriptRelations;
}

/** Builds the facts stage. */
export function factsStage(opts: FactsOptions = {}): Stage {
  let model: LinearModel | undefined;
  let parser: Parser | undefined;
  const getModel = (): LinearModel => (model ??= loadRelationModel(opts.modelDir));
  const getParser = (): Parser => (parser ??= loadParser(opts.modelDir));
  let modelExtractor: ((input: ExtractionInput) => ExtractedRelation[]) | undefined;
  // Persian and Arabic sentences go to their own model (with the frames as its features), or to the frames alone when
  // rules are asked for or no such model is installed; the English rules, parser and model read the rest.
  const arabicModel = (): LinearModel | null => (opts.relations === 'rules' ? null : loadArabicScriptModel(opts.modelDir));
  let arabicExtractor: ((input: ExtractionInput) => ExtractedRelation[]) | undefined;
  const relationsOf = opts.relations === 'rules'
    ? byScript(extractRelations)
    : byScript(
      (input: ExtractionInput) => (modelExtractor ??= modelRelationExtractor(getModel(), getParser()))(input),
      (input: ExtractionInput) => (arabicExtractor ??= arabicOrFrames(arabicModel()))(input),
    );
  return {
    name: FACTS_STAGE,
    get version() {
      const base = `${EXTRACT_VERSION}+layout@3+fa-ar@2+tables@1`;
      const fa = arabicModel();
      return opts.relations === 'rules' ? base : `${base}+${getModel().version}+${getParser().version}+coref@2${fa ? `+${fa.version}` : ''}`;
    },
    run(doc, prior) {
      const mentions = prior.mentions
        .filter((m) => m.entityKey)
        .map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, entityKey: m.entityKey! }));
      // The rules read the reading view (quote markers and wrapping line breaks as spaces); evidence is the stored text.
      const reading = readingView(doc.text);
      const money = extractMoney(reading);
      const tables = findTables(doc.text, reading);
      // A table row is no sentence: its cells are read one by one (a relation inside a cell stays), and what the row
      // states between its cells comes from its columns (below).
      const result = extractInChunks({
        documentId: doc.id, text: reading, sentences: nameUnits(reading, doc.sentences, tables), mentions,
        dates: extractDates(reading, doc.published ?? undefined), money,
        documentDate: doc.published ?? undefined,
      }, relationsOf);
      // A table's columns state relations too (a ledger's payer and payee, a roster's person and organisation): a file
      // that is one table, or the tables laid out inside a text (a report's roster, a ledger pasted into an e-mail).
      // The reading view has the stored text's length: its amounts sit at the same offsets.
      const delimiter = tableDelimiterOf(doc.format, doc.mimeType, doc.text);
      const tableInput = { documentId: doc.id, text: doc.text, sentences: doc.sentences, mentions, dates: [], money };
      result.relations.push(...(delimiter
        ? tableRelations(tableInput, delimiter, TABLE_CONFIDENCE)
        : relationsOfTables(tableInput, tables, TABLE_CONFIDENCE)));
      const asRead = (s: string): string => (reading === doc.text ? s : s.replace(/\s+/g, ' '));
      const ev = (e: Evidence): Evidence[] => [reading === doc.text ? e : { ...e, text: doc.text.slice(e.start, e.end) }];
      const claims = result.claims.map((c, i) => ({
        id: factId('clm', doc.id, i, c.evidence.start), speaker: c.speakerKey, speakerText: asRead(c.speakerText), text: asRead(c.text),
        stance: c.stance, evidence: ev(c.evidence),
      }));
      return {
        relations: result.relations.map((r, i) => ({
          id: factId('rel', doc.id, i, r.type, r.source, r.target), type: r.type, source: r.source, target: r.target,
          confidence: r.confidence, evidence: ev(r.evidence),
          claimId: r.claimIndex !== undefined ? claims[r.claimIndex]?.id : undefined,
          attrs: {
            rule: r.rule,
            ...(r.role ? { role: r.role } : {}),
            ...(r.negated ? { negated: true } : {}),
            ...(r.amount ? { amount: { amount: r.amount.amount, currency: r.amount.currency, per: r.amount.per, text: r.amount.text } } : {}),
            ...(r.why ? { why: r.why } : {}),
            ...(r.resolved ? { resolved: r.resolved.map((x) => ({ ...x, text: asRead(x.text) })) } : {}),
          },
        })),
        events: result.events.map((e, i) => ({
          id: factId('evt', doc.id, i, e.type, e.evidence.start), type: e.type, date: e.date, precision: e.precision,
          participants: e.participants, place: e.place, evidence: ev(e.evidence),
        })),
        claims,
      };
    },
  };
}

/**
 * Extraction over a long document chunk by chunk (see chunks.ts), the results joined in text order with claim links
 * kept; a document of one chunk is read whole, as before.
 */
function extractInChunks(input: ExtractionInput, relationsOf: (input: ExtractionInput) => ExtractedRelation[]): ExtractionResult {
  const chunks = sentenceChunks(input.sentences);
  if (chunks.length <= 1) return extract(input, relationsOf);
  const out: ExtractionResult = { relations: [], events: [], claims: [] };
  const [mentions, dates, money] = [new SpanIndex(input.mentions), new SpanIndex(input.dates), new SpanIndex(input.money)];
  for (const sentences of chunks) {
    const within = chunkSpan(sentences);
    const part = extract({ ...input, sentences, within, mentions: mentions.inside(within), dates: dates.inside(within), money: money.inside(within) }, relationsOf);
    const claimBase = out.claims.length;
    for (const r of part.relations) out.relations.push(r.claimIndex === undefined ? r : { ...r, claimIndex: r.claimIndex + claimBase });
    for (const e of part.events) out.events.push(e);
    for (const c of part.claims) out.claims.push(c);
  }
  return out;
}
