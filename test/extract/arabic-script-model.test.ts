/**
 * The Persian/Arabic relation model (models/relations-fa-ar.bin.gz): Arabic-script sentences of a document go to it,
 * with the frames as its features; relations keep the sentence as the original spells it (letters are folded for the
 * features only), and the facts stage names the model in its version.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldArabicLetters } from '../../src/nlp/arabic-script.js';
import { byScript } from '../../src/extract/relations/arabic-script.js';
import { arabicScriptModelExtractor, loadArabicScriptModel } from '../../src/extract/relation-model/arabic-script.js';
import { factsStage } from '../../src/extract/stages/facts.js';
import type { ExtractedRelation } from '../../src/extract/types.js';
import { markedInput } from './marked-input.js';


const model = loadArabicScriptModel();
const shown = (rels: ExtractedRelation[]): string[] => rels.filter((r) => r.confidence >= 0.6).map((r) => `${r.type}:${r.source}>${r.target}`).sort();

describe('Persian/Arabic relation model', () => {
  it('is shipped, and the facts stage names it in its version', () => {
    assert.ok(model, 'models/relations-fa-ar.bin.gz is missing');
    assert.match(model.version, /^cablegraph-rel-fa-ar-\d+$/);
    assert.ok(factsStage().version.includes(model.version));
    assert.ok(!factsStage({ relations: 'rules' }).version.includes(model.version));
  });

  it('folds letter variants one character for one', () => {
    const s = 'كريم علي أحمد ۱۳۹۸';
    assert.equal(foldArabicLetters(s).length, s.length);
    assert.equal(foldArabicLetters(s), 'کریم علی احمد 1398');
    assert.equal(foldArabicLetters('Plain text'), 'Plain text');
  });

  it('reads posts in Persian and Arabic, with evidence and post spelled as the document spells them', () => {
    const extract = arabicScriptModelExtractor(model!);
    const fa = markedInput('[[PERSON:فاطمه احمدی]] عضو هیئت مدیره [[ORG:بانک ملت]] است .');
    assert.deepEqual(shown(extract(fa)), ['role_in:فاطمه احمدی>بانک ملت']);
    // Arabic yeh and kaf in the text: the model reads them folded, the evidence and the post keep them.
    const ar = markedInput('وقال [[PERSON:خالد المري]] مدير [[ORG:شركة النفط الوطنية]] ان الانتاج سيرتفع في الربع المقبل .');
    const [rel] = extract(ar).filter((r) => r.type === 'role_in');
    assert.ok(rel, 'no role_in from the Arabic sentence');
    assert.equal(rel.evidence.text, ar.text.slice(rel.evidence.start, rel.evidence.end));
    assert.ok(rel.evidence.text.includes('شركة'), 'evidence lost its Arabic kaf');
    assert.equal(rel.role, 'مدير');
    assert.ok(rel.rule.startsWith('model'), rel.rule);
  });

  it('sends only the Arabic-script sentences of a mixed document to it', () => {
    const doc = markedInput('[[PERSON:John Smith]], the director of [[ORG:Acme Oil]], met reporters. [[PERSON:فاطمه احمدی]] عضو هیئت مدیره [[ORG:بانک ملت]] است .');
    const seen: string[] = [];
    const rels = byScript(
      (i) => { seen.push(`en:${i.sentences.length}`); return []; },
      (i) => { seen.push(`fa:${i.sentences.length}`); return arabicScriptModelExtractor(model!)(i); },
    )(doc);
    assert.deepEqual(seen.sort(), ['en:1', 'fa:1']);
    assert.deepEqual(shown(rels), ['role_in:فاطمه احمدی>بانک ملت']);
  });
});
