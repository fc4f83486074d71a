/** Compiles a parsed query to SQLite FTS5 MATCH syntax; every word is quoted, so user input can never inject FTS syntax. */
import type { QueryNode } from '../query.js';

const quote = (word: string): string => `"${word.replace(/"/g, '""')}"`;

/** Returns the FTS5 MATCH expression for a query tree. */
export function toFts5(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return quote(node.word) + (node.prefix ? '*' : '');
    case 'phrase': return quote(node.words.join(' '));
    case 'and': return `(${node.children.map(toFts5).join(' AND ')})`;
    case 'or': return `(${node.children.map(toFts5).join(' OR ')})`;
    case 'not': return `(${toFts5(node.positive)} NOT ${toFts5(node.negative)})`;
    case 'near': return `NEAR(${node.children.map(toFts5).join(' ')}, ${node.distance})`;
  }
}
