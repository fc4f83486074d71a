/** The reader's side panel: highlight legend with toggles, metadata (chain of custody included), parent, other places and children. */
import { ENTITY_TYPES, OCR_CONFIDENCE_KEY, parseOcrConfidence, type EntityType } from '../../src/model/index.js';
import { getDocument, type DocumentDetail } from '../api/client.js';
import { useApi } from '../lib/use-api.js';
import { documentTitle, formatLength, formatTimestamp, languageName } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { ENTITY_STYLES } from '../theme/entity-colors.js';
import { DocumentFacts } from './document-facts.js';
import { MentionIndex } from './mention-index.js';
import { AlsoFoundAt, DocumentChildren } from './document-places.js';

/** Which kinds of highlight are shown. */
export interface HighlightToggles {
  hits: boolean;
  types: Record<EntityType, boolean>;
}

/** Props: the document, counts of each highlight, the toggles and their setter. */
export interface DocumentSideProps {
  doc: DocumentDetail;
  hitCount: number;
  query: string;
  toggles: HighlightToggles;
  onToggles(next: HighlightToggles): void;
  /** The span the URL points at, so "next occurrence" starts from it. */
  at: { start: number; end: number } | null;
  onJump(span: { start: number; end: number }): void;
}

/** The side panel beside the text, so the reader never loses their place. */
export function DocumentSide({ doc, hitCount, query, toggles, onToggles, at, onJump }: DocumentSideProps) {
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const mention of doc.mentions) if (mention.type in counts) counts[mention.type]++;
  return (
    <aside className="reader-side" aria-label="Document details">
      <h2>Highlights</h2>
      <ul className="legend">
        {query ? (
          <li>
            <label>
              <input type="checkbox" checked={toggles.hits} onChange={() => onToggles({ ...toggles, hits: !toggles.hits })} />
              <span className="swatch hit-swatch" />
              Search terms
              <span className="count">{hitCount}</span>
            </label>
          </li>
        ) : null}
        {ENTITY_TYPES.map((type) => (
          <li key={type}>
            <label title={`${ENTITY_STYLES[type].label} mentions (${type})`}>
              <input
                type="checkbox"
                checked={toggles.types[type]}
                disabled={counts[type] === 0}
                onChange={() => onToggles({ ...toggles, types: { ...toggles.types, [type]: !toggles.types[type] } })}
              />
              <span className={`swatch t-${type}`} />
              {ENTITY_STYLES[type].label}
              <span className="count">{counts[type]}</span>
            </label>
          </li>
        ))}
      </ul>
      <DocumentFacts doc={doc} at={at} onJump={onJump} />
      {doc.mentions.length === 0 ? (
        <p className="side-note">No entity mentions yet: entity extraction has not run on this document.</p>
      ) : (
        <MentionIndex mentions={doc.mentions} visible={toggles.types} at={at} onJump={onJump} />
      )}

      <h2>Document</h2>
      <dl className="meta">
        <Field label="Title" value={doc.title} />
        <Field label="Source" value={doc.source} />
        <Field label="Published" value={doc.published} />
        <Field label="Author" value={doc.author} />
        <Field label="Language" value={doc.language ? `${languageName(doc.language)} (${doc.language})` : 'unknown'} />
        <Field label="Format" value={doc.mimeType ? `${doc.format} (${doc.mimeType})` : doc.format} />
        <Field label="Collection" value={doc.collection} />
        <Field label="Length" value={formatLength(doc.length)} />
        <Field label="Path" value={doc.path} mono />
        <dt>SHA-256</dt>
        <dd className="sha" title="SHA-256 of the original bytes">{doc.sha256}</dd>
        <Field label="Ingested" value={formatTimestamp(doc.ingestedAt)} />
        {doc.parentId ? (
          <>
            <dt>Inside</dt>
            <dd><ParentLink id={doc.parentId} /></dd>
          </>
        ) : null}
      </dl>

      <AlsoFoundAt locations={doc.locations} />
      <DocumentChildren items={doc.children} />

      {Object.keys(doc.meta).length > 0 ? (
        <>
          <h2>Metadata</h2>
          {/* Values are untrusted text: shown, never turned into links (a "javascript:" URL must not become clickable). */}
          <dl className="meta">
            {Object.entries(doc.meta).map(([key, value]) => <Field key={key} label={key} value={key === OCR_CONFIDENCE_KEY ? ocrSummary(doc.meta) : value} />)}
          </dl>
        </>
      ) : null}

      {doc.warnings.length > 0 ? (
        <>
          <h2>Warnings</h2>
          <ul className="side-list">
            {doc.warnings.map((w, i) => <li key={i} className="warning">{w.path}: {w.message}</li>)}
          </ul>
        </>
      ) : null}
    </aside>
  );
}

/** A link to the containing document, named by its title once that has loaded. */
function ParentLink({ id }: { id: string }) {
  const parent = useApi(`parent:${id}`, (signal) => getDocument(id, signal));
  const label = parent.data ? documentTitle(parent.data) : parent.error ? 'the containing document' : 'Loading…';
  return <Link href={`/documents/${encodeURIComponent(id)}`} dir="auto">{label}</Link>;
}

function Field({ label, value, mono }: { label: string; value: string | null | undefined; mono?: boolean }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined} dir="auto">{value}</dd>
    </>
  );
}

/** Per-page OCR confidences ("",0.874,0.912) as a reader reads them: "page 2: 87%, page 3: 91%". */
function ocrSummary(meta: Record<string, string>): string {
  return parseOcrConfidence(meta)
    .map((c, i) => (c === null ? null : `page ${i + 1}: ${Math.round(c * 100)}%`))
    .filter((x): x is string => x !== null)
    .join(', ');
}
