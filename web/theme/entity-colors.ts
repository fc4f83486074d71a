/**
 * The one palette for entity types, used by reader highlights, legends, facets and (later) graph nodes and the timeline.
 * Contrast (WCAG 2.1): every `color` is >= 5.4:1 on white (usable as text and as a node fill behind white labels),
 * body text #1f2328 on every `tint` is >= 12:1, and `color` on its own `tint` is >= 4.8:1.
 */
import { ENTITY_TYPES, type EntityType } from '../../src/model/index.js';

/** How one entity type is drawn. */
export interface EntityStyle {
  /** Human label, singular. */
  label: string;
  /** Strong colour: underlines, dots, graph nodes, text on white. */
  color: string;
  /** Light background behind highlighted mentions. */
  tint: string;
}

/** Blue people, purple organisations, green places, grey for everything else; distinct under common colour blindness by lightness and hue family. */
export const ENTITY_STYLES: Record<EntityType, EntityStyle> = {
  PERSON: { label: 'Person', color: '#1d4ed8', tint: '#dbeafe' }, // 6.7:1 on white
  ORG: { label: 'Organisation', color: '#7e22ce', tint: '#f3e8ff' }, // 7.0:1 on white
  LOC: { label: 'Place', color: '#047857', tint: '#d1fae5' }, // 5.5:1 on white
  MISC: { label: 'Other', color: '#4b5563', tint: '#e5e7eb' }, // 7.6:1 on white
};

/** The style for a type name from the API; unknown types fall back to MISC rather than failing. */
export function entityStyle(type: string): EntityStyle {
  return (ENTITY_STYLES as Record<string, EntityStyle | undefined>)[type] ?? ENTITY_STYLES.MISC;
}

/** Publishes the palette as CSS custom properties (--entity-PERSON-color ...), so stylesheets read the same values. */
export function installEntityColors(root: HTMLElement = document.documentElement): void {
  for (const type of ENTITY_TYPES) {
    const style = ENTITY_STYLES[type];
    root.style.setProperty(`--entity-${type}-color`, style.color);
    root.style.setProperty(`--entity-${type}-tint`, style.tint);
  }
}
