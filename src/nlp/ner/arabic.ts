/** Recognition in Arabic-script text (Persian and Arabic models): script-aware tokens, the tagger, document consistency; no English rules. */
import type { Span } from '../../model/index.js';
import { CliticSplitter, tokenizeArabicScript, type ScriptToken } from '../arabic-tokenize.js';
import { tagDocument, type NerModel } from './tagger.js';
import { chunksToSpans, tagsToChunks, type Chunk } from './tags.js';
import { harmoniseTypes, propagateNames } from './consistency.js';
import type { NerSpan, Recognizer } from './index.js';

/** The clitic splitter of a model (null when its lexicon has no word counts: no splitting, e.g. Persian). */
export function splitterOf(model: NerModel): CliticSplitter | undefined {
  return model.lexicon.wordCounts?.size ? new CliticSplitter(model.lexicon.wordCounts) : undefined;
}

/**
 * Wraps a Persian or Arabic model as a Recognizer. Capitalisation rules and headline checks are English and do
 * not run; a name never starts or ends on a split-off clitic, so "بأبي مهدي المهندس" yields "أبي مهدي المهندس".
 */
export function arabicScriptRecognizer(model: NerModel): Recognizer {
  const splitter = splitterOf(model);
  return {
    version: model.version,
    recognize(text: string, sentences: Span[]): NerSpan[] {
      const tokens = sentences.map((s) => tokenizeArabicScript(text, s.start, s.end, splitter));
      const tags = tagDocument(model, tokens.map((ts) => ts.map((t) => t.text)));
      const chunks = tokens.map((ts, i) => trimClitics(tagsToChunks(tags[i]!), ts));
      propagateNames({ tokens, chunks });
      harmoniseTypes({ tokens, chunks });
      return chunksToSpans(text, tokens, chunks);
    },
  };
}

/** Drops clitic tokens at the edges of chunks (and chunks that are only clitics). */
function trimClitics(chunks: Chunk[], ts: readonly ScriptToken[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    let { start, end } = c;
    while (start < end && ts[start]!.clitic) start++;
    while (end > start && ts[end - 1]!.clitic) end--;
    if (end > start) out.push(start === c.start && end === c.end ? c : { ...c, start, end });
  }
  return out;
}
