/**
 * Note search by key, shared by both engines: each note's folded index words (indexWords, as the search matches them)
 * are kept in note_words (migration 19), refreshed from the queue the notes' triggers fill; a query becomes the set of
 * notes holding the words it needs (INTERSECT for AND, phrases and NEAR, UNION for OR, the positive side of NOT),
 * read through note_words' primary key. That set can hold more than the query matches (a phrase's words in another
 * order, NOT): the caller checks each note with the query itself (noteMatches).
 */
import type { QueryNode } from '../query.js';
import { indexWords } from '../text-fold.js';
import type { TrustSql } from './trust-store.js';

// Rows per insert statement (3 parameters each).
const ROWS = 300;
// Queued notes read per round.
const QUEUE = 500;
// Above every code point a folded word may continue with: a prefix p matches words in [p, p + TOP).
const TOP = '\u{10FFFF}';

/** Refreshes the words of the notes queued since the last search (written, edited, or there before migration 19). */
export async function indexQueuedNotes(sql: TrustSql): Promise<void> {
  for (;;) {
    const queued = await sql.all<{ note_id: number | string }>('SELECT note_id FROM note_words_pending ORDER BY note_id LIMIT ?', [QUEUE]);
    if (queued.length === 0) return;
    for (const { note_id } of queued) {
      const id = Number(note_id);
      // Off the queue first: an edit after the text is read queues the note again.
      await sql.run('DELETE FROM note_words_pending WHERE note_id = ?', [id]);
      const [note] = await sql.all<{ text: string }>('SELECT text FROM notes WHERE id = ?', [id]);
      await sql.run('DELETE FROM note_words WHERE note_id = ?', [id]);
      if (!note) continue;
      const rows = indexWords(note.text).map((word, pos) => [word, id, pos] as const);
      for (let i = 0; i < rows.length; i += ROWS) {
        const part = rows.slice(i, i + ROWS);
        await sql.run(`INSERT INTO note_words (word, note_id, pos) VALUES ${part.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`, part.flat());
      }
    }
  }
}

/** A statement selecting `note_id` of every note holding the words `query` needs (a superset of its matches), with its parameters. */
export function noteCandidates(query: QueryNode): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let n = 0;
  const combine = (children: QueryNode[], op: 'INTERSECT' | 'UNION'): string => (children.length === 0 ? NONE
    : children.map((c) => `SELECT note_id FROM (${build(c)}) AS q${++n}`).join(` ${op} `));
  const word = (w: string): string => { params.push(w); return 'SELECT DISTINCT note_id FROM note_words WHERE word = ?'; };
  const build = (node: QueryNode): string => {
    switch (node.kind) {
      case 'term':
        if (!node.prefix) return word(node.word);
        params.push(node.word, node.word + TOP);
        return 'SELECT DISTINCT note_id FROM note_words WHERE word >= ? AND word < ?';
      case 'phrase':
        return node.words.length === 0 ? NONE : node.words.map((w) => `SELECT note_id FROM (${word(w)}) AS q${++n}`).join(' INTERSECT ');
      case 'and':
      case 'near':
        return combine(node.children, 'INTERSECT');
      case 'or':
        return combine(node.children, 'UNION');
      case 'not':
        return build(node.positive);
    }
  };
  return { sql: build(query), params };
}

const NONE = 'SELECT note_id FROM note_words WHERE 1 = 0';
