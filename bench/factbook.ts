/** The Factbook benchmark corpus: each country profile (JSON) converted to one plain-text document. */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the shared data sets live (beside the repository). */
export const SHARED_DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');

/** Turns a Factbook profile into text: section and field names as headings, HTML tags removed. */
export function profileToText(name: string, profile: unknown): string {
  const lines: string[] = [name, ''];
  const walk = (node: unknown, heading: string): void => {
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'text' && typeof value === 'string') {
          lines.push(`${heading}: ${value.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}`);
        } else {
          walk(value, key.trim());
        }
      }
    }
  };
  walk(profile, name);
  return lines.join('\n');
}

/** Writes every profile as a .txt file under `dir`; returns the texts (path, text) in a stable order. */
export function writeFactbookTexts(dir: string): { path: string; text: string }[] {
  const root = join(SHARED_DATA, 'factbook');
  if (!existsSync(root)) throw new Error(`Factbook data not found at ${root}: the benchmark needs ../shared/data beside the repository.`);
  mkdirSync(dir, { recursive: true });
  const out: { path: string; text: string }[] = [];
  for (const region of readdirSync(root).sort()) {
    const regionDir = join(root, region);
    if (!region.match(/^[a-z-]+$/) || !existsSync(regionDir)) continue;
    for (const file of readdirSync(regionDir).filter((f) => f.endsWith('.json')).sort()) {
      const profile = JSON.parse(readFileSync(join(regionDir, file), 'utf8')) as Record<string, unknown>;
      const text = profileToText(`${region}/${file.replace(/\.json$/, '')}`, profile);
      const path = join(dir, `${region}-${file.replace(/\.json$/, '.txt')}`);
      writeFileSync(path, text);
      out.push({ path, text });
    }
  }
  return out;
}

/** A fixed list of 100 queries mixing words, phrases, prefixes, booleans and NEAR. */
export const BENCH_QUERIES: string[] = [
  'oil', 'petroleum', 'coffee', 'tourism', 'earthquakes', 'drought', 'volcanic', 'desertification', 'deforestation', 'fishing',
  'democracy', 'monarchy', 'parliament', 'constitution', 'independence', 'colony', 'federal', 'republic', 'referendum', 'coup',
  'Mediterranean', 'Atlantic', 'Pacific', 'Caribbean', 'Himalayas', 'Sahara', 'Amazon', 'Danube', 'Nile', 'Andes',
  '"civil war"', '"European Union"', '"United Nations"', '"natural gas"', '"per capita"', '"life expectancy"', '"official language"',
  '"arable land"', '"tropical cyclones"', '"national holiday"', '"head of state"', '"legal system"', '"suffrage"', '"inflation rate"',
  '"public debt"', '"population growth"', '"infant mortality"', '"Roman Catholic"', '"Sunni Muslim"', '"Shia Muslim"',
  'agricul*', 'indust*', 'miner*', 'export*', 'electr*', 'telecom*', 'refug*', 'militar*', 'nuclear*', 'terror*',
  'oil AND gas', 'coffee OR cocoa', 'islands NOT volcanic', 'mountains AND glaciers', 'uranium OR gold', 'Muslim AND Christian',
  'drought AND famine', 'tourism -beaches', 'bauxite OR aluminum', 'rice AND fish', '(oil OR gas) AND pipeline', 'cotton AND textiles',
  'Iran', 'Iraq', 'Syria', 'Israel', 'Kurdish', 'Shia', 'Baghdad', 'Tehran', 'Hezbollah', 'sanctions',
  'NEAR(oil exports, 5)', 'NEAR(civil war, 3)', 'nuclear NEAR/5 weapons', 'human NEAR/3 trafficking', 'NEAR(money laundering, 4)',
  'refugees AND camps', 'landlocked', 'glaciers', 'hydropower', 'peacekeeping', 'insurgency', 'piracy', 'narcotics', 'cocaine', 'opium', 'heroin', 'cannabis', 'smuggling',
];
