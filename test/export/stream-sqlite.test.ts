/** Streamed exports against the loading builders on a SQLite store (see stream-equivalence.ts). */
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { tempDir } from '../helpers.js';
import { streamEquivalence } from './stream-equivalence.js';

streamEquivalence('SQLite', () => openStore(join(tempDir(), 'stream.db')));
