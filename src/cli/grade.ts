/**
 * `cablegraph grade DOC B2`, `cablegraph grade --outlet "Middle East Eye" B2 [--collection NAME]`: the Admiralty grade
 * (source reliability A-F, information credibility 1-6) of a document or of an outlet (the folded source of documents:
 * publisher, site, e-mail sender's domain); `--remove` takes it away; with no grade, prints the grade in force.
 * Audited as the local user (cli:NAME), as the API audits its grade routes.
 */
import type { Command } from 'commander';
import { ALL_COLLECTIONS, type Store } from '../store/store.js';
import { outletKey } from '../store/curation.js';
import { parseGrade, GradeError, gradeCode, RELIABILITY, CREDIBILITY, type Grade } from '../network/curation/grade.js';
import { readGradings } from '../network/curation/gradings.js';
import { withDb, withStore, UserError } from './common.js';
import { cliUser } from './protect.js';

interface GradeOptions { db?: string; outlet?: boolean; collection?: string; remove?: boolean; by?: string }

function parse(text: string): Grade {
  try {
    return parseGrade(text);
  } catch (err) {
    if (err instanceof GradeError) throw new UserError(err.message);
    throw err;
  }
}

const describe = (g: Grade): string => `${gradeCode(g)} (${RELIABILITY[g.reliability]}; ${CREDIBILITY[g.credibility]})`;

async function audit(store: Store, action: string, target: string, details: Record<string, unknown>): Promise<void> {
  await store.trust.appendAudit({ at: new Date().toISOString(), user: cliUser(), address: 'local', action, target, details });
}

/** The collection an outlet grade is for: --collection, else the store's only collection. */
async function outletCollection(store: Store, wanted?: string): Promise<string> {
  const all = await store.listCollections();
  if (wanted) {
    if (!all.includes(wanted)) throw new UserError(`No collection named "${wanted}" (there are: ${all.join(', ') || 'none'}).`);
    return wanted;
  }
  if (all.length === 1) return all[0]!;
  throw new UserError(`The store has ${all.length} collections: say which with --collection (${all.join(', ')}).`);
}

async function gradeOutlet(store: Store, outlet: string, grade: string | undefined, opts: GradeOptions): Promise<void> {
  const collection = await outletCollection(store, opts.collection);
  const key = outletKey(outlet);
  if (!key) throw new UserError('The outlet is empty.');
  if (opts.remove) {
    const removed = await store.curation.clearOutletGrade(collection, outlet);
    await audit(store, 'outlet-grade-removed', key, { collection, removed });
    process.stdout.write(removed ? `Outlet "${key}" in ${collection} is no longer graded.\n` : `Outlet "${key}" in ${collection} had no grade.\n`);
    return;
  }
  if (grade === undefined) {
    const g = (await store.curation.listOutletGrades([collection])).find((x) => x.outlet === key);
    process.stdout.write(g ? `Outlet "${key}" in ${collection}: ${describe(g)}, set by ${g.by ?? 'unknown'} at ${g.at}.\n` : `Outlet "${key}" in ${collection} is not graded.\n`);
    return;
  }
  const g = parse(grade);
  const known = (await store.curation.listOutlets([collection])).find((o) => o.outlet === key);
  await store.curation.setOutletGrade(collection, outlet, { ...g, by: opts.by ?? cliUser() });
  await audit(store, 'outlet-grade-set', key, { collection, grade: gradeCode(g) });
  process.stdout.write(`Outlet "${key}" in ${collection} graded ${describe(g)}: ${known ? `${known.documents} documents` : 'no stored document yet'} inherit it unless graded themselves.\n`);
}

async function gradeDocument(store: Store, id: string, grade: string | undefined, opts: GradeOptions): Promise<void> {
  const [doc] = await store.getDocumentSummaries([id], ALL_COLLECTIONS);
  if (!doc) throw new UserError(`No document with id ${id}.`);
  if (opts.remove) {
    const removed = await store.curation.clearDocumentGrade(doc.id);
    await audit(store, 'grade-removed', doc.id, { collection: doc.collection, removed });
  } else if (grade !== undefined) {
    const g = parse(grade);
    await store.curation.setDocumentGrade(doc.id, doc.collection, { ...g, by: opts.by ?? cliUser() });
    await audit(store, 'grade-set', doc.id, { collection: doc.collection, grade: gradeCode(g) });
  }
  const now = (await readGradings(store, ALL_COLLECTIONS, [doc.id])).grade(doc.id);
  process.stdout.write(now
    ? `${doc.id}: ${describe(now)}${now.from === 'outlet' ? `, from its outlet "${now.outlet}"` : ''}, set by ${now.by ?? 'unknown'} at ${now.at}.\n`
    : `${doc.id}: not graded${doc.source ? ` (outlet "${outletKey(doc.source)}" is not graded either)` : ''}.\n`);
}

/** Registers grade. */
export function registerGrade(program: Command): void {
  withDb(program.command('grade'))
    .description('Grade a document or an outlet (Admiralty: source reliability A-F, information credibility 1-6, e.g. B2); without a grade, show it.')
    .argument('<target>', 'document id, or with --outlet the outlet (a document source such as "Middle East Eye" or a sender\'s domain)')
    .argument('[grade]', 'e.g. B2; F and 6 mean "cannot be judged"')
    .option('--outlet', 'grade the outlet <target>: its documents inherit the grade unless graded themselves')
    .option('--collection <name>', 'the outlet\'s collection (needed when the store has several)')
    .option('--remove', 'remove the grade')
    .option('--by <name>', 'who graded (default: cli:<user>)')
    .action(async (target: string, grade: string | undefined, opts: GradeOptions) => {
      if (opts.remove && grade !== undefined) throw new UserError('Give a grade or --remove, not both.');
      await withStore(opts, (store) => (opts.outlet ? gradeOutlet(store, target, grade, opts) : gradeDocument(store, target, grade, opts)));
    });
}
