/**
 * re3d sentences labelled by us with all 12 types (annotations/re3d-relations/), since re3d's own labels cover only
 * some relations. Same documents and split as re3d.ts; the text is read from ../shared/data/re3d.
 */
import { readOurSentences } from './ours.js';
import { readRe3d } from './re3d.js';
import type { LabelledDoc } from './types.js';

/** Reads the labelled sentences of one split, grouped into their documents. */
export async function readRe3dOurs(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readOurSentences('re3d', split, readRe3d);
}
