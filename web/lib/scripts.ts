/** Groups an entity's names by writing system, so its Persian, Arabic and Latin spellings show side by side. */

/** The writing system of a name, as a reader names it; Persian and Arabic told apart by the letters only one uses. */
export function scriptLabel(name: string): string {
  let arabic = 0;
  let latin = 0;
  let cyrillic = 0;
  for (const ch of name) {
    if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
  }
  if (arabic > 0 && arabic >= latin) {
    // پ چ ژ گ and the Persian kaf and yeh against ة and the Arabic kaf and yeh.
    if (/[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u.test(name)) return 'Persian';
    if (/[\u0629\u0643\u064A]/u.test(name)) return 'Arabic';
    return 'Arabic script';
  }
  if (cyrillic > latin) return 'Cyrillic';
  return latin > 0 ? 'Latin' : 'Other';
}

/** Names grouped by script, the groups in order of first appearance, each name once. */
export function namesByScript(names: readonly string[]): { script: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const label = scriptLabel(name);
    const list = groups.get(label) ?? [];
    if (!list.includes(name)) list.push(name);
    groups.set(label, list);
  }
  return [...groups].map(([script, list]) => ({ script, names: list }));
}
