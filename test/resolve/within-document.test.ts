import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../src/model/index.js';
import { toCandidates } from '../../src/resolve/candidates.js';
import { resolveWithinDocument, type DocumentMention } from '../../src/resolve/within-document.js';

/** Builds mentions by finding each surface form after the previous mention (specs are in text order). */
function mentionsIn(text: string, specs: [string, EntityType][]): DocumentMention[] {
  let from = 0;
  return specs.map(([surface, type]) => {
    const start = text.indexOf(surface, from);
    assert.ok(start >= 0, `"${surface}" not in text after ${from}`);
    from = start + surface.length;
    return { start, end: start + surface.length, type, text: surface };
  });
}

/** Clusters as sorted lists of mention texts (with occurrence numbers when repeated), for readable expectations. */
function grouped(text: string, specs: [string, EntityType][]): { groups: string[][]; canonical: Map<string, string> } {
  const mentions = mentionsIn(text, specs);
  const { clusters } = resolveWithinDocument(text, mentions);
  const canonical = new Map<string, string>();
  const groups = clusters.map((c) => {
    const names = c.mentionIndexes.map((i) => mentions[i]?.text ?? '');
    for (const n of names) canonical.set(n, c.canonical);
    return names;
  });
  return { groups, canonical };
}

/** True when the two surface forms are in one cluster. */
const together = (groups: string[][], a: string, b: string): boolean => groups.some((g) => g.includes(a) && g.includes(b));

interface Case {
  name: string;
  // Short quotations from examples/iran-cables/*.txt.
  text: string;
  mentions: [string, EntityType][];
  same: [string, string][];
  different: [string, string][];
  canonical?: [string, string][];
}

const CASES: Case[] = [
  {
    name: 'surname and possessive refer back to the full name (003)',
    text: 'The Revolutionary Guards’ grip on foreign affairs was cemented by Qassem Soleimani, the Quds Force leader killed in a January 2020 US drone strike in Baghdad. The situation has changed dramatically since Soleimani’s assassination, however.',
    mentions: [['Revolutionary Guards', 'ORG'], ['Qassem Soleimani', 'PERSON'], ['Quds Force', 'ORG'], ['Baghdad', 'LOC'], ['Soleimani’s', 'PERSON']],
    same: [['Qassem Soleimani', 'Soleimani’s']],
    different: [['Revolutionary Guards', 'Quds Force']],
    canonical: [['Soleimani’s', 'Qassem Soleimani']],
  },
  {
    name: 'acronym definition and a shorter org variant (000)',
    text: 'Revolutionary Guard Gen. Qassem Soleimani, center, attends a meeting in Tehran, Iran. Unfortunately for the Ministry of Intelligence, it often found itself overridden by the much more aggressive and less patient Islamic Revolutionary Guard Corps (IRGC), the military arm of the Iranian theocracy.',
    mentions: [['Revolutionary Guard', 'ORG'], ['Gen. Qassem Soleimani', 'PERSON'], ['Tehran', 'LOC'], ['Iran', 'LOC'], ['Ministry of Intelligence', 'ORG'], ['Islamic Revolutionary Guard Corps', 'ORG'], ['IRGC', 'ORG']],
    same: [['Islamic Revolutionary Guard Corps', 'IRGC'], ['Revolutionary Guard', 'IRGC']],
    different: [['Ministry of Intelligence', 'IRGC'], ['Tehran', 'Iran']],
    canonical: [['IRGC', 'Islamic Revolutionary Guard Corps'], ['Gen. Qassem Soleimani', 'Qassem Soleimani']],
  },
  {
    name: 'acronym used before its definition; a stated equivalence (001)',
    text: 'Iranian IRGC forces (AFP/FILE) The leaks document the way Iran expanded its influence, relying on members of the secretive Revolutionary Guards Corps (IRGC). Around the same time, IRGC forces were organizing disparate Iraqi Shia militia fighters into a unified command structure called the Popular Mobilization Forces (PMU) in the fight against ISIS. The PMU became critical to ousting ISIS fighters.',
    mentions: [['IRGC', 'ORG'], ['Iran', 'LOC'], ['Revolutionary Guards Corps', 'ORG'], ['IRGC', 'ORG'], ['IRGC', 'ORG'], ['Popular Mobilization Forces', 'ORG'], ['PMU', 'ORG'], ['ISIS', 'ORG'], ['PMU', 'ORG'], ['ISIS', 'ORG']],
    same: [['IRGC', 'Revolutionary Guards Corps'], ['Popular Mobilization Forces', 'PMU']],
    different: [['PMU', 'ISIS'], ['IRGC', 'PMU']],
    canonical: [['PMU', 'Popular Mobilization Forces']],
  },
  {
    name: 'titles, possessives and different people sharing a word (003)',
    text: 'The second is attached to Beit Rahbari, a department that handles particularly sensitive affairs for Supreme Leader Ali Khamenei. When Grand Ayatollah Ali al-Sistani called on Iraqis to take up arms, he offered an ideological umbrella. Asghar Hejazi, Khamenei’s security adviser in charge of the Beit Rahbari agency, became directly responsible for the most prominent Iraqi armed factions, including Kataeb Hezbollah and Asaib Ahl al-Haq. Hejazi called Hashd leader Abu Fadak. At the same, Lebanese Hezbollah leader Hassan Nasrallah invited commanders.',
    mentions: [['Beit Rahbari', 'ORG'], ['Supreme Leader Ali Khamenei', 'PERSON'], ['Grand Ayatollah Ali al-Sistani', 'PERSON'], ['Asghar Hejazi', 'PERSON'], ['Khamenei’s', 'PERSON'], ['Beit Rahbari', 'ORG'], ['Kataeb Hezbollah', 'ORG'], ['Asaib Ahl al-Haq', 'ORG'], ['Hejazi', 'PERSON'], ['Hashd', 'ORG'], ['Abu Fadak', 'PERSON'], ['Hezbollah', 'ORG'], ['Hassan Nasrallah', 'PERSON']],
    same: [['Supreme Leader Ali Khamenei', 'Khamenei’s'], ['Asghar Hejazi', 'Hejazi'], ['Beit Rahbari', 'Beit Rahbari']],
    different: [['Supreme Leader Ali Khamenei', 'Grand Ayatollah Ali al-Sistani'], ['Kataeb Hezbollah', 'Hezbollah'], ['Hejazi', 'Abu Fadak']],
    canonical: [['Khamenei’s', 'Ali Khamenei'], ['Grand Ayatollah Ali al-Sistani', 'Ali al-Sistani']],
  },
  {
    name: 'two people with one given name; kunya surnames (003)',
    text: 'Yet they remained under Soleimani’s control until 3 January 2020, when he and Abu Mahdi al-Muhandis, the godfather of most Iraqi armed factions, were killed. “Soleimani was the link, but the Americans killed him and also killed Muhandis.” National Security Adviser Qassem al-Araji held a series of meetings, a source close to Araji told MEE.',
    mentions: [['Soleimani’s', 'PERSON'], ['Abu Mahdi al-Muhandis', 'PERSON'], ['Soleimani', 'PERSON'], ['Muhandis', 'PERSON'], ['Qassem al-Araji', 'PERSON'], ['Araji', 'PERSON']],
    same: [['Abu Mahdi al-Muhandis', 'Muhandis'], ['Qassem al-Araji', 'Araji'], ['Soleimani’s', 'Soleimani']],
    different: [['Soleimani', 'Qassem al-Araji'], ['Muhandis', 'Araji']],
  },
  {
    name: 'a one-word org name stands for the organisation it begins (003)',
    text: 'The result was the establishment of the Hashd al-Shaabi paramilitary umbrella group. Hejazi called Hashd leader Abu Fadak to a meeting in Tehran.',
    mentions: [['Hashd al-Shaabi', 'ORG'], ['Hejazi', 'PERSON'], ['Hashd', 'ORG'], ['Abu Fadak', 'PERSON'], ['Tehran', 'LOC']],
    same: [['Hashd al-Shaabi', 'Hashd']],
    different: [['Hejazi', 'Abu Fadak']],
  },
  {
    name: 'Iran and Iraq stay apart; a surname after a titled full name (000, 001)',
    text: 'Iran, which neighbors Iraq, has steadily expanded its influence over Iraq. One of the leaked documents described a secret meeting early in Iraqi Prime Minister Haider al-Abadi’s term, even though Abadi himself was sneeringly dismissed.',
    mentions: [['Iran', 'LOC'], ['Iraq', 'LOC'], ['Iraq', 'LOC'], ['Iraqi Prime Minister Haider al-Abadi’s', 'PERSON'], ['Abadi', 'PERSON']],
    same: [['Iraqi Prime Minister Haider al-Abadi’s', 'Abadi']],
    different: [['Iran', 'Iraq']],
    canonical: [['Abadi', 'Haider al-Abadi']],
  },
  {
    name: 'a lone given name shared by two earlier people joins neither (003)',
    text: 'Supreme Leader Ali Khamenei and Grand Ayatollah Ali al-Sistani disagreed. Sources close to Ali said so; Khamenei did not.',
    mentions: [['Supreme Leader Ali Khamenei', 'PERSON'], ['Grand Ayatollah Ali al-Sistani', 'PERSON'], ['Ali', 'PERSON'], ['Khamenei', 'PERSON']],
    same: [['Supreme Leader Ali Khamenei', 'Khamenei']],
    different: [['Ali', 'Supreme Leader Ali Khamenei'], ['Ali', 'Grand Ayatollah Ali al-Sistani']],
  },
  {
    name: 'a lone family name typed as an organisation still joins the person (003)',
    text: 'National Security Adviser Qassem al-Araji held a series of meetings, a source close to Araji told MEE. Last week, Araji attempted to bring clarity.',
    mentions: [['Qassem al-Araji', 'PERSON'], ['Araji', 'ORG'], ['MEE', 'ORG'], ['Araji', 'ORG']],
    same: [['Qassem al-Araji', 'Araji']],
    different: [['Araji', 'MEE']],
  },
  {
    name: 'a surname before the only full name joins it forward',
    text: 'Soleimani’s shoes are hard to fill. The weakness of General Esmail Qaani, who succeeded Gen. Qassem Soleimani as leader of the Quds Force, is plain.',
    mentions: [['Soleimani’s', 'PERSON'], ['General Esmail Qaani', 'PERSON'], ['Gen. Qassem Soleimani', 'PERSON'], ['Quds Force', 'ORG']],
    same: [['Soleimani’s', 'Gen. Qassem Soleimani']],
    different: [['General Esmail Qaani', 'Gen. Qassem Soleimani']],
  },
  {
    name: 'a surname joins the full name with that exact word, not a similar one (003)',
    text: 'Prime Minister Mustafa al-Kadhimi was seeking to increase the number of US troops. The blast hit Shia pilgrims commemorating the anniversary of the martyrdom of Imam Musa al-Kadhim. Hours after the grenade attack, Kadhimi went to the Baghdad operations command headquarters.',
    mentions: [['Prime Minister Mustafa al-Kadhimi', 'PERSON'], ['US', 'LOC'], ['Imam Musa al-Kadhim', 'PERSON'], ['Kadhimi', 'PERSON'], ['Baghdad', 'LOC']],
    same: [['Prime Minister Mustafa al-Kadhimi', 'Kadhimi']],
    different: [['Imam Musa al-Kadhim', 'Kadhimi']],
    canonical: [['Imam Musa al-Kadhim', 'Musa al-Kadhim'], ['Kadhimi', 'Mustafa al-Kadhimi']],
  },
  {
    name: 'one name typed two ways by the recogniser is one entity; a definition holds across types (003)',
    text: 'In the Islamic State (IS) group, Soleimani found a huge challenge. When Grand Ayatollah Ali al-Sistani called on Iraqis to take up arms and mobilise against IS, he offered an umbrella. Over recent months, Nato and Nato allies met.',
    mentions: [['Islamic State', 'MISC'], ['IS', 'ORG'], ['Soleimani', 'PERSON'], ['Grand Ayatollah Ali al-Sistani', 'PERSON'], ['Iraqis', 'MISC'], ['IS', 'ORG'], ['Nato', 'LOC'], ['Nato', 'ORG']],
    same: [['Islamic State', 'IS'], ['Nato', 'Nato']],
    different: [['IS', 'Iraqis']],
  },
  {
    name: 'a nationality adjective before an organisation name is not part of its identity (003)',
    text: 'At the same, Lebanese Hezbollah leader Hassan Nasrallah invited commanders, including those of Kataeb Hezbollah. While Hezbollah recommended calm, the Tehran meeting urged the opposite.',
    mentions: [['Lebanese Hezbollah', 'ORG'], ['Hassan Nasrallah', 'PERSON'], ['Kataeb Hezbollah', 'ORG'], ['Hezbollah', 'ORG'], ['Tehran', 'LOC']],
    same: [['Lebanese Hezbollah', 'Hezbollah']],
    different: [['Kataeb Hezbollah', 'Hezbollah']],
  },
  {
    name: 'an equivalence the document states joins two full names',
    text: 'Soleimani helped found the Hashd al-Shaabi, also known as the Popular Mobilization Forces. Later the Popular Mobilization Units (Hashd al-Shaabi) were made part of the army; Kataeb Hezbollah, or Asaib Ahl al-Haq and others, objected.',
    mentions: [['Soleimani', 'PERSON'], ['Hashd al-Shaabi', 'ORG'], ['Popular Mobilization Forces', 'ORG'], ['Popular Mobilization Units', 'ORG'], ['Hashd al-Shaabi', 'ORG'], ['Kataeb Hezbollah', 'ORG'], ['Asaib Ahl al-Haq', 'ORG']],
    same: [['Popular Mobilization Forces', 'Hashd al-Shaabi'], ['Popular Mobilization Units', 'Popular Mobilization Forces']],
    different: [['Kataeb Hezbollah', 'Asaib Ahl al-Haq'], ['Kataeb Hezbollah', 'Hashd al-Shaabi']],
  },
  {
    name: 'a stated alias joins people; brackets after a person or place qualify it',
    text: 'The strike killed Abu Mahdi al-Muhandis, also known as Jamal Jaafar Ibrahimi, and others. Salim al-Jabouri (SDP) spoke in Iraq (Baghdad) later.',
    mentions: [['Abu Mahdi al-Muhandis', 'PERSON'], ['Jamal Jaafar Ibrahimi', 'PERSON'], ['Salim al-Jabouri', 'PERSON'], ['SDP', 'ORG'], ['Iraq', 'LOC'], ['Baghdad', 'LOC']],
    same: [['Abu Mahdi al-Muhandis', 'Jamal Jaafar Ibrahimi']],
    different: [['Salim al-Jabouri', 'SDP'], ['Iraq', 'Baghdad']],
  },
  {
    name: '"called" as a verb states nothing (003)',
    text: 'As the Iraqi Military Operations Command sent a committee, Hejazi called Hashd leader Abu Fadak to a meeting.',
    mentions: [['Iraqi Military Operations Command', 'ORG'], ['Hejazi', 'PERSON'], ['Hashd', 'ORG'], ['Abu Fadak', 'PERSON']],
    same: [],
    different: [['Hejazi', 'Hashd'], ['Hejazi', 'Abu Fadak']],
  },
];

for (const c of CASES) {
  test(`within document: ${c.name}`, () => {
    const { groups, canonical } = grouped(c.text, c.mentions);
    for (const [a, b] of c.same) assert.ok(together(groups, a, b), `expected "${a}" with "${b}": ${JSON.stringify(groups)}`);
    for (const [a, b] of c.different) assert.ok(!together(groups, a, b), `expected "${a}" apart from "${b}": ${JSON.stringify(groups)}`);
    for (const [mention, name] of c.canonical ?? []) assert.equal(canonical.get(mention), name, mention);
  });
}

test('every grouping records the rule that made it', () => {
  const text = 'Islamic Revolutionary Guard Corps (IRGC) commander Qassem Soleimani. Soleimani left.';
  const mentions = mentionsIn(text, [['Islamic Revolutionary Guard Corps', 'ORG'], ['IRGC', 'ORG'], ['Qassem Soleimani', 'PERSON'], ['Soleimani', 'PERSON']]);
  const { clusters } = resolveWithinDocument(text, mentions);
  assert.deepEqual(clusters.map((c) => c.mentionIndexes), [[0, 1], [2, 3]]);
  assert.deepEqual(clusters.map((c) => c.reasons.map((r) => r.rule)), [['acronym-definition'], ['partial-name']]);
  assert.match(clusters[1]?.reasons[0]?.detail ?? '', /"Soleimani" -> "Qassem Soleimani"/);
});

test('no mentions give no clusters', () => {
  assert.deepEqual(resolveWithinDocument('Nothing here.', []), { clusters: [] });
});

test('clusters become candidates keyed by document, type and normalised name', () => {
  const text = 'Islamic Revolutionary Guard Corps (IRGC) commander Gen. Qassem Soleimani. Soleimani’s men.';
  const mentions = mentionsIn(text, [['Islamic Revolutionary Guard Corps', 'ORG'], ['IRGC', 'ORG'], ['Gen. Qassem Soleimani', 'PERSON'], ['Soleimani’s', 'PERSON']]);
  const { clusters } = resolveWithinDocument(text, mentions);
  assert.deepEqual(toCandidates('doc-1', mentions, clusters), [
    { key: 'doc-1#ORG:islamic revolutionary guard corps', name: 'Islamic Revolutionary Guard Corps', type: 'ORG', aliases: ['IRGC'], documentIds: ['doc-1'] },
    { key: 'doc-1#PERSON:qassem soleimani', name: 'Qassem Soleimani', type: 'PERSON', aliases: ['Gen. Qassem Soleimani', 'Soleimani’s'], documentIds: ['doc-1'] },
  ]);
});

test('a cluster takes the type most of its mentions carry', () => {
  const text = 'In the Islamic State (IS) group. Against IS.';
  const mentions = mentionsIn(text, [['Islamic State', 'MISC'], ['IS', 'ORG'], ['IS', 'ORG']]);
  const { clusters } = resolveWithinDocument(text, mentions);
  assert.deepEqual(clusters.map((c) => [c.canonical, c.type, c.mentionIndexes]), [['Islamic State', 'ORG', [0, 1, 2]]]);
});

test('lone family names typed otherwise do not outvote the person they name', () => {
  const text = 'Qassem al-Araji met them; Araji said so, Araji added, Araji left.';
  const mentions = mentionsIn(text, [['Qassem al-Araji', 'PERSON'], ['Araji', 'ORG'], ['Araji', 'ORG'], ['Araji', 'ORG']]);
  const { clusters } = resolveWithinDocument(text, mentions);
  assert.deepEqual(clusters.map((c) => [c.canonical, c.type, c.mentionIndexes]), [['Qassem al-Araji', 'PERSON', [0, 1, 2, 3]]]);
});

test('a lone given name refers back to the one person who has it, whatever type the recogniser gave it', () => {
  const text = 'Jean-Bernard Lévy, chief executive of EDF, met the minister on Monday. Jean-Bernard said the plan was on track.';
  for (const type of ['PERSON', 'ORG', 'MISC'] as const) {
    const { groups, canonical } = grouped(text, [['Jean-Bernard Lévy', 'PERSON'], ['EDF', 'ORG'], ['Jean-Bernard', type]]);
    assert.ok(together(groups, 'Jean-Bernard Lévy', 'Jean-Bernard'), type);
    assert.equal(canonical.get('Jean-Bernard'), 'Jean-Bernard Lévy');
  }
});

test('two people sharing a given name leave it alone', () => {
  const text = 'Hassan Rouhani met Hassan Nasrallah in Beirut. Hassan said the talks went well.';
  for (const type of ['PERSON', 'ORG'] as const) {
    const { groups } = grouped(text, [['Hassan Rouhani', 'PERSON'], ['Hassan Nasrallah', 'PERSON'], ['Beirut', 'LOC'], ['Hassan', type]]);
    assert.ok(!together(groups, 'Hassan Rouhani', 'Hassan') && !together(groups, 'Hassan Nasrallah', 'Hassan'), type);
  }
});

test('a ledger of codes sharing a word is resolved in time linear in its mentions, each code its own cluster', () => {
  // "TX-1" ... "TX-n" all hold the word "tx": listing every holder of a code's first word for each code was quadratic.
  const ledger = (n: number) => {
    const lines = Array.from({ length: n }, (_, i) => `TX-${i + 1}\tpaid`);
    const text = lines.join('\n');
    const mentions: DocumentMention[] = [];
    let at = 0;
    for (const line of lines) {
      const code = line.slice(0, line.indexOf('\t'));
      mentions.push({ start: at, end: at + code.length, type: 'MISC', text: code });
      at += line.length + 1;
    }
    return { text, mentions };
  };
  const cpuPerMention = (n: number): number => {
    const { text, mentions } = ledger(n);
    const before = process.cpuUsage();
    const { clusters } = resolveWithinDocument(text, mentions);
    const used = process.cpuUsage(before);
    assert.equal(clusters.length, n, 'every code its own cluster');
    return (used.user + used.system) / n;
  };
  cpuPerMention(2000); // warm-up
  const small = cpuPerMention(4000);
  const large = cpuPerMention(40_000);
  // Linear: the same cost per mention (within noise) at 10x the mentions; quadratic would be about 10x.
  assert.ok(large / small < 3, `CPU per mention grew ${(large / small).toFixed(1)}x from 4,000 to 40,000 mentions`);
});

test('two people sharing a family name stay two however their lone family name is used', () => {
  // The wife in full, then by family name alone, then the husband in full and by family name: every lone "Yeltsin" is one
  // set by its spelling, which must not make one person of both.
  const text = 'Naina Yeltsin, wife of the Russian president, has undergone an operation. Mrs Yeltsin would be released in a few days. '
    + 'The health of Boris Yeltsin has been the centre of speculation. A spokesman said Yeltsin was in Moscow.';
  const { groups } = grouped(text, [['Naina Yeltsin', 'PERSON'], ['Yeltsin', 'PERSON'], ['Boris Yeltsin', 'PERSON'], ['Yeltsin', 'PERSON']]);
  assert.equal(together(groups, 'Naina Yeltsin', 'Boris Yeltsin'), false, JSON.stringify(groups));
});

test('a dotted initialism in a long name gives all its letters: "U.N." is not the initials of "U.S. Navy"', () => {
  const text = 'He met the U.N. envoy in Tehran. U.S. Navy ships escorted the tankers, and the USN said so.';
  const { groups } = grouped(text, [['U.N.', 'ORG'], ['U.S. Navy', 'ORG'], ['USN', 'ORG']]);
  assert.equal(together(groups, 'U.N.', 'U.S. Navy'), false, JSON.stringify(groups));
  assert.ok(together(groups, 'USN', 'U.S. Navy'), JSON.stringify(groups));
});
