/** The whole pipeline over one sentence: word attributes, POS tags, lemmas, then the dependency tree. */
import { hashStr } from './hash.js';
import type { ParseModel } from './model.js';
import { parseSentence, ParserScratch } from './parser.js';
import { tagTwoPass, type TagAlternatives } from './tagger.js';
import { emptyView, fillView, morphClass } from './view.js';
import { isCapsLine, WordCache, type TaggedLemma, type WordInfo } from './words.js';

/** A model with its per-spelling cache and scratch space, ready to tag and parse sentences. */
export class Annotator {
  readonly words: WordCache;
  private readonly scratch = new ParserScratch();
  private readonly punctTag: number;
  // Per-sentence arrays, grown to the longest sentence and reused.
  private view = emptyView(0);
  private lemmaHash = new Uint32Array(0);
  private morph = new Int32Array(0);
  private alt: TagAlternatives = { second: new Int32Array(0), margin: new Float32Array(0) };

  constructor(readonly model: ParseModel) {
    this.words = new WordCache(model.lexicon);
    this.punctTag = model.upos.indexOf('PUNCT');
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
    const tags = tagTwoPass(this.model.tagger, this.model.tagger2, infos, alt);
    const lemma = words.map((_, i) => this.lemma(infos[i]!, tags[i]!).lemma);
    return { tags, lemma };
  }

  /** Lemma of a spelling with a tag and what the parser reads of it, cached on the spelling's attributes. */
  private lemma(info: WordInfo, tag: number): TaggedLemma {
    const cache = (info.lemmaByTag ??= []);
    let t = cache[tag];
    if (!t) {
      const upos = this.model.upos[tag]!;
      const lemma = this.model.lemmatiser.lemma(info.norm, upos);
      cache[tag] = t = { lemma, hash: hashStr(lemma), morph: morphClass(upos, info.lower, lemma) };
    }
    return t;
  }

  /** Tags, lemmatises and parses; heads are -1 for the root, labels index model.parser.deprels. */
  parse(words: readonly string[]): { tags: Int32Array; lemma: string[]; head: Int32Array; label: Int32Array } {
    const n = words.length;
    if (n === 0) return { tags: new Int32Array(0), lemma: [], head: new Int32Array(0), label: new Int32Array(0) };
    if (this.morph.length < n) this.grow(n);
    const infos = this.infos(words);
    const tags = tagTwoPass(this.model.tagger, this.model.tagger2, infos, this.alt);
    const lemma = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const t = this.lemma(infos[i]!, tags[i]!);
      lemma[i] = t.lemma;
      this.lemmaHash[i] = t.hash;
      this.morph[i] = t.morph;
    }
    fillView(this.view, infos, tags, this.lemmaHash, this.morph, this.punctTag, this.alt, this.model.parser.glove === true, this.model.lexicon.clusters.size > 0);
    return { tags, lemma, ...parseSentence(this.model.parser, this.scratch, this.view) };
  }

  private grow(n: number): void {
    const size = Math.max(n, 2 * this.morph.length, 64);
    this.view = emptyView(size);
    this.lemmaHash = new Uint32Array(size);
    this.morph = new Int32Array(size);
    this.alt = { second: new Int32Array(size), margin: new Float32Array(size) };
  }
}
