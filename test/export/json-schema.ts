/**
 * A small JSON Schema checker, enough for the OASIS STIX 2.1 schemas: $ref across files and to #/definitions, type,
 * enum, const, pattern, min/max length, minimum/maximum, required, properties, patternProperties,
 * additionalProperties, propertyNames, minProperties, items, contains, minItems/maxItems, allOf, anyOf, oneOf, not and
 * if/then/else. Not checked: `format` (annotations only in draft 2020-12), $dynamicRef, unevaluated*, and any keyword
 * the schemas do not use; `unknownKeywords` lists keywords met that this checker ignores, so a test can say so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Schema = boolean | { [key: string]: unknown };

const KNOWN = new Set([
  '$id', '$schema', '$ref', 'title', 'description', 'definitions', '$defs', 'type', 'enum', 'const', 'pattern', 'minLength', 'maxLength',
  'minimum', 'maximum', 'required', 'properties', 'patternProperties', 'additionalProperties', 'propertyNames', 'minProperties',
  'items', 'contains', 'minItems', 'maxItems', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'format',
]);

/** Schemas loaded from a folder tree, addressed by their `$id`. */
export class SchemaSet {
  private readonly byId = new Map<string, Record<string, unknown>>();
  private readonly patterns = new Map<string, RegExp>();
  /** Keywords met during validation that this checker does not implement. */
  readonly unknownKeywords = new Set<string>();

  /** Loads every *.json below `dir`. */
  constructor(dir: string) {
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.json')) {
          const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
          if (typeof schema.$id === 'string') this.byId.set(schema.$id, schema);
        }
      }
    };
    walk(dir);
  }

  /** The $id of the loaded schema whose id ends with `suffix` ("common/bundle.json"). */
  idOf(suffix: string): string {
    const id = [...this.byId.keys()].find((k) => k.endsWith(`/${suffix}`));
    if (!id) throw new Error(`No schema ${suffix}`);
    return id;
  }

  /** Error messages (empty when valid) for `value` against the schema with this $id. */
  validate(id: string, value: unknown): string[] {
    const root = this.byId.get(id);
    if (!root) throw new Error(`Unknown schema ${id}`);
    return this.check(root, value, id, '');
  }

  /** Follows a $ref relative to the current file: another file, a fragment in one, or a fragment here. */
  private resolve(ref: string, base: string): { schema: Schema; base: string } {
    const url = new URL(ref, base);
    const fileId = url.href.replace(/#.*$/, '');
    let schema: unknown = this.byId.get(fileId);
    if (schema === undefined) throw new Error(`Unresolved $ref ${ref} from ${base}`);
    for (const part of url.hash.replace(/^#\/?/, '').split('/').filter(Boolean)) schema = (schema as Record<string, unknown>)[decodeURIComponent(part)];
    if (schema === undefined) throw new Error(`Unresolved fragment in $ref ${ref} from ${base}`);
    return { schema: schema as Schema, base: fileId };
  }

  private regex(pattern: string): RegExp {
    // Without the "u" flag: the schemas escape "-" outside classes, which Unicode-mode regular expressions reject.
    let re = this.patterns.get(pattern);
    if (!re) this.patterns.set(pattern, (re = new RegExp(pattern)));
    return re;
  }

  private check(schema: Schema, value: unknown, base: string, path: string): string[] {
    if (schema === true) return [];
    if (schema === false) return [`${path || '/'}: no value is allowed here`];
    const s = schema;
    if (typeof s.$id === 'string') base = new URL(s.$id, base).href;
    const errors: string[] = [];
    const fail = (message: string) => errors.push(`${path || '/'}: ${message}`);
    const sub = (child: unknown, v: unknown, p = path) => this.check(child as Schema, v, base, p);
    for (const key of Object.keys(s)) if (!KNOWN.has(key)) this.unknownKeywords.add(key);

    if (typeof s.$ref === 'string') {
      const target = this.resolve(s.$ref, base);
      errors.push(...this.check(target.schema, value, target.base, path));
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeMatches(t, value))) fail(`expected ${types.join(' or ')}`);
    }
    if (Array.isArray(s.enum) && !s.enum.some((x) => deepEqual(x, value))) fail(`must be one of ${JSON.stringify(s.enum)}`);
    if ('const' in s && !deepEqual(s.const, value)) fail(`must equal ${JSON.stringify(s.const)}`);
    if (typeof value === 'string') {
      if (typeof s.pattern === 'string' && !this.regex(s.pattern).test(value)) fail(`"${value}" does not match ${s.pattern}`);
      const length = [...value].length;
      if (typeof s.minLength === 'number' && length < s.minLength) fail(`shorter than ${s.minLength}`);
      if (typeof s.maxLength === 'number' && length > s.maxLength) fail(`longer than ${s.maxLength}`);
    }
    if (typeof value === 'number') {
      if (typeof s.minimum === 'number' && value < s.minimum) fail(`below ${s.minimum}`);
      if (typeof s.maximum === 'number' && value > s.maximum) fail(`above ${s.maximum}`);
    }
    if (isObject(value)) {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
      for (const req of (s.required ?? []) as string[]) if (!(req in value)) fail(`missing required property "${req}"`);
      if (typeof s.minProperties === 'number' && Object.keys(value).length < s.minProperties) fail(`fewer than ${s.minProperties} properties`);
      for (const [key, v] of Object.entries(value)) {
        const p = `${path}/${key}`;
        let matched = false;
        if (key in props) { matched = true; errors.push(...sub(props[key], v, p)); }
        for (const [pattern, child] of patterns) {
          if (this.regex(pattern).test(key)) { matched = true; errors.push(...sub(child, v, p)); }
        }
        if (!matched && s.additionalProperties !== undefined) errors.push(...sub(s.additionalProperties, v, p));
        if (s.propertyNames !== undefined) errors.push(...sub(s.propertyNames, key, `${p} (name)`));
      }
    }
    if (Array.isArray(value)) {
      if (typeof s.minItems === 'number' && value.length < s.minItems) fail(`fewer than ${s.minItems} items`);
      if (typeof s.maxItems === 'number' && value.length > s.maxItems) fail(`more than ${s.maxItems} items`);
      if (s.items !== undefined) value.forEach((v, i) => errors.push(...sub(s.items, v, `${path}/${i}`)));
      if (s.contains !== undefined && !value.some((v) => sub(s.contains, v).length === 0)) fail('no item matches "contains"');
    }
    for (const child of (s.allOf ?? []) as Schema[]) errors.push(...sub(child, value));
    if (Array.isArray(s.anyOf) && !s.anyOf.some((child) => sub(child, value).length === 0)) {
      fail(`matches none of anyOf (${s.anyOf.map((c) => sub(c, value)[0]).join(' | ').slice(0, 600)})`);
    }
    if (Array.isArray(s.oneOf)) {
      const passing = s.oneOf.filter((child) => sub(child, value).length === 0).length;
      if (passing !== 1) fail(`matches ${passing} of oneOf, not exactly one`);
    }
    if (s.not !== undefined && sub(s.not, value).length === 0) fail('matches a "not" schema');
    if (s.if !== undefined) {
      const branch = sub(s.if, value).length === 0 ? s.then : s.else;
      if (branch !== undefined) errors.push(...sub(branch, value));
    }
    return errors;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'null': return value === null;
    default: return typeof value === type;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
