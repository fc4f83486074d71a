/** A process-wide limit on Tesseract children, so pages of several documents share the cores instead of oversubscribing them. */
import { availableParallelism } from 'node:os';

const waiting: (() => void)[] = [];
let running = 0;
let limit = Math.max(1, availableParallelism());

/** Sets how many OCR processes may run at once (default: the core count). */
export function setOcrConcurrency(n: number): void {
  limit = Math.max(1, Math.floor(n));
  while (running < limit && waiting.length > 0) {
    running++;
    waiting.shift()!();
  }
}

/** Runs `task` when a slot is free; the slot is released when it settles. */
export async function withOcrSlot<T>(task: () => Promise<T>): Promise<T> {
  if (running < limit) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
