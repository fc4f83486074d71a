/**
 * The default export of a CommonJS package. Under NodeNext, TypeScript types `import x from 'cjs-package'` as the module
 * object ({default: fn}) while bundlers hand over module.exports itself (the function); this accepts both.
 */
export function cjsDefault<T>(imported: { default: T }): T {
  const value = imported as unknown as { default?: T };
  return value.default ?? (imported as unknown as T);
}
