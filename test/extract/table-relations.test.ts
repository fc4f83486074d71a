// Relations stated by a table's columns (src/extract/table-relations.ts): a ledger's payer, payee and amount, a
// roster's person, post and organisation; the header names the columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitCells, tableDelimiterOf, tableRelations } from '../../src/extract/table-relations.js';
import { inputFor, type HandMention } from './helpers.js';

const show = (text: string, mentions: HandMention[], delimiter: '\t' | ',' | ';'): string[] =>
  tableRelations(inputFor(text, mentions), delimiter, 0.8).map((r) =>
    `${r.type}(${r.source} -> ${r.target})${r.amount ? ` ${r.amount.amount} ${r.amount.currency}` : ''}${r.role ? ` [${r.role}]` : ''} <${r.evidence.text}>`);

test('CSV cells: quoted fields keep their commas and doubled quotes; spans point at the text', () => {
  const text = 'a, "Halcyon, Ltd" ,"say ""hi""",';
  const cells = splitCells(text, 0, text.length, ',');
  assert.deepEqual(cells.map((c) => c.text), ['a', 'Halcyon, Ltd', 'say ""hi""', '']);
  assert.equal(text.slice(cells[1]!.start, cells[1]!.end), 'Halcyon, Ltd');
});

test('a ledger gives paid(payer -> payee) per row, with the amount in the currency its header names', () => {
  const text = 'date,payer,payee,amount_usd,memo\n2022-01-15,Halcyon Trading Company,Zulfiqar Brigade,50000,security\n2022-02-20,Badr Foundation,"Saraya al-Nour",120000,operations\n2022-03-01,Badr Foundation,,9000,unknown\n';
  const got = show(text, [['Halcyon Trading Company', 'ORG', 'halcyon'], ['Zulfiqar Brigade', 'ORG', 'zulfiqar'], ['Badr Foundation', 'ORG', 'badr'], ['Saraya al-Nour', 'ORG', 'saraya']], ',');
  assert.deepEqual(got, [
    'paid(halcyon -> zulfiqar) 50000 USD <2022-01-15,Halcyon Trading Company,Zulfiqar Brigade,50000,security>',
    'paid(badr -> saraya) 120000 USD <2022-02-20,Badr Foundation,"Saraya al-Nour",120000,operations>',
  ]);
});

test('a roster gives role_in(person -> organisation) with the post; a sheet is split by tabs', () => {
  const text = 'Name\tPosition\tOrganisation\nAdel Mansouri\tCommander\tZulfiqar Brigade\nZulfiqar Brigade\tUnit\tSouthern Command\n';
  const got = show(text, [['Adel Mansouri', 'PERSON', 'mansouri'], ['Zulfiqar Brigade', 'ORG', 'zulfiqar'], ['Zulfiqar Brigade', 'ORG', 'zulfiqar', 2], ['Southern Command', 'ORG', 'southern']], '\t');
  // The second row's "person" is an organisation: no role_in.
  assert.deepEqual(got, ['role_in(mansouri -> zulfiqar) [Commander] <Adel Mansouri\tCommander\tZulfiqar Brigade>']);
});

test('a table of journeys (from, to, no amount) and a text that is no table give nothing', () => {
  const journeys = 'traveller,from,to,date\nAdel Mansouri,Erbil,Baghdad,2022-01-15\n';
  assert.deepEqual(show(journeys, [['Adel Mansouri', 'PERSON'], ['Erbil', 'LOC'], ['Baghdad', 'LOC']], ','), []);
  assert.equal(tableDelimiterOf('text', 'text/plain', 'a,b,c\n1,2,3'), undefined);
  assert.equal(tableDelimiterOf('text', 'text/csv', 'a;b;c\n1;2;3'), ';');
  assert.equal(tableDelimiterOf('sheet', 'text/tab-separated-values', 'a\tb'), '\t');
});
