/** The relation vocabulary, declared once: extraction, UI and exports read it from here. */

/** How one relation type reads and maps to other schemas. */
export interface RelationType {
  /** Human label, read "source <label> target". */
  label: string;
  /** Label of the inverse direction, read "target <inverse> source". */
  inverse: string;
  /** True when source and target may be swapped without changing meaning (met, allied_with). */
  symmetric: boolean;
  /** FollowTheMoney schema used to export this edge. */
  ftm: string;
  /** STIX 2.1 relationship_type used to export this edge. */
  stix: string;
}

/** Every relation type the system extracts, keyed by its id. */
export const RELATION_TYPES = {
  role_in: { label: 'holds a post in', inverse: 'has post holder', symmetric: false, ftm: 'Membership', stix: 'affiliated-with' },
  part_of: { label: 'is part of', inverse: 'has part', symmetric: false, ftm: 'Membership', stix: 'part-of' },
  controls: { label: 'controls', inverse: 'is controlled by', symmetric: false, ftm: 'Ownership', stix: 'controls' },
  informant_for: { label: 'informs for', inverse: 'has informant', symmetric: false, ftm: 'UnknownLink', stix: 'related-to' },
  met: { label: 'met', inverse: 'met', symmetric: true, ftm: 'UnknownLink', stix: 'related-to' },
  paid: { label: 'paid', inverse: 'was paid by', symmetric: false, ftm: 'Payment', stix: 'related-to' },
  attacked: { label: 'attacked', inverse: 'was attacked by', symmetric: false, ftm: 'UnknownLink', stix: 'targets' },
  succeeded: { label: 'succeeded', inverse: 'was succeeded by', symmetric: false, ftm: 'Succession', stix: 'related-to' },
  allied_with: { label: 'is allied with', inverse: 'is allied with', symmetric: true, ftm: 'UnknownLink', stix: 'related-to' },
  opposed: { label: 'opposes', inverse: 'is opposed by', symmetric: false, ftm: 'UnknownLink', stix: 'related-to' },
  located_in: { label: 'is located in', inverse: 'contains', symmetric: false, ftm: 'UnknownLink', stix: 'located-at' },
} as const satisfies Record<string, RelationType>;

export type RelationTypeId = keyof typeof RELATION_TYPES;
