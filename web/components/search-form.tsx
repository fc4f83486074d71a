/** The query box with its syntax help and, when the server rejects the query, the reason right beneath it. */
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';

/** Id of the query input; the global `/` shortcut focuses it. */
export const SEARCH_INPUT_ID = 'search-input';

const SYNTAX: [string, string][] = [
  ['soleimani baghdad', 'both words (AND is implied)'],
  ['"quds force"', 'the exact phrase'],
  ['iraq OR syria', 'either word'],
  ['iran NOT israel', 'the first without the second; -israel does the same'],
  ['minist*', 'words starting with "minist"'],
  ['NEAR(soleimani baghdad, 5)', 'both words within 5 words of each other'],
  ['(iraq OR syria) AND "quds force"', 'group with parentheses'],
];

/** Props: the query as in the URL, the parse error to show, and what to do on submit. */
export interface SearchFormProps {
  query: string;
  /** The server's explanation of a query it could not parse. */
  queryError: string | null;
  onSubmit(query: string): void;
  /** Called on ArrowDown in the box, to move focus into the results. */
  onArrowDown?(): void;
}

/** The search form; the draft follows the URL when the user goes back or forward. */
export function SearchForm({ query, queryError, onSubmit, onArrowDown }: SearchFormProps) {
  const [draft, setDraft] = useState(query);
  useEffect(() => setDraft(query), [query]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit(draft.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && onArrowDown) {
      event.preventDefault();
      onArrowDown();
    } else if (event.key === 'Escape') {
      event.currentTarget.blur();
    }
  };

  return (
    <form className="search-form" role="search" onSubmit={submit}>
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">Search the documents</label>
      <div className="search-row">
        <input
          id={SEARCH_INPUT_ID}
          className="search-input"
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder='Search: words, "exact phrases", AND / OR / NOT, -word, prefix*, NEAR(a b, 5)'
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          aria-invalid={queryError ? true : undefined}
          aria-describedby={queryError ? 'query-error' : undefined}
        />
        <button className="button primary" type="submit">Search</button>
      </div>
      {queryError ? (
        <div id="query-error" className="query-error" role="alert">
          <strong>Query not understood:</strong>
          <span>{queryError}</span>
        </div>
      ) : null}
      <details className="syntax-help">
        <summary>Query syntax</summary>
        <table>
          <tbody>
            {SYNTAX.map(([example, meaning]) => (
              <tr key={example}>
                <td><code>{example}</code></td>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </form>
  );
}
