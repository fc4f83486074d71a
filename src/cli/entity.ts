/** `cablegraph entity <name>`: an entity with its aliases (and why merged), relations with evidence and source counts, events, documents. */
import type { Command } from 'commander';
import { ENTITY_DOCUMENTS, ENTITY_EVENTS, ENTITY_RELATIONS, RELATION_TYPES } from '../model/index.js';
import { DEFAULT_MIN_CONFIDENCE } from '../extract/index.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import { findEntity } from '../network/find-entity.js';
import { viewEntity } from '../network/entity-view.js';
import { entityDocuments } from '../network/entity-documents.js';
import { entityEvents } from '../network/entity-events.js';
import { withDb, withStore, printJson, bold, UserError } from './common.js';

/** Registers the entity command. */
export function registerEntity(program: Command): void {
  withDb(program.command('entity'))
    .description('Show an entity: aliases and merge reasons, relations with evidence sentences and independent-source counts, events, documents.')
    .argument('<name>', 'a name or alias (spelling variants are found), or an entity id')
    .option('--json', 'print as JSON')
    .option('--all', 'include low-confidence relations (hidden by default)')
    .option('--documents <n>', `how many of its documents to list, most mentions first (default ${ENTITY_DOCUMENTS})`)
    .option('--events <n>', `how many of its events to list, the newest first (default ${ENTITY_EVENTS})`)
    .option('--relations <n>', `how many of its relations to list, the strongest first (default ${ENTITY_RELATIONS})`)
    .action(async (name: string, opts: { db?: string; json?: boolean; all?: boolean; documents?: string; events?: string; relations?: string }) => {
      const wanted = opts.documents === undefined ? ENTITY_DOCUMENTS : Number(opts.documents);
      if (!Number.isInteger(wanted) || wanted < 0) throw new UserError(`--documents takes a whole number, not "${opts.documents}".`);
      const wantedEvents = opts.events === undefined ? ENTITY_EVENTS : Number(opts.events);
      if (!Number.isInteger(wantedEvents) || wantedEvents < 0) throw new UserError(`--events takes a whole number, not "${opts.events}".`);
      const wantedRelations = opts.relations === undefined ? ENTITY_RELATIONS : Number(opts.relations);
      if (!Number.isInteger(wantedRelations) || wantedRelations < 0) throw new UserError(`--relations takes a whole number, not "${opts.relations}".`);
      await withStore(opts, async (store) => {
        const match = await findEntity(store, ALL_COLLECTIONS, name);
        if (!match) throw new UserError(`No entity named "${name}". Try: cablegraph search "${name}"`);
        const view = (await viewEntity(store, match.id, ALL_COLLECTIONS, { relations: { offset: 0, limit: wantedRelations } }))!;
        // Fewer than the page carries: cut; more: read them (the page's lists are the first of each ranking).
        if (wanted < view.documents.length) view.documents = view.documents.slice(0, wanted);
        else if (wanted > view.documents.length && view.documentCount > view.documents.length) {
          view.documents = (await entityDocuments(store, match.id, ALL_COLLECTIONS, 0, wanted))?.items ?? view.documents;
        }
        if (wantedEvents < view.events.length) view.events = view.events.slice(0, wantedEvents);
        else if (wantedEvents > view.events.length && view.eventCount > view.events.length) {
          const more = await entityEvents(store, match.id, ALL_COLLECTIONS, 0, wantedEvents);
          if (more) {
            view.events = more.items;
            view.names = { ...view.names, ...more.names };
          }
        }
        if (opts.json) return printJson(view);
        const out = process.stdout;
        const e = view.entity;
        out.write(`${bold(e.name)}  ${e.type}  [${e.id}]  ${e.mentionCount} mention(s) in ${e.documentIds.length} document(s)\n`);
        if (e.aliases.length) out.write(`${bold('aliases')}  ${e.aliases.join('; ')}\n`);
        for (const r of e.reasons) out.write(`  merged: ${r.a} + ${r.b}  (${r.rule}, ${r.score.toFixed(2)}${r.evidence ? `: ${r.evidence}` : ''})\n`);
        // A hub's page lists the reasons of its first members only (see viewEntity).
        if (view.membersNote) out.write(`  ${view.membersNote} ${e.reasons.length} of ${view.reasonCount} merge reasons shown.\n`);
        const shown = view.relations.filter((r) => opts.all || r.confidence >= DEFAULT_MIN_CONFIDENCE);
        const relationCount = view.relationCount ?? view.relations.length;
        const capped = view.relations.length < relationCount ? `; the ${view.relations.length} strongest of ${relationCount} read, --relations N reads more` : '';
        out.write(`\n${bold('relations')} (${shown.length}${shown.length < view.relations.length ? `, ${view.relations.length - shown.length} low-confidence hidden; --all shows them` : ''}${capped})\n`);
        for (const r of shown) {
          const t = (RELATION_TYPES as Record<string, { label: string; inverse: string }>)[r.type];
          const label = r.direction === 'out' ? t?.label ?? r.type : t?.inverse ?? r.type;
          out.write(`  ${label} ${bold(r.other?.name ?? '?')}  (confidence ${r.confidence.toFixed(2)}, ${r.independentSources} independent source(s))\n`);
          for (const ev of r.evidence) out.write(`      "${ev.text.replace(/\s+/g, ' ')}"  [${ev.documentId} ${ev.start}-${ev.end}]\n`);
          for (const ev of r.contradictions ?? []) out.write(`      DENIED: "${ev.text.replace(/\s+/g, ' ')}"  [${ev.documentId}]\n`);
        }
        out.write(`\n${bold('events')} (${view.eventCount}${view.events.length < view.eventCount ? `, the ${view.events.length} newest listed; --events N lists more` : ''})\n`);
        for (const ev of view.events) {
          out.write(`  ${ev.date || '(undated)'}  ${ev.type}: ${ev.participants.map((p) => view.names[p] ?? p).join(', ')}\n      "${ev.evidence[0]?.text.replace(/\s+/g, ' ') ?? ''}"\n`);
        }
        if (view.claims.length) {
          out.write(`\n${bold('claims made')} (${view.claims.length})\n`);
          for (const c of view.claims) out.write(`  ${c.stance}: ${c.text.replace(/\s+/g, ' ')}\n`);
        }
        out.write(`\n${bold('documents')} (${view.documentCount}${view.documents.length < view.documentCount ? `, the ${view.documents.length} naming it most listed; --documents N lists more` : ''})\n`);
        for (const d of view.documents) out.write(`  ${d.id}  ${d.title ?? d.path}${d.mentions !== null ? `  (${d.mentions} mention${d.mentions === 1 ? '' : 's'})` : ''}\n`);
      });
    });
}
