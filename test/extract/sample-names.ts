/** Hand-made entity names for the sample articles in examples/iran-cables, standing in for NER + resolution in tests. */
import type { EntityType } from '../../src/model/index.js';

/** [surface, type, entity key]: every whole-word occurrence of the surface becomes a mention of that entity. */
export type Name = [surface: string, type: EntityType, key: string];

// Demonyms are keyed to their country, as resolution would ideally do ("Iraqi Prime Minister X" -> role_in Iraq).
const COMMON: Name[] = [
  ['Iran', 'LOC', 'Iran'], ['Tehran', 'LOC', 'Tehran'], ['Iraq', 'LOC', 'Iraq'], ['Baghdad', 'LOC', 'Baghdad'], ['Syria', 'LOC', 'Syria'],
  ['United States', 'LOC', 'United States'], ['U.S.', 'LOC', 'United States'], ['US', 'LOC', 'United States'], ['America', 'LOC', 'United States'],
  ['Israel', 'LOC', 'Israel'], ['Turkey', 'LOC', 'Turkey'], ['Washington', 'LOC', 'United States'], ['Middle East', 'LOC', 'Middle East'],
  ['Iranian', 'MISC', 'Iran'], ['Iranians', 'MISC', 'Iran'], ['Iraqi', 'MISC', 'Iraq'], ['Iraqis', 'MISC', 'Iraq'], ['American', 'MISC', 'United States'],
  ['Americans', 'MISC', 'United States'], ['British', 'MISC', 'United Kingdom'], ['Kurdish', 'MISC', 'Kurds'], ['Shia', 'MISC', 'Shia'],
  ['Shiite', 'MISC', 'Shia'], ['Shiites', 'MISC', 'Shia'], ['Sunni', 'MISC', 'Sunni'], ['Sunnis', 'MISC', 'Sunni'], ['Syrian', 'MISC', 'Syria'],
  ['Qassem Soleimani', 'PERSON', 'Soleimani'], ['Soleimani', 'PERSON', 'Soleimani'], ['Quds Force', 'ORG', 'Quds Force'],
  ['Islamic Revolutionary Guard Corps', 'ORG', 'IRGC'], ['Revolutionary Guards Corps', 'ORG', 'IRGC'], ['Revolutionary Guards', 'ORG', 'IRGC'],
  ['Revolutionary Guard', 'ORG', 'IRGC'], ['IRGC', 'ORG', 'IRGC'], ['MOIS', 'ORG', 'MOIS'], ['Ministry of Intelligence', 'ORG', 'MOIS'],
  ['Ministry of Intelligence and National Security', 'ORG', 'MOIS'], ['CIA', 'ORG', 'CIA'], ['The Intercept', 'ORG', 'The Intercept'],
  ['Intercept', 'ORG', 'The Intercept'], ['New York Times', 'ORG', 'New York Times'], ['AFP', 'ORG', 'AFP'], ['Islamic State', 'ORG', 'Islamic State'],
  ['ISIS', 'ORG', 'Islamic State'], ['IS', 'ORG', 'Islamic State'],
];

/** Names per sample file. */
export const SAMPLE_NAMES: Record<string, Name[]> = {
  '000_d100bfb39792b62b.txt': [
    ...COMMON,
    ['Haider al-Abadi', 'PERSON', 'Abadi'], ['Abadi', 'PERSON', 'Abadi'], ['Adel Abdul-Mahdi', 'PERSON', 'Abdul-Mahdi'],
    ['Saddam Hussein', 'PERSON', 'Saddam Hussein'], ['Saddam', 'PERSON', 'Saddam Hussein'], ['Obama', 'PERSON', 'Obama'], ['Bush', 'PERSON', 'Bush'],
    ['U.S. State Department', 'ORG', 'State Department'], ['Associated Press', 'ORG', 'Associated Press'], ['AP', 'ORG', 'Associated Press'],
    ['Baath party', 'ORG', 'Baath party'], ['Iraqi Army', 'ORG', 'Iraqi Army'],
  ],
  '001_922c9d26da2ca72a.txt': [
    ...COMMON,
    ['Salim al-Jabouri', 'PERSON', 'Jabouri'], ['Nechervan Barzani', 'PERSON', 'Barzani'], ['Donnie Brasco', 'PERSON', 'Source 134992'],
    ['Source 134992', 'PERSON', 'Source 134992'], ['Hatem al-Maksusi', 'PERSON', 'Maksusi'], ['Assad', 'PERSON', 'Assad'],
    ['Popular Mobilization Forces', 'ORG', 'PMU'], ['PMU', 'ORG', 'PMU'], ['Syrian Democratic Forces', 'ORG', 'SDF'], ['SDF', 'ORG', 'SDF'],
    ['U.S. Army', 'ORG', 'U.S. Army'], ['Iraqi Army', 'ORG', 'Iraqi Army'], ['Al Bawaba', 'ORG', 'Al Bawaba'], ['Basra', 'LOC', 'Basra'],
    ['Karbala', 'LOC', 'Karbala'], ['Kurdistan', 'LOC', 'Kurdistan'], ['Russians', 'MISC', 'Russia'], ['Arab', 'MISC', 'Arab'],
    ['Basrawi', 'MISC', 'Basra'], ['Turkish', 'MISC', 'Turkey'],
  ],
  '003_b040a4527846fc2c.txt': [
    ...COMMON,
    ['Ali Khamenei', 'PERSON', 'Khamenei'], ['Khamenei', 'PERSON', 'Khamenei'], ['Ali al-Sistani', 'PERSON', 'Sistani'],
    ['Abu Mahdi al-Muhandis', 'PERSON', 'Muhandis'], ['Muhandis', 'PERSON', 'Muhandis'], ['Esmail Qaani', 'PERSON', 'Qaani'], ['Qaani', 'PERSON', 'Qaani'],
    ['Asghar Hejazi', 'PERSON', 'Hejazi'], ['Hejazi', 'PERSON', 'Hejazi'], ['Abu Fadak', 'PERSON', 'Abu Fadak'], ['Hassan Nasrallah', 'PERSON', 'Nasrallah'],
    ['Nasrallah', 'PERSON', 'Nasrallah'], ['Mustafa al-Kadhimi', 'PERSON', 'Kadhimi'], ['Kadhimi', 'PERSON', 'Kadhimi'],
    ['Qassem al-Araji', 'PERSON', 'Araji'], ['Araji', 'PERSON', 'Araji'], ['Musa al-Kadhim', 'PERSON', 'Musa al-Kadhim'],
    ['Middle East Eye', 'ORG', 'MEE'], ['MEE', 'ORG', 'MEE'], ['Beit Rahbari', 'ORG', 'Beit Rahbari'], ['Hashd al-Shaabi', 'ORG', 'Hashd'],
    ['Hashd', 'ORG', 'Hashd'], ['Kataeb Hezbollah', 'ORG', 'Kataeb Hezbollah'], ['Asaib Ahl al-Haq', 'ORG', 'Asaib Ahl al-Haq'],
    ['Kataeb Sayyid al-Shuhada', 'ORG', 'Kataeb Sayyid al-Shuhada'], ['Hezbollah', 'ORG', 'Hezbollah'], ['Lebanese', 'MISC', 'Lebanon'],
    ['Iraqi Military Operations Command', 'ORG', 'Iraqi Military Operations Command'],
    ['Coordinating Body of the Resistance Factions', 'ORG', 'Coordinating Body of the Resistance Factions'], ['Pentagon', 'ORG', 'Pentagon'],
    ['Nato', 'ORG', 'Nato'], ['UN Security Council', 'ORG', 'UN Security Council'], ['United Nations', 'ORG', 'United Nations'],
    ['Facebook', 'ORG', 'Facebook'], ['Twitter', 'ORG', 'Twitter'], ['Beirut', 'LOC', 'Beirut'], ['Ain al-Assad', 'LOC', 'Ain al-Assad'],
    ['Anbar', 'LOC', 'Anbar'], ['Imams Bridge', 'LOC', 'Imams Bridge'], ['Adhamiya', 'LOC', 'Adhamiya'], ['Kadhimiya', 'LOC', 'Kadhimiya'],
    ['Christian', 'MISC', 'Christian'], ['Yazidi', 'MISC', 'Yazidi'],
  ],
};
