// Builds the NER gazetteer from the MIT/CC0/public-domain lists in /work/shared/data (see models/MODEL_CARD.md).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Gazetteer, gazetteerKey, gazetteerMask, type GazetteerClass } from '../src/nlp/ner/gazetteer.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { readConll } from '../src/nlp/ner/conll.js';
import { tagsToChunks } from '../src/nlp/ner/tags.js';

// Role words and organisation heads written by hand: general English vocabulary, no names.
const TITLES = `mr mrs ms dr prof gen general lt lieutenant col colonel maj major capt captain cmdr commander adm admiral
sgt sergeant brig brigadier president vice-president minister prime-minister premier chancellor king queen prince princess
sheikh shaikh sheik ayatollah grand-ayatollah hojatoleslam imam mullah cleric emir amir sultan governor mayor senator
ambassador envoy secretary chairman chairwoman spokesman spokeswoman director chief judge justice pope cardinal bishop
rev father sir lord lady dame deputy leader head commissioner officer agent inspector superintendent marshal
field-marshal lieutenant-general major-general rear-admiral brigadier-general speaker mp mep coach striker
defender midfielder goalkeeper manager ceo executive analyst correspondent reporter editor`;
const ORG_WORDS = `ministry ministries department council committee commission party front brigade brigades corps force forces
army navy guard guards militia militias movement organization organisation union association agency bureau office
institute university college school bank company corporation corp inc ltd plc group federation league assembly
parliament congress senate court tribunal police service services intelligence authority authorities government
foundation fund club team network coalition alliance battalion division regiment unit cell faction factions mobilization
hashd jabhat jabha hizb faylaq tanzim kataib kataeb kata'ib hezbollah hizballah hizbollah jaish jaysh harakat asaib asa'ib saraya liwa ansar jamaat majlis sepah basij`;

const MASK = (c: GazetteerClass): number => gazetteerMask(c);

/** Lower-cased tokens of a phrase written like "ABU_NIDAL_ORGANIZATION_" or "Asa'ib Ahl al-Haq". */
function phraseTokens(raw: string): string[] {
  const text = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return tokenize(text).map((t) => gazetteerKey(t.text));
}

function addPhrase(g: Gazetteer, raw: string, cls: GazetteerClass): void {
  const toks = phraseTokens(raw);
  if (toks.length === 0 || toks.length > 10 || !toks.some((t) => /\p{L}/u.test(t))) return;
  g.add(toks, MASK(cls));
  // A listed person's last name alone is how later mentions read ("Ali Khamenei" ... "Khamenei's office").
  const last = toks[toks.length - 1]!;
  if (cls === 'PER' && toks.length > 1 && last.length > 3 && /^\p{L}/u.test(last)) g.add([last], MASK('LAST'));
}

/** Splits "NAME_(ACR)_" into the name and the acronym. */
function withAcronym(raw: string): string[] {
  const m = /^(.*?)\(([^)]*)\)(.*)$/.exec(raw);
  return m ? [m[1]! + m[3]!, m[2]!] : [raw];
}

function addCountryInfo(g: Gazetteer, dataDir: string): void {
  const text = readFileSync(join(dataDir, 'gazetteer-countryinfo/CountryInfo.140728.txt'), 'utf8').replace(/[\0\x1a]/g, '');
  const blockClass: Record<string, GazetteerClass> = {
    Nationality: 'NAT', Capital: 'LOC', MajorCities: 'LOC', Regions: 'LOC', GeogFeatures: 'LOC', Leaders: 'PER', Government: 'PER',
  };
  let current: GazetteerClass | null = null;
  for (const line of text.split('\n')) {
    const name = /<CountryName>(.*)<\/CountryName>/.exec(line);
    if (name) addPhrase(g, name[1]!, 'LOC');
    const open = /^<(\w+)>\s*$/.exec(line.trim());
    if (open) current = blockClass[open[1]!] ?? null;
    if (/^<\/\w+>/.test(line.trim())) current = null;
    if (!current || !/^\t/.test(line) || line.trim().startsWith('<')) continue;
    const body = line.split(/[[#]/)[0]!.trim();
    const role = /#\s*(.+)$/.exec(line)?.[1];
    if (role && current === 'PER') addPhrase(g, role.replace(/&.*/, ''), 'TITLE');
    const synonyms = body.startsWith('{') ? [...body.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!) : [body];
    for (const s of synonyms) if (s.trim()) addPhrase(g, s, current);
  }
}

function addPhoenix(g: Gazetteer, dataDir: string): void {
  const dir = join(dataDir, 'gazetteer-phoenix-cameo');
  const agentWords = new Set<string>();
  for (const line of readFileSync(join(dir, 'Phoenix.agents.txt'), 'utf8').split('\n')) {
    const m = /^([A-Z][A-Z_.'-]*)\s*[{[]/.exec(line);
    if (!m) continue;
    addPhrase(g, m[1]!, 'TITLE');
    for (const t of phraseTokens(m[1]!)) agentWords.add(t);
  }
  for (const file of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
    const lines = readFileSync(join(dir, file), 'utf8').replace(/[\0\x1a]/g, '').split('\n');
    let block: string[] = [];
    let sameLineCode = '';
    const flush = (nextIsCode: boolean): void => {
      for (const raw of block) {
        for (const name of withAcronym(raw)) {
          const toks = phraseTokens(name);
          let cls: GazetteerClass | null;
          if (file.includes('MilNonState')) cls = 'ORG';
          else if (sameLineCode.length === 3 && file.includes('Countries')) cls = 'LOC';
          else if (toks.some((t) => agentWords.has(t))) cls = file.includes('International') ? 'ORG' : null;
          else cls = nextIsCode || sameLineCode.length > 3 ? 'PER' : null;
          if (cls) addPhrase(g, name, cls);
        }
      }
      block = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.startsWith('#') || line.trim() === '') continue;
      if (/^\s+\[/.test(line)) {
        flush(true);
        continue;
      }
      const m = /^(\+?)([^\s[#{]+)\s*(?:\[([A-Z~]*))?/.exec(line);
      if (!m) continue;
      if (m[1] === '') {
        if (block.length > 0) flush(false);
        sameLineCode = m[3] ?? '';
      }
      block.push(m[2]!);
    }
    flush(false);
  }
}

function addNames(g: Gazetteer, dataDir: string): void {
  for (const [file, cls] of [['common-forenames-by-country.csv', 'FIRST'], ['common-surnames-by-country.csv', 'LAST']] as const) {
    const rows = readFileSync(join(dataDir, 'names-by-country', file), 'utf8').replace(/^\uFEFF/, '').split('\n');
    const col = rows[0]!.split(',').indexOf('Romanized Name');
    for (const row of rows.slice(1)) {
      const name = row.split(',')[col];
      if (name && /^[\p{L}' -]+$/u.test(name)) addPhrase(g, name, cls);
    }
  }
}

interface FactbookField { text?: string; [k: string]: unknown }

function addFactbook(g: Gazetteer, dataDir: string): void {
  const root = join(dataDir, 'factbook');
  for (const region of readdirSync(root).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(root, region)).filter((f) => f.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const d = JSON.parse(readFileSync(join(root, region, f), 'utf8')) as Record<string, Record<string, FactbookField>>;
      const groups = d['Terrorism']?.['Terrorist group(s)']?.text;
      if (typeof groups === 'string') {
        for (const part of groups.replace(/<[^>]+>/g, '').split(/;/)) {
          for (const alt of part.split('/')) for (const name of withAcronym(alt.replace(/\u2019/g, "'"))) addPhrase(g, name, 'ORG');
        }
      }
      const gov = d['Government'] ?? {};
      const cname = gov['Country name'] as Record<string, FactbookField> | undefined;
      for (const k of ['conventional short form', 'conventional long form']) {
        const t = cname?.[k]?.text;
        if (typeof t === 'string' && t !== 'none') addPhrase(g, t, 'LOC');
      }
      const cap = (gov['Capital'] as Record<string, FactbookField> | undefined)?.['name']?.text;
      if (typeof cap === 'string') addPhrase(g, cap.replace(/\(.*?\)|;.*$/g, ''), 'LOC');
    }
  }
}

// Person-name tokens from Wikidata labels (CC0), seen at least twice: "hichem", "qassem", "nouri".
function addNameTokens(g: Gazetteer, dataDir: string): void {
  const path = join(dataDir, 'names-wikidata-en-ar/train.tsv');
  for (const row of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [name, , count] = row.split('\t');
    if (name && Number(count) >= 2 && /^\p{L}[\p{L}'-]+$/u.test(name)) g.add([gazetteerKey(name)], MASK('NAMETOK'));
  }
}

// Names from WikiANN-en train's silver labels (Wikipedia link targets typed automatically): a list of Wikipedia's
// people, organisations and places, kept in classes of their own so training learns how far to trust it. Spans
// with punctuation ("Reagan County , Texas") are left out: CoNLL splits them.
function addWikiann(g: Gazetteer, dataDir: string): void {
  const cls: Record<string, GazetteerClass> = { PER: 'WPER', ORG: 'WORG', LOC: 'WLOC' };
  for (const d of readConll(join(dataDir, 'wikiann-en/train.txt'))) {
    for (const s of d.sentences) {
      for (const c of tagsToChunks(s.tags)) {
        const toks = s.tokens.slice(c.start, c.end);
        if (!cls[c.type] || toks.length > 6 || toks.some((t) => /^[,()"'`:;]+$/.test(t)) || !toks.some((t) => /^\p{Lu}/u.test(t))) continue;
        g.add(toks.map(gazetteerKey), MASK(cls[c.type]!));
      }
    }
  }
}

/**
 * Roles words take in WikiANN-en train's silver names: bit (type, position) is set when at least 2 and at least a
 * quarter of the word's occurrences (in or out of names) have that role ("falcons" L-ORG, "stadium" L-LOC).
 */
export function nameTokenRoles(dataDir: string): Map<string, number> {
  const types = ['PER', 'ORG', 'LOC'];
  const total = new Map<string, number>();
  const roles = new Map<string, Int32Array>();
  for (const d of readConll(join(dataDir, 'wikiann-en/train.txt'))) {
    for (const s of d.sentences) {
      for (const t of s.tokens) total.set(t.toLowerCase(), (total.get(t.toLowerCase()) ?? 0) + 1);
      for (const c of tagsToChunks(s.tags)) {
        const type = types.indexOf(c.type);
        if (type < 0) continue;
        for (let i = c.start; i < c.end; i++) {
          const pos = c.end - c.start === 1 ? 3 : i === c.start ? 0 : i === c.end - 1 ? 2 : 1;
          const w = s.tokens[i]!.toLowerCase();
          let r = roles.get(w);
          if (!r) roles.set(w, (r = new Int32Array(12)));
          r[type * 4 + pos]!++;
        }
      }
    }
  }
  const out = new Map<string, number>();
  for (const [w, r] of roles) {
    let mask = 0;
    r.forEach((n, b) => {
      if (n >= 2 && n * 4 >= total.get(w)!) mask |= 1 << b;
    });
    if (mask) out.set(w, mask);
  }
  return out;
}

/** Builds the gazetteer from the shared data folder. */
export function buildGazetteer(dataDir: string): Gazetteer {
  const g = new Gazetteer();
  addCountryInfo(g, dataDir);
  addPhoenix(g, dataDir);
  addNames(g, dataDir);
  addFactbook(g, dataDir);
  addNameTokens(g, dataDir);
  if (process.env.NER_WIKI_GAZ === '1') addWikiann(g, dataDir);
  for (const w of TITLES.split(/\s+/)) addPhrase(g, w.replace(/-/g, ' '), 'TITLE');
  for (const w of ORG_WORDS.split(/\s+/)) addPhrase(g, w, 'ORGWORD');
  return g;
}
