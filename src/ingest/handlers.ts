/** Every format handler, in priority order: when several sniff a file as theirs, the first listed wins. */
import type { FormatHandler } from './handler.js';
import { htmlHandler } from './handlers/html.js';
import { jsonHandler } from './handlers/json.js';
import { jsonlHandler } from './handlers/jsonl.js';
import { textHandler } from './handlers/text.js';
import { zipHandler } from './handlers/zip.js';

/** The handlers readDocument chooses from; adding a format means writing its file and listing it here. */
export const HANDLERS: FormatHandler[] = [
  zipHandler,
  htmlHandler,
  jsonlHandler,
  jsonHandler,
  textHandler,
];
