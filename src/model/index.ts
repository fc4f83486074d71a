/** The project's vocabulary: one import for every shared type. */
export * from './document.js';
export * from './extraction.js';
export * from './provenance.js';
export * from './relation-types.js';
export * from './search.js';
export * from './stage.js';
export * from './text-fold.js';
export * from './views.js';
export * from './candidate-key.js';
export * from './ocr.js';
export * from './review.js';
