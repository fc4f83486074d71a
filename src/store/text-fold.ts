/** Re-exports the shared text folding (defined in src/model so the web app can fold query terms the same way). */
export { foldText, foldWord, indexWords, WORD_PATTERN } from '../model/text-fold.js';
