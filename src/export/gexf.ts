/** GEXF 1.3 export (Gephi): entities as coloured nodes, relations as edges weighted by independent sources. */
import type { Entity, EntityType, Relation } from '../model/index.js';
import type { ExportSource } from './source.js';
import { RELATION_TYPES } from '../model/index.js';
import type { ExportData, ExportOptions } from './dataset.js';
import { exportTimestamp } from './dataset.js';
import { xmlAttr, xmlText } from './xml.js';

// The web app's palette (web/theme/entity-colors.ts), repeated here because src/ never imports the web app.
const COLOURS: Record<EntityType, [number, number, number]> = {
  PERSON: [0x1d, 0x4e, 0xd8],
  ORG: [0x7e, 0x22, 0xce],
  LOC: [0x04, 0x78, 0x57],
  MISC: [0x4b, 0x55, 0x63],
};

const NODE_ATTRIBUTES = [['type', 'string'], ['mentionCount', 'integer'], ['documentCount', 'integer'], ['aliases', 'string']] as const;
const EDGE_ATTRIBUTES = [['relation', 'string'], ['confidence', 'double'], ['independentSources', 'integer'], ['evidence', 'string']] as const;

/** The relation's human label ("holds a post in"), or its id when the type is not in the vocabulary. */
function relationLabel(type: string): string {
  return (RELATION_TYPES as Record<string, { label: string } | undefined>)[type]?.label ?? type;
}

/** True for relation types that read the same both ways (met, allied_with): written as undirected edges. */
function isSymmetric(type: string): boolean {
  return (RELATION_TYPES as Record<string, { symmetric: boolean } | undefined>)[type]?.symmetric ?? false;
}

/** Writes one <attvalues> block; values are escaped here so callers pass raw text. */
function attvalues(values: [string, string | number][], indent: string): string {
  const rows = values.map(([key, value]) => `${indent}  <attvalue for="${xmlAttr(key)}" value="${xmlAttr(value)}"/>`);
  return `${indent}<attvalues>\n${rows.join('\n')}\n${indent}</attvalues>`;
}

/** Writes an <attributes> declaration block. */
function declare(cls: 'node' | 'edge', attributes: readonly (readonly [string, string])[]): string {
  const rows = attributes.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`);
  return `    <attributes class="${cls}">\n${rows.join('\n')}\n    </attributes>`;
}

/** Builds the GEXF document: one node per entity, one edge per relation (evidence sentences joined by line breaks). */
export function buildGexf(data: ExportData, options: ExportOptions = {}): string {
  const nodes = data.entities.map(nodeXml);
  const edges = data.relations.map(edgeXml);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      + ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${exportTimestamp(options).slice(0, 10)}">`,
    '    <creator>Cablegraph</creator>',
    `    <description>${xmlText(`${data.entities.length} entities and ${data.relations.length} relations from ${data.documents.length} documents; edge weight = independent sources`)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    declare('node', NODE_ATTRIBUTES),
    declare('edge', EDGE_ATTRIBUTES),
    '    <nodes>',
    ...nodes,
    '    </nodes>',
    '    <edges>',
    ...edges,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

/** One <node> element. */
function nodeXml(e: Entity): string {
  const [r, g, b] = COLOURS[e.type] ?? COLOURS.MISC;
  return [
    `      <node id="${xmlAttr(e.id)}" label="${xmlAttr(e.name)}">`,
    attvalues([['type', e.type], ['mentionCount', e.mentionCount], ['documentCount', e.documentIds.length], ['aliases', e.aliases.join('; ')]], '        '),
    `        <viz:color r="${r}" g="${g}" b="${b}"/>`,
    '      </node>',
  ].join('\n');
}

/** One <edge> element. */
function edgeXml(rel: Relation): string {
  return [
    `      <edge id="${xmlAttr(rel.id)}" source="${xmlAttr(rel.source)}" target="${xmlAttr(rel.target)}" label="${xmlAttr(rel.type)}"`
      + ` type="${isSymmetric(rel.type) ? 'undirected' : 'directed'}" weight="${rel.independentSources}">`,
    attvalues([
      ['relation', relationLabel(rel.type)], ['confidence', rel.confidence], ['independentSources', rel.independentSources],
      ['evidence', rel.evidence.map((ev) => ev.text).join('\n')],
    ], '        '),
    '      </edge>',
  ].join('\n');
}

/**
 * The GEXF document written a page at a time (the same text as buildGexf). Its description counts entities and relations
 * before any node, so they are counted in a first pass over the pages (relations are read twice).
 */
export async function* writeGexf(source: ExportSource, options: ExportOptions = {}): AsyncGenerator<string> {
  let entityCount = 0;
  for await (const page of source.entities()) entityCount += page.length;
  let relationCount = 0;
  for await (const page of source.relations()) relationCount += page.length;
  const documentCount = await source.documentCount();
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      + ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${exportTimestamp(options).slice(0, 10)}">`,
    '    <creator>Cablegraph</creator>',
    `    <description>${xmlText(`${entityCount} entities and ${relationCount} relations from ${documentCount} documents; edge weight = independent sources`)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    declare('node', NODE_ATTRIBUTES),
    declare('edge', EDGE_ATTRIBUTES),
    '    <nodes>\n',
  ].join('\n');
  for await (const page of source.entities()) yield `${page.map(nodeXml).join('\n')}\n`;
  yield '    </nodes>\n    <edges>\n';
  for await (const page of source.relations()) yield `${page.map(edgeXml).join('\n')}\n`;
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
