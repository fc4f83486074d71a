/** Documents scene: every stored document in a dense, paged table (/documents?page=). */
import { OutletGrades } from '../components/outlet-grades.js';
import { listDocuments, type DocumentPage } from '../api/client.js';
import { Pager } from '../components/pager.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { documentTitle, formatCount, languageName, plural } from '../lib/format.js';
import { Link, buildUrl, type AppLocation } from '../lib/router.js';
import { ResponseCache, useApi } from '../lib/use-api.js';
import { arrowKeys } from '../lib/focus-list.js';
import { useTitle } from '../lib/use-title.js';

const PAGE_SIZE = 50;
/** Recent pages of the list, so the back button shows them at once. */
const listCache = new ResponseCache<DocumentPage>();

/** The document list for the current URL. */
export function DocumentsScene({ location }: { location: AppLocation }) {
  const parsed = Number.parseInt(location.params.get('page') ?? '1', 10);
  const page = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
  useTitle('Documents');
  const list = useApi(`documents:${page}`, (signal) => listDocuments(PAGE_SIZE, (page - 1) * PAGE_SIZE, signal), listCache);

  let body;
  if (list.error) body = <ErrorState title="Could not list the documents" error={list.error} />;
  else if (!list.data) body = <Loading label="Loading documents…" />;
  else if (list.data.total === 0) {
    body = (
      <EmptyState title="No documents yet">
        <p>Ingest a folder first: <code>cablegraph ingest ./cables</code>, then reload this page.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <table className="table" onKeyDown={arrowKeys('td.title-cell a')}>
          <thead>
            <tr>
              <th>Title</th><th>Source</th><th>Published</th><th>Language</th><th>Format</th><th>Collection</th><th className="num">Characters</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((doc) => (
              <tr key={doc.id}>
                <td className={doc.parentId ? 'title-cell child' : 'title-cell'}>
                  {doc.parentId ? <span className="muted" title="Inside another document">↳ </span> : null}
                  <Link href={`/documents/${encodeURIComponent(doc.id)}`} dir="auto">{documentTitle(doc)}</Link>
                </td>
                <td dir="auto">{doc.source ?? ''}</td>
                <td>{doc.published ?? ''}</td>
                <td>{doc.language ? languageName(doc.language) : ''}</td>
                <td>{doc.format}</td>
                <td>{doc.collection}</td>
                <td className="num">{formatCount(doc.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} hrefFor={(p) => buildUrl('/documents', { page: p > 1 ? p : undefined })} />
      </>
    );
  }
  return (
    <div className="scene">
      <div className="scene-header">
        <h1>Documents</h1>
        {list.data ? <span className="muted">{plural(list.data.total, 'document')}</span> : null}
      </div>
      {body}
      <OutletGrades />
    </div>
  );
}
