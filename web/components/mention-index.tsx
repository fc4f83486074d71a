/** "Names in this document": mentions grouped by type and name, most frequent first; a click jumps to the next occurrence. */
import { useMemo } from 'react';
import { ENTITY_TYPES } from '../../src/model/index.js';
import type { DocumentMention } from '../api/client.js';
import { ENTITY_STYLES } from '../theme/entity-colors.js';

/** One name and where it occurs. */
interface NameEntry {
  key: string;
  type: DocumentMention['type'];
  name: string;
  spans: { start: number; end: number }[];
}

/** Names listed per type before the rest is summarised. */
const PER_TYPE = 12;

/** Groups mentions by type and normalised name (or lower-cased text), keeping their spans in text order. */
export function groupMentions(mentions: readonly DocumentMention[]): NameEntry[] {
  const byKey = new Map<string, NameEntry>();
  for (const m of mentions) {
    const key = `${m.type}\u0000${m.norm ?? m.text.toLowerCase()}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { key, type: m.type, name: m.text, spans: [] };
      byKey.set(key, entry);
    }
    entry.spans.push({ start: m.start, end: m.end });
  }
  return [...byKey.values()].sort((a, b) => b.spans.length - a.spans.length || a.name.localeCompare(b.name));
}

/** Props: the mentions, which types are shown, the current span, and the jump handler. */
export interface MentionIndexProps {
  mentions: readonly DocumentMention[];
  visible: Record<DocumentMention['type'], boolean>;
  at: { start: number; end: number } | null;
  onJump(span: { start: number; end: number }): void;
}

/** The list; each click on a name moves to its next occurrence after the current span. */
export function MentionIndex({ mentions, visible, at, onJump }: MentionIndexProps) {
  const entries = useMemo(() => groupMentions(mentions), [mentions]);
  if (entries.length === 0) return null;
  const jump = (entry: NameEntry): void => {
    const next = entry.spans.find((s) => at === null || s.start > at.start) ?? entry.spans[0];
    if (next) onJump(next);
  };
  return (
    <>
      <h2>Names in this document</h2>
      {ENTITY_TYPES.filter((type) => visible[type]).map((type) => {
        const ofType = entries.filter((e) => e.type === type);
        if (ofType.length === 0) return null;
        return (
          <ul key={type} className="name-list" aria-label={ENTITY_STYLES[type].label}>
            {ofType.slice(0, PER_TYPE).map((entry) => (
              <li key={entry.key}>
                <button type="button" className={`name t-${type}`} onClick={() => jump(entry)} title={`${ENTITY_STYLES[type].label}: go to the next of ${entry.spans.length}`}>
                  <span dir="auto">{entry.name}</span>
                  <span className="count">{entry.spans.length}</span>
                </button>
              </li>
            ))}
            {ofType.length > PER_TYPE ? <li className="muted">and {ofType.length - PER_TYPE} more {ENTITY_STYLES[type].label.toLowerCase()} names</li> : null}
          </ul>
        );
      })}
    </>
  );
}
