/** HTML pages: the article body via Readability (navigation and boilerplate left out), metadata from the page's own tags. */
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import type { FormatHandler } from '../handler.js';
import { normalizeDate } from '../dates.js';
import { decodeText, WINDOWS_SUPERSET } from '../decode.js';
import { asciiHead, newDocument } from '../document.js';
import { domToText } from '../html-text.js';

/** Reads HTML pages; when Readability finds no article the whole body's text is kept instead. */
export const htmlHandler: FormatHandler = {
  name: 'html',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  sniff(head) {
    return /^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(asciiHead(head, 512));
  },
  async read(input) {
    const html = decodeHtml(input.bytes, input.path);
    const meta = pageMeta(html);
    // Readability edits the DOM it reads, so the fallback text comes from a fresh parse.
    const article = new Readability(parseDocument(html) as unknown as Document, { serializer: (node) => node }).parse();
    const text = article?.content ? withHeadline(domToText(article.content), html) : domToText(parseDocument(html).body);
    const doc = newDocument(input, 'html', text, { mimeType: 'text/html', meta: {} });
    const title = clean(article?.title) ?? meta.title;
    if (title) doc.title = title;
    const author = clean(article?.byline) ?? meta.author;
    if (author) doc.author = author.replace(/^by\s+/i, '');
    const source = clean(article?.siteName) ?? meta.source;
    if (source) doc.source = source;
    const published = normalizeDate(article?.publishedTime) ?? normalizeDate(meta.published);
    if (published) doc.published = published;
    if (article?.lang) doc.meta!.lang = article.lang;
    if (meta.url) doc.meta!.url = meta.url;
    return doc;
  },
};

/**
 * The parsed page. Text named .html that holds no element at all (a CSV or JSON file under the wrong name) parses to a
 * document without a root element, and a fragment that starts with an element other than <html> (a <div> cut from a
 * page) to one without a <body>, both of which Readability fails on: such a text is read again inside <html><body>.
 */
function parseDocument(html: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(html);
  return document.documentElement?.tagName === 'HTML' ? document : parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

/**
 * The article's text led by the page's headline (its first <h1>) when Readability left it out (it drops a lone h1 as
 * the title it reports separately): the headline is part of what the page says, and search and the stages read it.
 */
function withHeadline(text: string, html: string): string {
  const headline = clean(parseDocument(html).querySelector('h1')?.textContent);
  if (!headline || clean(text)?.includes(headline)) return text;
  return `${headline}\n\n${text}`;
}

/** Page metadata from <meta> tags and <time>, read before Readability rewrites the DOM. */
function pageMeta(html: string): { title?: string; author?: string; source?: string; published?: string; url?: string } {
  const document = parseDocument(html);
  const metaContent = (...names: string[]): string | undefined => {
    for (const name of names) {
      const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
    return undefined;
  };
  return {
    title: metaContent('og:title', 'twitter:title') ?? clean(document.querySelector('title')?.textContent),
    author: metaContent('author', 'article:author', 'byl', 'dc.creator'),
    source: metaContent('og:site_name', 'application-name', 'publisher'),
    published: metaContent('article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'og:published_time')
      ?? clean(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    url: metaContent('og:url') ?? clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')),
  };
}

// A page declares its charset in the first bytes: <meta charset="windows-1256"> or http-equiv content="...; charset=...".
// A byte order mark comes first and wins over the declaration, as in browsers (the HTML standard's encoding sniffing).
function decodeHtml(bytes: Uint8Array, path: string): string {
  if (hasBom(bytes)) return decodeText(bytes, path).text;
  const label = asciiHead(bytes, 2048).match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i)?.[1]?.toLowerCase();
  const declared = label && (WINDOWS_SUPERSET[label] ?? label);
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared);
  }
  return decodeText(bytes, path).text;
}

function hasBom(b: Uint8Array): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe);
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}
