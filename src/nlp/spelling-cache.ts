/**
 * How many spellings a per-spelling cache (NER word attributes and score sums, parser word attributes, name-list
 * look-ups) holds before it is dropped and refilled. Each entry costs about 1 kB (the NER's holds 85 score sums per
 * spelling), and text full of new spellings (a table's amounts, ids and names) fills every cache to its cap: at
 * 200,000 the caches held several hundred MB during a 100,000-row table's ingest (docs/SCALING.md, "Large tables").
 * 50,000 spellings still hold the vocabulary that recurs (running text of a language uses fewer), so words that
 * repeat stay cached; one-off spellings are computed again after a drop, as they would be anyway.
 */
export const SPELLING_CACHE_MAX = 50_000;
