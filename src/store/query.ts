/** Query syntax tree; the parser fills it, each store compiles it to its own engine's syntax. */

/** A parsed search query. */
export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; positive: QueryNode; negative: QueryNode }
  | { kind: 'near'; children: QueryNode[]; distance: number };
