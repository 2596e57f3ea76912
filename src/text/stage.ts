/**
 * Declared stages, as spaCy components: each stage names the Doc layers it
 * reads (`requires`) and the layers it fills (`assigns`). `assemble` checks the
 * order once, when a pipeline is put together, so a stage that reads a layer no
 * earlier stage fills is an error before any text is processed; `run` executes
 * the whole pipeline or a part of it (`until`, `disable`) with the same check.
 */
import type { Doc } from './doc.js';

/**
 * The layers of a Doc. `text` (tokens, sentences, paragraphs) is built by
 * `createDoc`; every other layer is assigned by a stage. See `Doc` for each layer's type.
 */
export type Layer = 'text' | 'mentions' | 'entities' | 'times' | 'quotedSpans' | 'quotes' | 'events';

/** A pipeline component. */
export interface Stage {
  readonly name: string;
  /** Layers the stage reads: an earlier stage must assign each (or the caller give it). */
  readonly requires: readonly Layer[];
  /** Layers the stage fills. */
  readonly assigns: readonly Layer[];
  run(doc: Doc): void;
}

export interface RunOptions {
  /** Stop after the stage of this name (it runs). */
  until?: string;
  /** Stages not to run. Whatever a running stage requires must still be assigned, or listed in `given`. */
  disable?: readonly string[];
  /** Layers the caller filled on the Doc beforehand (e.g. gold entities in an evaluation). */
  given?: readonly Layer[];
  /** Hears each stage's wall time in ms, for benchmarks. */
  onStage?: (name: string, ms: number) => void;
}

export class PipelineError extends Error {
  override name = 'PipelineError';
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs the stages in order on the Doc, and returns it. */
  run(doc: Doc, options?: RunOptions): Doc;
}

/**
 * Checks that every stage's requirements are assigned by an earlier one (the
 * `text` layer and the `given` layers count as assigned from the start) and that
 * names are unique; throws a PipelineError naming the first problem.
 */
export function checkOrder(stages: readonly Stage[], given: readonly Layer[] = []): void {
  const assigned = new Set<Layer>(['text', ...given]);
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) throw new PipelineError(`two stages are named "${s.name}"`);
    names.add(s.name);
    for (const layer of s.requires) {
      if (!assigned.has(layer)) throw new PipelineError(`stage "${s.name}" requires the layer "${layer}", which no earlier stage assigns`);
    }
    for (const layer of s.assigns) assigned.add(layer);
  }
}

/**
 * Puts stages together into a pipeline, checking their order now.
 *
 * @example
 * assemble([timesStage, eventsStage]); // throws: stage "events" requires the layer "entities", which no earlier stage assigns
 */
export function assemble(stages: readonly Stage[]): Pipeline {
  checkOrder(stages);
  const all = [...stages];
  const plans = new Map<string, Stage[]>(); // the checked selection per option set
  const select = (options: RunOptions): Stage[] => {
    const key = JSON.stringify([options.until ?? null, options.disable ?? [], options.given ?? []]);
    let plan = plans.get(key);
    if (plan) return plan;
    const end = options.until === undefined ? all.length : all.findIndex((s) => s.name === options.until) + 1;
    if (end === 0) throw new PipelineError(`no stage is named "${options.until}"`);
    for (const name of options.disable ?? []) if (!all.some((s) => s.name === name)) throw new PipelineError(`no stage is named "${name}"`);
    plan = all.slice(0, end).filter((s) => !options.disable?.includes(s.name));
    checkOrder(plan, options.given);
    plans.set(key, plan);
    return plan;
  };
  return {
    stages: all,
    run(doc: Doc, options: RunOptions = {}): Doc {
      const plan = select(options);
      const hear = options.onStage;
      for (const s of plan) {
        if (!hear) {
          s.run(doc);
          continue;
        }
        const t0 = performance.now();
        s.run(doc);
        hear(s.name, performance.now() - t0);
      }
      return doc;
    },
  };
}
