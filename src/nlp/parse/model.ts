/** A loaded parse model: tagger, lemmatiser and parser weights with the word tables their features read. */
import type { Lemmatiser } from './lemmatiser.js';
import type { ParserModel } from './parser.js';
import type { ScoreTable } from './weights.js';
import type { Lexicon } from './words.js';

/** The 17 UD part-of-speech tags in the order the tagger's classes use. */
export const UPOS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];

/** Everything one model file holds. */
export interface ParseModel {
  version: string;
  upos: string[];
  tagger: ScoreTable;
  /** Second pass of a two-pass tagger (reads the first pass's tags of the word and the next two), if trained. */
  tagger2?: ScoreTable;
  lemmatiser: Lemmatiser;
  parser: ParserModel;
  lexicon: Lexicon;
}
