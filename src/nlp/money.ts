/** Money mentions by rule: symbol or currency word, amount with scale words, and an optional rate ("a month"). */
import type { MoneyMention } from '../model/index.js';

const SYMBOLS: Record<string, string> = {
  '$': 'USD', 'us$': 'USD', 'usd': 'USD', '€': 'EUR', 'eur': 'EUR', '£': 'GBP', 'gbp': 'GBP', '¥': 'JPY',
  irr: 'IRR', iqd: 'IQD', sar: 'SAR', aed: 'AED',
};
const WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', 'pounds sterling': 'GBP',
  rial: 'IRR', rials: 'IRR', riyal: 'SAR', riyals: 'SAR', dinar: 'IQD', dinars: 'IQD', 'iraqi dinars': 'IQD', 'iraqi dinar': 'IQD',
  lira: 'TRY', toman: 'toman', tomans: 'toman', yuan: 'CNY', rubles: 'RUB', roubles: 'RUB', yen: 'JPY',
};
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};
const PER = '(?:\\s+(?:a|an|per|each|every)\\s+(day|week|month|year))?';
const AMOUNT = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const SCALE = '(?:\\s?(thousand|million|billion|trillion|bn|mn|tn|[kmb])\\b)?';
const SYMBOL = '(US\\$|\\$|€|£|¥|USD|EUR|GBP|IRR|IQD|SAR|AED)\\s?';
const WORD = Object.keys(WORDS).sort((a, b) => b.length - a.length).join('|');

// "$3,000 a month", "US$ 2.5bn", "€100"
const SYMBOL_FIRST = new RegExp(`${SYMBOL}${AMOUNT}${SCALE}${PER}`, 'giu');
// "5 million dollars", "300,000 Iraqi dinars", "10,000 euros a year"
const WORD_AFTER = new RegExp(`\\b${AMOUNT}${SCALE}\\s+(${WORD})\\b${PER}`, 'giu');

function amountOf(num: string, scale: string | undefined): number {
  const base = Number(num.replace(/,/g, ''));
  return scale ? base * (SCALES[scale.toLowerCase()] ?? 1) : base;
}

/** Finds amounts of money with their currency (ISO 4217 when known) and rate ("per": month, year ...). */
export function extractMoney(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const m of text.matchAll(SYMBOL_FIRST)) {
    // "$2 m" is money but "$3 b..." could run into a word: the \b after a one-letter scale guards that.
    out.push(mention(text, m.index!, m[0], amountOf(m[2]!, m[3]), SYMBOLS[m[1]!.toLowerCase()] ?? m[1]!, m[4]));
  }
  for (const m of text.matchAll(WORD_AFTER)) {
    if (out.some((o) => m.index! < o.end && m.index! + m[0].length > o.start)) continue;
    out.push(mention(text, m.index!, m[0], amountOf(m[1]!, m[2]), WORDS[m[3]!.toLowerCase()] ?? m[3]!, m[4]));
  }
  return out.sort((a, b) => a.start - b.start);
}

function mention(text: string, start: number, raw: string, amount: number, currency: string, per: string | undefined): MoneyMention {
  const trimmed = raw.replace(/\s+$/, '');
  const end = start + trimmed.length;
  const m: MoneyMention = { start, end, text: text.slice(start, end), amount, currency };
  if (per) m.per = per.toLowerCase();
  return m;
}
