// Lint rules, including the layering rule: dependencies point one way,
// model <- nlp <- extract/resolve <- pipeline <- store <- server/cli, and the web app sees only model types and its API client.
import tseslint from 'typescript-eslint';

/** Builds a no-restricted-imports rule whose message says which way dependencies point. */
function forbid(groups, why) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message: why }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', '.tmp/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/model/**'],
    rules: forbid(['**/nlp/**', '**/extract/**', '**/resolve/**', '**/ingest/**', '**/store/**', '**/server/**', '**/cli/**', '**/pipeline*'],
      'src/model is the vocabulary: it depends on nothing else in the project.'),
  },
  {
    files: ['src/nlp/**'],
    rules: forbid(['**/extract/**', '**/resolve/**', '**/ingest/**', '**/store/**', '**/server/**', '**/cli/**', '**/pipeline*'],
      'src/nlp works on text and tokens only: it may import src/model, never the stages, the store or the front ends.'),
  },
  {
    files: ['src/extract/**', 'src/resolve/**', 'src/ingest/**'],
    rules: forbid(['**/store/**', '**/server/**', '**/cli/**'],
      'Stages return their output; the pipeline hands it to the store. Stages never import the store, server or CLI.'),
  },
  {
    files: ['src/network/**'],
    rules: forbid(['**/server/**', '**/cli/**'], 'src/network is the read side shared by the CLI and the server; it never imports them.'),
  },
  {
    files: ['src/store/**'],
    rules: forbid(['**/server/**', '**/cli/**'], 'The store serves the front ends; it never imports them.'),
  },
  {
    files: ['web/**'],
    rules: forbid(['**/src/store/**', '**/src/pipeline*', '**/src/ingest/**', '**/src/extract/**', '**/src/nlp/**', '**/src/server/**', '**/src/cli/**', '**/src/network/**', '**/src/resolve/**', '**/src/export/**'],
      'The web app talks to the server through web/api only; it may import types from src/model.'),
  },
);
