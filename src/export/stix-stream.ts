/**
 * The STIX bundle written a page at a time, the same text as buildStix. The bundle's id hashes every object id and comes
 * before the objects, and each report lists the objects of its document, found in every other list; so objects are
 * written to a temporary file while their ids are hashed, and each report's references are kept on disk in buckets by
 * document id (a document's references in the order they were found), read back one bucket at a time for the reports.
 */
import { createReadStream } from 'node:fs';
import { appendFile, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entity } from '../model/index.js';
import type { ExportOptions } from './dataset.js';
import { exportTimestamp } from './dataset.js';
import type { ExportSource } from './source.js';
import { CABLEGRAPH_NAMESPACE, Uuid5 } from './uuid.js';
import { scratchFolder } from './scratch.js';
import { presentClaimNote, presentEntity, presentEventNote, presentEvidenceNote, presentRelation, presentReport, relationLabel, stixId, PRODUCER, type StixObject } from './stix.js';

const OBJECT_INDENT = '\n    ';
// References kept in memory before they are appended to their bucket files.
const FLUSH_REFS = 10_000;

/** Object ids per document id, kept on disk in buckets by the id's first two characters, in the order they were added. */
class DiskRefs {
  private pending = new Map<string, string[]>();
  private held = 0;
  private seq = 0;
  private loaded: { bucket: string; refs: Map<string, Set<string>> } | null = null;
  constructor(private readonly dir: string) {}

  async add(documentId: string, ref: string): Promise<void> {
    const bucket = bucketOf(documentId);
    const line = `${documentId}\t${this.seq++}\t${ref}\n`;
    const list = this.pending.get(bucket);
    if (list) list.push(line);
    else this.pending.set(bucket, [line]);
    if (++this.held >= FLUSH_REFS) await this.flush();
  }

  async flush(): Promise<void> {
    for (const [bucket, lines] of this.pending) await appendFile(join(this.dir, `refs-${bucket}`), lines.join(''));
    this.pending.clear();
    this.held = 0;
  }

  /** The refs of a document in the order added (call after flush, documents in id order). */
  async get(documentId: string): Promise<string[]> {
    const bucket = bucketOf(documentId);
    if (this.loaded?.bucket !== bucket) {
      const refs = new Map<string, Set<string>>();
      const text = await readFile(join(this.dir, `refs-${bucket}`), 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return '';
        throw err;
      });
      const rows = text.split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string, string]);
      rows.sort((a, b) => Number(a[1]) - Number(b[1]));
      for (const [doc, , ref] of rows) (refs.get(doc) ?? refs.set(doc, new Set()).get(doc)!).add(ref);
      this.loaded = { bucket, refs };
    }
    return [...(this.loaded.refs.get(documentId) ?? [])];
  }
}

/** A file-name-safe bucket of a document id (its first two characters; ids are hex). */
const bucketOf = (documentId: string): string => Buffer.from(documentId.slice(0, 2)).toString('hex');

/** The STIX export text, streamed (see the module comment). */
export async function* writeStix(source: ExportSource, options: ExportOptions = {}): AsyncGenerator<string> {
  const now = exportTimestamp(options);
  const common = { spec_version: '2.1', created: now, modified: now, created_by_ref: PRODUCER };
  const { dir, remove } = await scratchFolder('cablegraph-stix-');
  try {
    const objectsPath = join(dir, 'objects');
    const file = await open(objectsPath, 'w');
    const bundle = new Uuid5(CABLEGRAPH_NAMESPACE);
    bundle.update(`bundle:${now}:`);
    let first = true;
    const write = async (objects: StixObject[]) => {
      if (objects.length === 0) return;
      for (const o of objects) {
        bundle.update(first ? o.id : `,${o.id}`);
        first = false;
      }
      await file.write(objects.map((o) => `${OBJECT_INDENT}${JSON.stringify(o, null, 2).replace(/\n/g, OBJECT_INDENT)}`).join(','));
      await file.write(',');
    };
    const refs = new DiskRefs(dir);
    try {
      await write([{ type: 'identity', id: PRODUCER, spec_version: '2.1', created: now, modified: now, name: 'Cablegraph', identity_class: 'system' }]);
      for await (const page of source.entities()) {
        const sdos = page.map((e) => presentEntity(e, common));
        for (const [i, e] of page.entries()) for (const doc of e.documentIds) await refs.add(doc, sdos[i]!.id);
        await write(sdos);
      }
      const sdo = (e: Pick<Entity, 'id' | 'type'>) => (e.type === 'LOC' ? stixId('location', e.id) : stixId('identity', e.id));
      for await (const page of source.relations()) {
        const entities = await source.entitiesOf(page.flatMap((r) => [r.source, r.target]));
        const out: StixObject[] = [];
        for (const r of page) {
          const [s, t] = [entities.get(r.source), entities.get(r.target)];
          if (!s || !t) continue; // an end outside the scope: never the case for one store, guarded all the same
          out.push(presentRelation(r, stixId('relationship', r.id), sdo(s), sdo(t), `${s.name} ${relationLabel(r.type)} ${t.name}`, common));
        }
        await write(out);
      }
      for await (const page of source.relations()) {
        const entities = await source.entitiesOf(page.flatMap((r) => [r.source, r.target]));
        const name = (id: string) => entities.get(id)?.name ?? id;
        const out: StixObject[] = [];
        for (const r of page) {
          if (!entities.has(r.source) || !entities.has(r.target)) continue;
          const label = relationLabel(r.type);
          const id = stixId('relationship', r.id);
          for (const [i, ev] of r.evidence.entries()) {
            const noteId = stixId('note', `${r.id}#${i}`);
            await refs.add(ev.documentId, id);
            await refs.add(ev.documentId, noteId);
            out.push(presentEvidenceNote(noteId, id, `${name(r.source)} ${label} ${name(r.target)}`, ev, common));
          }
        }
        await write(out);
      }
      for await (const page of source.events()) {
        const entities = await source.entitiesOf(page.flatMap((e) => [...e.participants, ...(e.place ? [e.place] : [])]));
        const out: StixObject[] = [];
        for (const ev of page) {
          const noteId = stixId('note', ev.id);
          const involved = [...ev.participants, ...(ev.place ? [ev.place] : [])].map((p) => entities.get(p)).filter((x) => x !== undefined).map(sdo);
          const docs = [...new Set(ev.evidence.map((x) => x.documentId))];
          for (const doc of docs) await refs.add(doc, noteId);
          out.push(presentEventNote(ev, noteId, involved, docs, common));
        }
        await write(out);
      }
      for await (const page of source.claims()) {
        const entities = await source.entitiesOf(page.flatMap((c) => (c.speaker ? [c.speaker] : [])));
        const out: StixObject[] = [];
        for (const c of page) {
          const noteId = stixId('note', c.id);
          const speaker = c.speaker ? entities.get(c.speaker) : undefined;
          const docs = [...new Set(c.evidence.map((x) => x.documentId))];
          for (const doc of docs) await refs.add(doc, noteId);
          out.push(presentClaimNote(c, noteId, speaker ? sdo(speaker) : undefined, docs, common));
        }
        await write(out);
      }
      await refs.flush();
      for await (const page of source.documents()) {
        const out: StixObject[] = [];
        const locations = await source.locations(page.map((d) => d.id));
        for (const d of page) {
          const own = await refs.get(d.id);
          out.push(presentReport(d, own, common, now, locations.get(d.id)));
        }
        await write(out);
      }
    } finally {
      await file.close();
    }
    yield `{\n  "type": "bundle",\n  "id": "bundle--${bundle.digest()}",\n  "objects": [`;
    // The objects as written, less the comma after the last one.
    const { size } = await stat(objectsPath);
    for await (const chunk of createReadStream(objectsPath, { encoding: 'utf8', start: 0, end: size - 2 })) yield chunk as string;
    yield '\n  ]\n}\n';
  } finally {
    await remove();
  }
}
