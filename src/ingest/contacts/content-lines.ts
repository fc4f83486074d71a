/**
 * The line syntax vCard (RFC 6350, 2426, vCard 2.1) and iCalendar (RFC 5545) share: folded lines, "NAME;PARAM=V:value",
 * quoted-printable values with a charset (vCard 2.1), backslash escapes in text.
 */
import iconv from 'iconv-lite';
import { decodeLegacyName, isWellFormedUtf8 } from '../decode.js';

/** One property: upper-case name without its group, parameters (upper-case keys), raw value. */
export interface ContentLine {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** A BEGIN:X ... END:X block with its own properties and nested blocks (VALARM inside VEVENT, ...). */
export interface Component {
  type: string;
  lines: ContentLine[];
  children: Component[];
}

/**
 * Parses the text into its top-level components. Folded lines ("\r\n " continues the previous line) are joined, and
 * so are quoted-printable soft line breaks ("=" at the end of a line) of vCard 2.1.
 */
export function parseComponents(text: string): Component[] {
  const roots: Component[] = [];
  const stack: Component[] = [];
  for (const line of unfold(text)) {
    const parsed = parseLine(line);
    if (!parsed) continue;
    if (parsed.name === 'BEGIN') {
      const component: Component = { type: parsed.value.trim().toUpperCase(), lines: [], children: [] };
      (stack.at(-1)?.children ?? roots).push(component);
      stack.push(component);
    } else if (parsed.name === 'END') {
      // A missing or misspelt END closes up to the component it names, or only the innermost one.
      const at = stack.findLastIndex((c) => c.type === parsed.value.trim().toUpperCase());
      stack.length = at >= 0 ? at : Math.max(0, stack.length - 1);
    } else {
      stack.at(-1)?.lines.push(parsed);
    }
  }
  return roots;
}

function unfold(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    const last = out.length - 1;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last >= 0) out[last] += line.slice(1);
    else if (last >= 0 && out[last]!.endsWith('=') && isQuotedPrintable(out[last]!)) out[last] = out[last]!.slice(0, -1) + line;
    else out.push(line);
  }
  return out;
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(line.slice(0, colon));
}

// "item1.EMAIL;TYPE=INTERNET,pref:jane@example.org", "ATTENDEE;CN=\"Said, Omar\";PARTSTAT=ACCEPTED:mailto:o@x.net",
// vCard 2.1 bare parameters: "TEL;WORK;VOICE:+1 555 0100" (WORK and VOICE are types).
function parseLine(line: string): ContentLine | undefined {
  let i = 0;
  while (i < line.length && line[i] !== ';' && line[i] !== ':') i++;
  if (i >= line.length || i === 0) return undefined;
  const name = line.slice(0, i).replace(/^[^.]*\./, '').trim().toUpperCase();
  const params = new Map<string, string[]>();
  while (line[i] === ';') {
    let j = ++i;
    let quoted = false;
    while (j < line.length && (quoted || (line[j] !== ';' && line[j] !== ':'))) {
      if (line[j] === '"') quoted = !quoted;
      j++;
    }
    const param = line.slice(i, j);
    const eq = param.indexOf('=');
    const key = (eq >= 0 ? param.slice(0, eq) : 'TYPE').trim().toUpperCase();
    const values = eq >= 0 ? splitParamValues(param.slice(eq + 1)) : [param.trim()];
    params.set(key, [...(params.get(key) ?? []), ...values]);
    i = j;
  }
  if (line[i] !== ':') return undefined;
  return { name, params, value: decodeValue(line.slice(i + 1), params) };
}

function splitParamValues(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/"([^"]*)"|([^,]+)/g)) out.push((m[1] ?? m[2] ?? '').trim());
  return out.filter(Boolean);
}

function decodeValue(value: string, params: Map<string, string[]>): string {
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding !== 'QUOTED-PRINTABLE') return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(value[i]!, 'utf8')) bytes.push(b);
    }
  }
  const buffer = Buffer.from(bytes);
  const charset = params.get('CHARSET')?.[0];
  if (charset && iconv.encodingExists(charset)) return iconv.decode(buffer, charset);
  // vCard 2.1 without CHARSET is in the exporting device's code page: UTF-8 when it reads as such, else the likeliest.
  return isWellFormedUtf8(buffer) ? buffer.toString('utf8') : decodeLegacyName(buffer);
}

/** A text value with backslash escapes undone: "\n" a newline, "\," "\;" "\\" the character. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

/** A structured value (N, ADR, ORG) split at unescaped semicolons, each part unescaped. */
export function splitStructured(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\' && i + 1 < value.length) {
      current += value[i]! + value[i + 1]!;
      i++;
    } else if (value[i] === ';') {
      parts.push(unescapeText(current));
      current = '';
    } else current += value[i]!;
  }
  parts.push(unescapeText(current));
  return parts;
}

/** The first value of a property, or undefined. */
export function first(lines: ContentLine[], name: string): ContentLine | undefined {
  return lines.find((l) => l.name === name);
}
