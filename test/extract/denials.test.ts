// A denial that answers an earlier sentence's relation (src/extract/denials.ts), with the rules as the extractor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';
import { inputFor, type HandMention } from './helpers.js';

const read = (text: string, mentions: HandMention[]): string[] =>
  extract(inputFor(text, mentions)).relations.map((r) => `${r.negated ? '!' : ''}${r.type}(${r.source} -> ${r.target})${r.rule.startsWith('denied-later') ? ` [${r.evidence.text}]` : ''}`);

test('a denial by one end of an earlier relation, naming its kind of act, denies that relation', () => {
  const text = 'The Halcyon Trading Company paid the Zulfiqar Brigade $200,000 in February, two people present said. Halcyon denied making any payment.';
  const got = read(text, [['Halcyon Trading Company', 'ORG', 'halcyon'], ['Zulfiqar Brigade', 'ORG', 'zulfiqar'], ['Halcyon', 'ORG', 'halcyon', 2]]);
  assert.ok(got.includes('paid(halcyon -> zulfiqar)'), got.join('; '));
  assert.ok(got.includes('!paid(halcyon -> zulfiqar) [Halcyon denied making any payment.]'), got.join('; '));
});

test('a denial of another kind of act, of a party it names, or far from the statement denies nothing', () => {
  const stated = 'The Halcyon Trading Company paid the Zulfiqar Brigade $200,000 in February.';
  const m = (): HandMention[] => [['Halcyon Trading Company', 'ORG', 'halcyon'], ['Zulfiqar Brigade', 'ORG', 'zulfiqar'], ['Halcyon', 'ORG', 'halcyon', 2]];
  const cases: [string, HandMention[]][] = [
    [`${stated} Halcyon denied any wrongdoing.`, m()],
    [`${stated} Halcyon denied paying the Green Brigade.`, [...m(), ['Green Brigade', 'ORG', 'green']]],
    [`${stated} The talks went on. The border stayed shut. Trade fell. Halcyon denied making any payment.`, m()],
  ];
  for (const [text, mentions] of cases) {
    const got = read(text, mentions);
    assert.ok(got.includes('paid(halcyon -> zulfiqar)') && !got.some((r) => r.startsWith('!paid(halcyon -> zulfiqar)')), `${text}: ${got.join('; ')}`);
  }
});
