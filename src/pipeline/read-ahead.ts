/**
 * Reads the next input file while the current one is stored and its stages run, so parsing and OCR (Tesseract runs
 * in child processes) overlap the NLP of the file before. One file ahead at most, and none larger than
 * READ_AHEAD_BYTES, so memory stays bounded whatever the corpus.
 */
import type { ReadFile } from './ingest-file.js';

/** Largest file read ahead of its turn (bytes); a larger one is read when its turn comes. */
export const READ_AHEAD_BYTES = 64 * 1024 * 1024;

/** The read-ahead of a list of input files, consumed in order. */
export class ReadAhead<T extends { path: string; size: number }> {
  private next: { index: number; read: Promise<ReadFile> } | null = null;

  constructor(private readonly inputs: readonly T[], private readonly read: (input: T) => Promise<ReadFile>) {}

  /**
   * The read of file `index` (started earlier, or undefined when it was not: the caller reads it itself), after
   * starting the read of the file after it. A failed read keeps its error for its own turn.
   */
  take(index: number): Promise<ReadFile> | undefined {
    const mine = this.next?.index === index ? this.next.read : undefined;
    this.next = null;
    const following = this.inputs[index + 1];
    if (following && following.size <= READ_AHEAD_BYTES) {
      const read = this.read(following);
      // Handled at its turn; until then a rejection must not count as unhandled.
      read.catch(() => undefined);
      this.next = { index: index + 1, read };
    }
    return mine;
  }

  /** Waits for a read still in flight (its outcome unused), so nothing reads the store after the ingest returns. */
  async settle(): Promise<void> {
    await this.next?.read.catch(() => undefined);
    this.next = null;
  }
}
