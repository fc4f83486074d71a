/** Builds the stages a StageSpec names, in whichever thread asks (a worker, or the main thread with one worker). */
import type { Stage } from '../../model/index.js';
import type { StageSpec } from './protocol.js';

/** The spec of the pipeline's own stages (`defaultStages()` in src/pipeline/stages.ts) with the given options. */
export function defaultStageSpec(options: unknown = {}): StageSpec {
  // Resolved from this file, so it names stages.ts under tsx and stages.js in the built package.
  const here = import.meta.url;
  return { module: new URL(`../stages${here.endsWith('.ts') ? '.ts' : '.js'}`, here).href, export: 'defaultStages', options };
}

/** Imports the spec's module and calls its factory. */
export async function buildStages(spec: StageSpec): Promise<Stage[]> {
  const mod = (await import(spec.module)) as Record<string, unknown>;
  const factory = mod[spec.export];
  if (typeof factory !== 'function') throw new Error(`${spec.module} exports no stage factory named "${spec.export}".`);
  const stages = (await (factory as (options: unknown) => Stage[] | Promise<Stage[]>)(spec.options)) as unknown;
  if (!Array.isArray(stages)) throw new Error(`${spec.export}() in ${spec.module} did not return a list of stages.`);
  return stages as Stage[];
}
