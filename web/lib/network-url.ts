/** The network view's state in the URL: /network?entity=&hops=&rel=&types=&conf=&src=&from=&to=&grade=&tag=&size=&expand=&pick=&edge=&node= */
import type { GraphParams } from '../api/client.js';
import { DEFAULT_MIN_CONFIDENCE } from '../../src/model/index.js';
import { buildUrl } from './router.js';

/** Everything that decides what the network shows and what is selected. */
export interface NetworkState {
  /** Centre of a neighbourhood view; empty for the whole network. */
  entity: string;
  hops: number;
  /** Relation types shown; empty means all. */
  relationTypes: string[];
  /** Entity types shown; empty means all. */
  entityTypes: string[];
  /** Lowest confidence shown (default 0.5: low-confidence edges are hidden unless asked for). */
  minConfidence: number;
  /** Fewest independent sources. */
  minSources: number;
  /** Partial ISO dates ("2019", "2019-11") bounding the documents an edge rests on. */
  from: string;
  to: string;
  /** Only edges an analyst accepted, edited or made. */
  reviewedOnly: boolean;
  /** Admiralty grade ("B2"): only edges with a supporting document graded at least this; '' for any. */
  minGrade: string;
  /** Only the entities carrying this tag and their relations; '' for any. */
  tag: string;
  /** Node size by degree or by PageRank centrality. */
  size: 'degree' | 'centrality';
  /** Nodes picked for the story (a saved view keeps them as its selection; the dossier flags them). */
  picked: string[];
  /** Nodes whose neighbourhoods were added to the view (expand). */
  expand: string[];
  /** Selected edge (its evidence is shown) or node. */
  edge: string;
  node: string;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function list(value: string | null): string[] {
  return (value ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

function number(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null || value === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Reads the state from query parameters, falling back to defaults for anything missing or malformed. */
export function readNetworkState(params: URLSearchParams): NetworkState {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    entity: /^ent_[0-9a-f]{16}$/.test(params.get('entity') ?? '') ? params.get('entity') ?? '' : '',
    hops: Math.round(number(params.get('hops'), 1, 1, 4)),
    relationTypes: list(params.get('rel')),
    entityTypes: list(params.get('types')),
    minConfidence: number(params.get('conf'), DEFAULT_MIN_CONFIDENCE, 0, 1),
    minSources: Math.round(number(params.get('src'), 1, 0, 1000)),
    from: PARTIAL_DATE.test(from) ? from : '',
    to: PARTIAL_DATE.test(to) ? to : '',
    reviewedOnly: params.get('reviewed') === '1',
    minGrade: /^[A-F][1-6]$/.test(params.get('grade') ?? '') ? params.get('grade') ?? '' : '',
    tag: params.get('tag') ?? '',
    size: params.get('size') === 'centrality' ? 'centrality' : 'degree',
    picked: list(params.get('pick')).filter((id) => /^ent_[0-9a-f]{16}$/.test(id)),
    expand: list(params.get('expand')).filter((id) => /^ent_[0-9a-f]{16}$/.test(id)),
    edge: params.get('edge') ?? '',
    node: params.get('node') ?? '',
  };
}

/** The URL for a state; defaults are left out so shared links stay short. */
export function networkUrl(state: NetworkState): string {
  return buildUrl('/network', {
    entity: state.entity || undefined,
    hops: state.entity && state.hops !== 1 ? state.hops : undefined,
    rel: state.relationTypes.join(','),
    types: state.entityTypes.join(','),
    conf: state.minConfidence !== DEFAULT_MIN_CONFIDENCE ? state.minConfidence : undefined,
    src: state.minSources !== 1 ? state.minSources : undefined,
    from: state.from,
    to: state.to,
    reviewed: state.reviewedOnly ? 1 : undefined,
    grade: state.minGrade || undefined,
    tag: state.tag || undefined,
    size: state.size !== 'degree' ? state.size : undefined,
    expand: state.expand.join(','),
    pick: state.picked.join(','),
    node: state.node,
    edge: state.edge,
  });
}

/** The graph request for a state (selection does not change what is fetched). */
export function graphRequest(state: NetworkState): GraphParams {
  return {
    entity: state.entity || undefined,
    hops: state.entity ? state.hops : undefined,
    relationTypes: state.relationTypes.join(',') || undefined,
    entityTypes: state.entityTypes.join(',') || undefined,
    minConfidence: state.minConfidence,
    minSources: state.minSources,
    from: state.from || undefined,
    to: state.to || undefined,
    ...(state.reviewedOnly ? { reviewedOnly: 'true' as const } : {}),
    ...(state.minGrade ? { minGrade: state.minGrade } : {}),
    ...(state.tag ? { tag: state.tag } : {}),
  };
}

/** A key naming the fetched graph: equal keys, same data. */
export function graphKey(state: NetworkState): string {
  return JSON.stringify({ ...graphRequest(state), expand: state.expand });
}
