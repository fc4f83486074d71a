/** OpenDocument text and presentations and PowerPoint decks read as documents; slides and ODF pages become pages. */
import type { ExtractedDocument } from '../../model/index.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { joinPages, newDocument } from '../document.js';
import { packageMetadata, parseXml, type PackageKind } from './package.js';
import { DRAWINGML_TEXT, ODF_TEXT, xmlText } from './xml-text.js';

const MIME: Record<string, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  odp: 'application/vnd.oasis.opendocument.presentation',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Reads an OpenDocument text (.odt) or presentation (.odp, one page per draw:page) from its content.xml. */
export function readOpenDocument(input: HandlerInput, parts: Map<string, Uint8Array>, kind: Extract<PackageKind, 'odt' | 'odp'>): ExtractedDocument {
  const content = parts.get('content.xml');
  if (!content) throw new IngestFailure('corrupt-office', `${input.path} is not a readable OpenDocument file: it has no content.xml.`);
  const body = parseXml(content).getElementsByTagName('office:body')[0];
  if (!body) throw new IngestFailure('corrupt-office', `${input.path} is not a readable OpenDocument file: content.xml has no office:body.`);
  let doc: ExtractedDocument;
  if (kind === 'odp') {
    const slides = Array.from(body.getElementsByTagName('draw:page'), (page) => xmlText(page, ODF_TEXT));
    const { text, starts } = joinPages(slides);
    doc = newDocument(input, kind, text, { mimeType: MIME[kind]!, pages: starts, meta: { pageCount: String(slides.length) } });
  } else {
    doc = newDocument(input, kind, xmlText(body, ODF_TEXT), { mimeType: MIME[kind]! });
  }
  return Object.assign(doc, packageMetadata(parts));
}

/** Reads a PowerPoint deck (.pptx): the text runs of each slide in presentation order, one page per slide. */
export function readPptx(input: HandlerInput, parts: Map<string, Uint8Array>): ExtractedDocument {
  const slides = slideOrder(input, parts).map((name) => xmlText(parseXml(parts.get(name)!), DRAWINGML_TEXT));
  const { text, starts } = joinPages(slides);
  const doc = newDocument(input, 'pptx', text, { mimeType: MIME.pptx!, pages: starts, meta: { pageCount: String(slides.length) } });
  return Object.assign(doc, packageMetadata(parts));
}

/**
 * Slide part names in the order the presentation lists them (p:sldIdLst, resolved through its relationships), which
 * may differ from their numbering after slides were moved; falls back to numeric order when that list is missing.
 */
function slideOrder(input: HandlerInput, parts: Map<string, Uint8Array>): string[] {
  const presentation = parts.get('ppt/presentation.xml');
  const rels = parts.get('ppt/_rels/presentation.xml.rels');
  const ordered: string[] = [];
  if (presentation && rels) {
    const targets = new Map<string, string>();
    for (const rel of Array.from(parseXml(rels).getElementsByTagName('Relationship'))) {
      targets.set(rel.getAttribute('Id') ?? '', resolveTarget(rel.getAttribute('Target') ?? ''));
    }
    for (const id of Array.from(parseXml(presentation).getElementsByTagName('p:sldId'))) {
      const target = targets.get(id.getAttribute('r:id') ?? '');
      if (target && parts.has(target)) ordered.push(target);
    }
  }
  if (ordered.length > 0) return ordered;
  const numbered = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  if (numbered.length === 0 && !presentation) {
    throw new IngestFailure('corrupt-office', `${input.path} is not a readable PowerPoint file: it has no slides and no ppt/presentation.xml.`);
  }
  return numbered.sort((a, b) => slideNumber(a) - slideNumber(b));
}

// Targets are relative to ppt/ ("slides/slide1.xml") or absolute within the package ("/ppt/slides/slide1.xml").
function resolveTarget(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `ppt/${target.replace(/^\.\//, '')}`;
}

function slideNumber(name: string): number {
  return Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

