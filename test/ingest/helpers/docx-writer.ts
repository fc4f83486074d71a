/** Builds a minimal .docx (the OOXML parts Word needs) from paragraphs, for tests. */
import { writeZip } from './zip-writer.js';

/** Core properties written to docProps/core.xml. */
export interface DocxProperties {
  title?: string;
  creator?: string;
  created?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Returns the bytes of a Word document with one paragraph per string (an array of rows is a table, each cell a
 * paragraph), and `extra` parts (media, embeddings) if given.
 */
export function writeDocx(paragraphs: (string | string[][])[], props: DocxProperties = {}, extra: { name: string; data: Uint8Array }[] = []): Uint8Array {
  const para = (p: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`;
  const body = paragraphs.map((p) => (typeof p === 'string' ? para(p)
    : `<w:tbl>${p.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${para(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`)).join('');
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` },
    { name: 'docProps/core.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${props.title ? `<dc:title>${esc(props.title)}</dc:title>` : ''}${props.creator ? `<dc:creator>${esc(props.creator)}</dc:creator>` : ''}${props.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${props.created}</dcterms:created>` : ''}</cp:coreProperties>` },
    ...extra,
  ]);
}
