/**
 * Reads the FollowTheMoney schema YAML (/work/shared/data/followthemoney-schema, not shipped with the repository) just
 * far enough to check an export: schema names, `extends`, `abstract`, `required`, and each property's `type` and
 * `range`. It is an indentation scanner for that one file layout, not a YAML parser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the schema files are on the development machines; tests skip when they are absent. */
export const FTM_SCHEMA_DIR = process.env.FTM_SCHEMA_DIR ?? '/work/shared/data/followthemoney-schema';

/** One property as declared. */
export interface FtmProperty {
  type?: string;
  range?: string;
}

/** One schema as declared (own properties only; see `allProperties`). */
export interface FtmSchema {
  name: string;
  extends: string[];
  abstract: boolean;
  required: string[];
  properties: Record<string, FtmProperty>;
}

/** Scans one schema file. */
function readSchema(text: string): FtmSchema {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const name = lines.find((l) => /^\S[^:]*:\s*$/.test(l))!.replace(/:\s*$/, '');
  const schema: FtmSchema = { name, extends: [], abstract: false, required: [], properties: {} };
  let section = '';
  let property: FtmProperty | undefined;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const t = line.trim().replace(/\s+#.*$/, '');
    if (indent === 2) {
      section = t.replace(/:.*$/, '');
      if (t === 'abstract: true') schema.abstract = true;
    } else if (indent === 4 && section === 'properties' && t.endsWith(':')) {
      property = {};
      schema.properties[t.slice(0, -1)] = property;
    } else if (indent === 4 && t.startsWith('- ') && (section === 'extends' || section === 'required')) {
      schema[section].push(t.slice(2).trim());
    } else if (indent === 6 && section === 'properties' && property) {
      const m = /^(type|range):\s*"?([\w]+)"?/.exec(t);
      if (m) property[m[1] as 'type' | 'range'] = m[2];
    }
  }
  return schema;
}

/** Every schema in the folder by name, or null when the folder is absent. */
export function loadFtmModel(dir = FTM_SCHEMA_DIR): Map<string, FtmSchema> | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== 'Documentation.yml');
  return new Map(files.map((f) => readSchema(readFileSync(join(dir, f), 'utf8'))).map((s) => [s.name, s]));
}

/** The schema and all its ancestors' names. */
export function ancestry(model: Map<string, FtmSchema>, name: string): string[] {
  const schema = model.get(name);
  if (!schema) return [];
  return [...new Set([name, ...schema.extends.flatMap((p) => ancestry(model, p))])];
}

/** Properties of a schema including inherited ones. */
export function allProperties(model: Map<string, FtmSchema>, name: string): Record<string, FtmProperty> {
  return Object.assign({}, ...ancestry(model, name).reverse().map((n) => model.get(n)!.properties)) as Record<string, FtmProperty>;
}
