/** The network's node panel: the entity, its relations in the view (each opens its evidence), expand and focus actions. */
import type { NetworkGraph } from '../graph/graph-model.js';
import { plural } from '../lib/format.js';
import { Link, buildUrl } from '../lib/router.js';
import { formatConfidence, relationLabel, useSchema } from '../lib/use-schema.js';
import { ENTITY_STYLES, entityStyle } from '../theme/entity-colors.js';

/** Props: the graph, the node, and the actions. */
export interface NodePanelProps {
  graph: NetworkGraph;
  id: string;
  expanded: boolean;
  /** Position of the node's community in the overview's list (largest first), once known. */
  communityRank: number | null;
  onExpand(): void;
  onEdge(id: string): void;
  onClose(): void;
  /** Downloads this node and its relations as JSON. */
  onExport(): void;
  /** Whether the node is picked for the story (a saved view's selection), and how to toggle it. */
  picked: boolean;
  onPick(): void;
}

/** What the view shows about one node; its edge list is the keyboard way to every edge's evidence. */
export function NodePanel({ graph, id, expanded, communityRank, onExpand, onEdge, onClose, onExport, picked, onPick }: NodePanelProps) {
  const schema = useSchema();
  const a = graph.getNodeAttributes(id);
  const edges = graph.mapEdges(id, (edge, e, source, target) => ({
    edge, type: e.relationType, confidence: e.confidence, out: source === id,
    other: graph.getNodeAttribute(source === id ? target : source, 'label'),
  })).sort((x, y) => x.type.localeCompare(y.type) || y.confidence - x.confidence);
  return (
    <section aria-labelledby="node-title">
      <div className="panel-head">
        <h2 id="node-title"><span className={`dot t-${a.entityType}`} aria-hidden="true" /> <bdi>{a.label}</bdi></h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close (Esc)">Close</button>
      </div>
      <p className="muted">
        {(ENTITY_STYLES as Record<string, { label: string }>)[a.entityType]?.label ?? entityStyle(a.entityType).label}
        {' · '}{plural(graph.degree(id), 'relation')} in view{' · '}{plural(a.mentionCount, 'mention')}
        {communityRank !== null ? ` · community ${communityRank}` : ''}
      </p>
      <div className="panel-actions">
        <Link className="button small" href={`/entities/${encodeURIComponent(id)}`}>Open entity page</Link>
        <button type="button" className="button small" onClick={onExpand} disabled={expanded} title="Add this entity's neighbours to the view">
          {expanded ? 'Expanded' : 'Expand neighbourhood'}
        </button>
        <Link className="button small" href={buildUrl('/network', { entity: id, hops: 2 })}>Only its 2-hop network</Link>
        <button type="button" className="button small" onClick={onExport}>Export selection (JSON)</button>
        <button type="button" className="button small" aria-pressed={picked} onClick={onPick} title="A saved view keeps the picked entities as its selection; its dossier flags them">
          {picked ? 'Picked for the story ✓' : 'Pick for the story'}
        </button>
      </div>
      <h3>Relations in view</h3>
      <ul className="fact-list">
        {edges.map((e) => (
          <li key={e.edge}>
            <button type="button" className="fact" onClick={() => onEdge(e.edge)}>
              <em>{relationLabel(schema, e.type, e.out ? 'out' : 'in')}</em> <bdi>{e.other}</bdi>
              <span className="fact-meta">{formatConfidence(e.confidence)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
