/** `cablegraph show <document-id>`: a document's metadata, every place it was found, its children and its text. */
import type { Command } from 'commander';
import { ALL_COLLECTIONS } from '../store/store.js';
import { withDb, withStore, printJson, bold, UserError } from './common.js';

/** Registers the show command. */
export function registerShow(program: Command): void {
  withDb(program.command('show'))
    .description('Show a document: metadata and text.')
    .argument('<document-id>', 'id as printed by search')
    .option('--json', 'print as JSON (with sentences and mentions)')
    .action(async (id: string, opts: { db?: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const doc = await store.getDocument(id, ALL_COLLECTIONS);
        if (!doc) throw new UserError(`No document with id "${id}". Find ids with: cablegraph search "<words>"`);
        const children = await store.listChildren(id, ALL_COLLECTIONS);
        const locations = await store.listLocations(id, ALL_COLLECTIONS);
        const mentions = await store.listMentions(id, ALL_COLLECTIONS);
        if (opts.json) return printJson({ ...doc, locations, children, mentions });
        const out = process.stdout;
        const rows: [string, string | number | null][] = [
          ['id', doc.id], ['title', doc.title], ['source', doc.source], ['published', doc.published], ['author', doc.author],
          ['language', doc.language], ['format', doc.format], ['path', doc.path], ['parent', doc.parentId], ['collection', doc.collection],
          ['sha256', doc.sha256], ['characters', doc.length], ['sentences', doc.sentences.length], ['mentions', mentions.length],
          ['ingested', doc.ingestedAt],
        ];
        for (const [k, v] of rows) if (v !== null && v !== '') out.write(`${bold(k.padEnd(11))} ${v}\n`);
        for (const [k, v] of Object.entries(doc.meta)) out.write(`${bold(k.padEnd(11))} ${v}\n`);
        for (const w of doc.warnings) out.write(`${bold('warning'.padEnd(11))} ${w.path}: [${w.code}] ${w.message}\n`);
        // The same content found elsewhere (another path, another container): every place after the document's own.
        for (const l of locations.slice(1)) out.write(`${bold('also at'.padEnd(11))} ${l.path}${l.parentId ? `  (in ${l.parentId})` : ''}\n`);
        // One line per location: identical members repeat the id, each with its own path.
        for (const c of children) out.write(`${bold('child'.padEnd(11))} ${c.id}  ${c.path}\n`);
        out.write(`\n${doc.text}\n`);
      });
    });
}
