/** Address books (.vcf): each contact becomes a child document of readable lines (name, organisation, title, phones, e-mails). */
import type { ExtractedDocument } from '../../model/index.js';
import { parseComponents, splitStructured, unescapeText, first, type Component, type ContentLine } from '../contacts/content-lines.js';
import { decodeText } from '../decode.js';
import { asciiHead, newDocument, sha256Hex } from '../document.js';
import { IngestFailure, type FormatHandler } from '../handler.js';

/** Reads vCard 2.1, 3.0 and 4.0; contacts are named "book.vcf#1", "book.vcf#2" in file order. */
export const vcardHandler: FormatHandler = {
  name: 'vcard',
  extensions: ['.vcf', '.vcard'],
  container: true,
  sniff: (head) => /^(?:\ufeff)?BEGIN:VCARD\r?\n/i.test(asciiHead(head, 64).replace(/^\xef\xbb\xbf/, '')),
  async read(input) {
    const { text } = decodeText(input.bytes, input.path);
    const cards = parseComponents(text).filter((c) => c.type === 'VCARD');
    if (cards.length === 0) throw new IngestFailure('corrupt-contacts', `${input.path} holds no contact: no BEGIN:VCARD ... END:VCARD block was found.`);
    const children = cards.map((card, i) => contactDocument(input.path, card, i + 1)).filter((d): d is ExtractedDocument => d !== undefined);
    const listing = children.map((c) => c.title ?? c.path).join('\n');
    return newDocument(input, 'vcard', listing, { mimeType: 'text/vcard', children, warnings: [] });
  },
};

// "TYPE=WORK,VOICE" or vCard 2.1 "WORK;VOICE" -> "work"; the kinds a reader cares about, in a fixed order.
function kind(line: ContentLine): string {
  const types = (line.params.get('TYPE') ?? []).flatMap((t) => t.toLowerCase().split(','));
  const named = ['work', 'home', 'cell', 'mobile', 'fax', 'pager'].filter((t) => types.includes(t));
  return named.length > 0 ? ` (${named.join(', ')})` : '';
}

function contactDocument(path: string, card: Component, n: number): ExtractedDocument | undefined {
  const lines = card.lines;
  const n_ = first(lines, 'N') ? splitStructured(first(lines, 'N')!.value) : [];
  // N is family;given;additional;prefix;suffix.
  const fromN = [n_[3], n_[1], n_[2], n_[0], n_[4]].filter(Boolean).join(' ');
  const name = unescapeText(first(lines, 'FN')?.value ?? '') || fromN;
  const org = first(lines, 'ORG') ? splitStructured(first(lines, 'ORG')!.value).filter(Boolean).join(', ') : '';
  const title = unescapeText(first(lines, 'TITLE')?.value ?? '');
  const role = unescapeText(first(lines, 'ROLE')?.value ?? '');
  const out: string[] = [];
  // "Jane Doe, Senior Analyst, Ministry of Foreign Affairs." reads as an apposition the extractors know from prose.
  const headline = [name, title, org].filter(Boolean).join(', ');
  if (headline) out.push(`${headline}.`);
  if (role && role !== title) out.push(`Role: ${role}`);
  const nickname = unescapeText(first(lines, 'NICKNAME')?.value ?? '');
  if (nickname) out.push(`Also known as: ${nickname}`);
  const emails: string[] = [];
  const phones: string[] = [];
  for (const line of lines) {
    const value = unescapeText(line.value.replace(/^(?:tel|mailto):/i, ''));
    if (!value) continue;
    if (line.name === 'TEL') { phones.push(value); out.push(`Phone${kind(line)}: ${value}`); }
    else if (line.name === 'EMAIL') { emails.push(value); out.push(`E-mail${kind(line)}: ${value}`); }
    else if (line.name === 'ADR') out.push(`Address${kind(line)}: ${splitStructured(line.value).filter(Boolean).join(', ')}`);
    else if (line.name === 'URL') out.push(`Web: ${value}`);
    else if (line.name === 'BDAY') out.push(`Born: ${value}`);
    else if (line.name === 'NOTE') out.push(`Note: ${value}`);
    else if (line.name === 'RELATED') out.push(`Related${kind(line)}: ${value}`);
  }
  if (out.length === 0) return undefined;
  const meta: Record<string, string> = {};
  if (name) meta.name = name;
  if (org) meta.org = org;
  if (title) meta.title = title;
  if (emails.length) meta.email = emails.join(', ');
  if (phones.length) meta.phone = phones.join(', ');
  const text = out.join('\n');
  const original = new TextEncoder().encode(text);
  const doc: ExtractedDocument = { path: `${path}#${n}`, sha256: sha256Hex(original), original, format: 'contact', mimeType: 'text/plain', text, meta };
  if (name) doc.title = name;
  return doc;
}
