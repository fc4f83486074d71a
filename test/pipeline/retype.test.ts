/** Type corrections from context: outlet names and organisation head nouns. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../../src/model/index.js';
import { retypeMentions } from '../../src/extract/stages/retype.js';

function spansOf(text: string, names: [string, EntityType][]): { start: number; end: number; type: EntityType; text: string }[] {
  const out = [];
  for (const [name, type] of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push({ start: i, end: i + name.length, type, text: name });
  }
  return out.sort((a, b) => a.start - b.start);
}

describe('retypeMentions', () => {
  const cases: [string, [string, EntityType][], string | null, string[]][] = [
    ['Beit Rahbari is feared. He asked the Beit Rahbari agency to intervene.', [['Beit Rahbari', 'LOC']], null, ['ORG', 'ORG']],
    ['© 2000 - 2021 Al Bawaba (www.albawaba.com)', [['Al Bawaba', 'PERSON']], 'Al Bawaba', ['ORG']],
    ['Hashd al-Shaabi forces advanced.', [['Hashd al-Shaabi', 'PERSON']], null, ['ORG']],
    ['U.S. forces left Syria.', [['U.S.', 'LOC'], ['Syria', 'LOC']], null, ['LOC', 'LOC']],
    ['Iraq army units moved.', [['Iraq', 'LOC']], null, ['LOC']],
    ['Soleimani met Abadi. Soleimani, group leader, left.', [['Soleimani', 'PERSON']], null, ['PERSON', 'PERSON']],
    ['Kataeb Hezbollah fighters', [['Kataeb Hezbollah', 'ORG']], null, ['ORG']],
    // A nationality before an organisation noun modifies it; it is not itself an organisation, here or elsewhere.
    ['the Iraqi factions met. An Iraqi official said', [['Iraqi', 'MISC']], null, ['MISC', 'MISC']],
    ['the Basij militia', [['Basij', 'MISC']], null, ['ORG']],
    // A compound adjective likewise (CoNLL-2003 tags "U.S.-led coalition" MISC): militias backed by Iran, not an organisation.
    ['the Iran-backed militias fired. An Iran-backed group denied it.', [['Iran-backed', 'MISC']], null, ['MISC', 'MISC']],
    ['the U.S.-led coalition', [['U.S.-led', 'MISC']], null, ['MISC']],
    // Adjective-shaped MISC names and countries before such nouns (on CoNLL-2003 dev the old rule turned 25 right types
    // wrong and 2 wrong ones right: "Kurdish factions", "Islamist groups", "Indonesia newspaper" with every other
    // "Indonesia" of the document).
    ['Islamist groups met. Maoist insurgents fled.', [['Islamist', 'MISC'], ['Maoist', 'MISC']], null, ['MISC', 'MISC']],
    ['the pro-Baghdad party', [['pro-Baghdad', 'MISC']], null, ['MISC']],
    ['an Indonesia newspaper said. Indonesia denied it.', [['Indonesia', 'LOC']], null, ['LOC', 'LOC']],
    ['the Sun newspaper reported', [['Sun', 'MISC']], null, ['ORG']],
  ];
  for (const [text, names, outlet, expected] of cases) {
    it(text, () => assert.deepEqual(retypeMentions(text, spansOf(text, names), outlet).map((s) => s.type), expected));
  }
});
