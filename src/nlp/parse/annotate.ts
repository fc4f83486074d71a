/** The whole pipeline over one sentence: word attributes, POS tags, lemmas, then the dependency tree. */
import type { ParseModel } from './model.js';
import { makeView, parseSentence, ParserScratch } from './parser.js';
import { tagSentence, type TagAlternatives } from './tagger.js';
import { isCapsLine, WordCache, type WordInfo } from './words.js';

/** A model with its per-spelling cache and scratch space, ready to tag and parse sentences. */
export class Annotator {
  readonly words: WordCache;
  private readonly scratch = new ParserScratch();

  constructor(readonly model: ParseModel) {
    this.words = new WordCache(model.lexicon);
  }

  /**
   * Word attributes of a sentence. In an all-caps line ("IRAN BLAMES U.S.") capitals carry no information, so the
   * words are read in lower case, as the treebank's many lower-case sentences taught the model.
   */
  infos(words: readonly string[]): WordInfo[] {
    const infos = words.map((w) => this.words.get(w));
    return isCapsLine(infos) ? infos.map((w) => this.words.get(w.lower)) : infos;
  }

  /** Tag indices (into model.upos) and lemmas; with `alt`, also the runner-up tags. */
  tag(words: readonly string[], infos = this.infos(words), alt?: TagAlternatives): { tags: Int32Array; lemma: string[] } {
    const tags = tagSentence(this.model.tagger, infos, false, alt);
    const lemma = words.map((_, i) => this.lemma(infos[i]!, tags[i]!));
    return { tags, lemma };
  }

  /** Lemma of a spelling with a tag, cached on the spelling's attributes. */
  private lemma(info: WordInfo, tag: number): string {
    const cache = (info.lemmaByTag ??= []);
    return (cache[tag] ??= this.model.lemmatiser.lemma(info.norm, this.model.upos[tag]!));
  }

  /** Tags, lemmatises and parses; heads are -1 for the root, labels index model.parser.deprels. */
  parse(words: readonly string[]): { tags: Int32Array; lemma: string[]; head: Int32Array; label: Int32Array } {
    if (words.length === 0) return { tags: new Int32Array(0), lemma: [], head: new Int32Array(0), label: new Int32Array(0) };
    const infos = this.infos(words);
    const alt = { second: new Int32Array(words.length), margin: new Float32Array(words.length) };
    const { tags, lemma } = this.tag(words, infos, alt);
    const view = makeView(infos, tags, lemma, this.model.upos, alt);
    return { tags, lemma, ...parseSentence(this.model.parser, this.scratch, view) };
  }
}
