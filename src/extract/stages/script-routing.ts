/**
 * Which NER model reads which sentences: Arabic-script sentences go to the Persian or Arabic model (decided per
 * paragraph: consecutive Arabic-script sentences without a blank line between them), the rest to the English one, so an English article
 * quoting a Persian paragraph gets names from both and English capitalisation rules never see Arabic script.
 */
import type { Span } from '../../model/index.js';
import { arabicScriptShare, guessPersianOrArabic } from '../../nlp/arabic-script.js';
import { detectLanguage } from '../../nlp/language.js';
import type { NerLanguage, NerSpan, Recognizer } from '../../nlp/ner/index.js';

/** The recognizer of a language, loaded on first request (a user with English documents only never loads fa/ar). */
export type RecognizerFor = (language: NerLanguage) => Recognizer;

const ARABIC_BLOCK = /[\u0600-\u06ff]/u;
const PARAGRAPH_BREAK = /\n[ \t\r]*\n/;

/** The sentences of each language: runs of Arabic-script sentences (share of letters above half) get fa or ar. */
export function sentencesByLanguage(text: string, sentences: readonly Span[], documentLanguage?: string | null): Map<NerLanguage, Span[]> {
  const out = new Map<NerLanguage, Span[]>();
  const add = (lang: NerLanguage, s: Span): void => {
    let list = out.get(lang);
    if (!list) out.set(lang, (list = []));
    list.push(s);
  };
  // Most documents hold no Arabic script at all: one scan, then everything is English as before.
  if (!ARABIC_BLOCK.test(text)) {
    if (sentences.length > 0) out.set('en', [...sentences]);
    return out;
  }
  let run: Span[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const lang = paragraphLanguage(text.slice(run[0]!.start, run[run.length - 1]!.end), documentLanguage);
    for (const s of run) add(lang, s);
    run = [];
  };
  for (const s of sentences) {
    // A blank line ends a paragraph: a Persian paragraph followed by an Arabic quotation is two decisions.
    const prev = run[run.length - 1];
    if (prev && PARAGRAPH_BREAK.test(text.slice(prev.end, s.start))) flush();
    if (arabicScriptShare(text, s.start, s.end) > 0.5) run.push(s);
    else {
      flush();
      add('en', s);
    }
  }
  flush();
  return out;
}

/** Persian or Arabic for a run of Arabic-script text: the detector when sure, else the document's language, else letters. */
function paragraphLanguage(passage: string, documentLanguage?: string | null): 'fa' | 'ar' {
  const detected = detectLanguage(passage);
  if (detected === 'fa' || detected === 'ar') return detected;
  if (documentLanguage === 'fa' || documentLanguage === 'ar') return documentLanguage;
  return guessPersianOrArabic(passage);
}

/** Names in the sentences of a text, each language's sentences read by its own recognizer as one document; in text order. */
export function recognizeByScript(text: string, sentences: readonly Span[], recognizerFor: RecognizerFor, documentLanguage?: string | null): NerSpan[] {
  const groups = sentencesByLanguage(text, sentences, documentLanguage);
  if (groups.size === 1 && groups.has('en')) return recognizerFor('en').recognize(text, groups.get('en')!);
  const found: NerSpan[] = [];
  for (const [lang, spans] of groups) for (const s of recognizerFor(lang).recognize(text, spans)) found.push(s);
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
