/** GEXF export: well-formed XML 1.3 with escaped names, one node per entity, one weighted edge per relation. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildGexf } from '../../src/export/gexf.js';
import type { ExportData } from '../../src/export/dataset.js';
import type { Store } from '../../src/store/store.js';
import { AWKWARD, awkwardData, extractedSample } from './fixtures.js';
import { readXml, findAll, type XmlElement } from './xml-reader.js';

const T = { timestamp: '2020-01-03T00:00:00.000Z' };

/** A node's or edge's attribute values by attribute id. */
function values(el: XmlElement): Record<string, string> {
  return Object.fromEntries(findAll(el, 'attvalue').map((a) => [a.attrs.for!, a.attrs.value!]));
}

describe('GEXF export', () => {
  it('escapes & < > " and keeps Arabic script and line breaks intact', () => {
    const xml = buildGexf(awkwardData(), T);
    assert.match(xml, /label="Smith &amp; Sons &lt;Holdings&gt; &quot;Ltd&quot;"/);
    assert.ok(xml.includes(`label="${AWKWARD.person}"`));
    const doc = readXml(xml);
    assert.deepEqual(findAll(doc, 'node').map((n) => n.attrs.label), [AWKWARD.org, AWKWARD.person]);
    assert.equal(values(findAll(doc, 'edge')[0]!).evidence, AWKWARD.sentence);
  });

  it('has a reader that rejects what XML parsers reject', () => {
    for (const bad of ['<a b="x & y"/>', '<a b="<"/>', '<a>1 < 2</a>', '<a><b></a></b>', '<a>&nbsp;</a>']) {
      assert.throws(() => readXml(bad), Error, bad);
    }
    assert.equal(readXml('<a b="&lt;&amp;&#10;"/>').attrs.b, '<&\n');
  });

  it('drops characters XML 1.0 cannot carry', () => {
    const data = awkwardData();
    data.entities[0]!.name = 'bell\u0007 and lone \uD800 surrogate';
    assert.match(buildGexf(data, T), /label="bell and lone  surrogate"/);
  });

  describe('on the extracted sample corpus', () => {
    let store: Store;
    let data: ExportData;
    before(async () => ({ store, data } = await extractedSample()));
    after(() => store.close());

    it('declares GEXF 1.3 and writes every entity and relation with its attributes', () => {
      const xml = buildGexf(data, T);
      assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf.net\/1.3"/);
      assert.match(xml, /<meta lastmodifieddate="2020-01-03">/);
      const doc = readXml(xml);
      const nodes = findAll(doc, 'node');
      const edges = findAll(doc, 'edge');
      assert.equal(nodes.length, data.entities.length);
      assert.equal(edges.length, data.relations.length);
      const nodeIds = new Set(nodes.map((n) => n.attrs.id));
      for (const [i, rel] of data.relations.entries()) {
        const edge = edges[i]!;
        assert.equal(edge.attrs.label, rel.type);
        assert.equal(Number(edge.attrs.weight), rel.independentSources);
        assert.ok(nodeIds.has(edge.attrs.source) && nodeIds.has(edge.attrs.target), 'edge ends are nodes');
        assert.equal(Number(values(edge).confidence), rel.confidence);
        assert.equal(values(edge).evidence, rel.evidence.map((e) => e.text).join('\n'));
      }
      const soleimani = data.entities.find((e) => e.name === 'Qassem Soleimani')!;
      const node = nodes.find((n) => n.attrs.id === soleimani.id)!;
      assert.equal(values(node).type, 'PERSON');
      assert.equal(values(node).mentionCount, String(soleimani.mentionCount));
      assert.equal(findAll(node, 'viz:color').length, 1);
    });

    it('is byte-identical across two exports with a fixed timestamp', () => {
      assert.equal(buildGexf(data, T), buildGexf(data, T));
    });
  });
});
