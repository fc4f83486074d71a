/** Notes and tags of a document, entity or relation: listed with who and when, added, and removed by their author. */
import { useState } from 'react';
import { addNote, addTag, deleteNote, getNotes, getTags, removeTag, type Target } from '../api/curation-client.js';
import { useApi } from '../lib/use-api.js';

/** The notes and tags of `target`. */
export function NotesBox({ target, title = 'Notes and tags' }: { target: Target; title?: string }) {
  const [version, setVersion] = useState(0);
  const key = `${target.kind}:${target.id}:${version}`;
  const notes = useApi(`notes:${key}`, (signal) => getNotes(target, signal));
  const tags = useApi(`tags:${key}`, (signal) => getTags(target, signal));
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>, then?: () => void) => {
    setError(null);
    work.then(() => { then?.(); setVersion((v) => v + 1); }, (e: Error) => setError(e.message));
  };
  const headId = `notes-h-${target.id}`;
  return (
    <section className="entity-section notes-box" aria-labelledby={headId}>
      <h2 id={headId}>{title}</h2>
      <ul className="tag-list" aria-label="Tags">
        {(tags.data?.items ?? []).map((t) => (
          <li key={t.tag} className="tag-chip">{t.tag} <button type="button" className="link-button" aria-label={`Remove tag ${t.tag}`} onClick={() => run(removeTag(target, t.tag))}>×</button></li>
        ))}
      </ul>
      <form className="tag-form" onSubmit={(e) => { e.preventDefault(); if (tag.trim()) run(addTag(target, tag), () => setTag('')); }}>
        <input value={tag} onChange={(e) => setTag(e.target.value)} placeholder="Add a tag" aria-label="New tag" maxLength={50} />
      </form>
      <ul className="note-list">
        {(notes.data?.items ?? []).map((n) => (
          <li key={n.id} className="note">
            <p dir="auto">{n.text}</p>
            <p className="muted">{n.by ?? 'someone'}, {n.at.slice(0, 16).replace('T', ' ')}{n.editedAt ? ' (edited)' : ''}{' '}
              <button type="button" className="link-button" onClick={() => run(deleteNote(n.id))}>Delete</button></p>
          </li>
        ))}
      </ul>
      <form className="note-form" onSubmit={(e) => { e.preventDefault(); if (text.trim()) run(addNote(target, text), () => setText('')); }}>
        <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder="Write a note" aria-label="New note" rows={2} maxLength={20000} />
        <button type="submit" className="button small">Add note</button>
      </form>
      {error ? <p className="query-error" role="alert">{error}</p> : null}
    </section>
  );
}
