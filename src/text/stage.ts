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

/** Why a Doc of `runMany` was left out of the stages after the one that threw. */
export interface StageFailure {
  stage: string;
  error: unknown;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs the stages in order on the Doc, and returns it. */
  run(doc: Doc, options?: RunOptions): Doc;
  /**
   * Runs the stages over many Docs stage by stage: each stage over every Doc
   * before the next stage starts, so a stage's code and tables stay in the
   * CPU's caches across articles instead of being evicted by the other stages
   * between them (see BATCH_ARTICLES in pipeline.ts). The results are those of
   * `run` on each Doc alone: a stage reads and writes only its Doc (its scratch
   * buffers are refilled per call). A Doc whose stage throws is left out of the later
   * stages and its failure returned at its index (null for the others), so one
   * bad article does not stop its neighbours.
   */
  runMany(docs: readonly Doc[], options?: RunOptions): (StageFailure | null)[];
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
    runMany(docs: readonly Doc[], options: RunOptions = {}): (StageFailure | null)[] {
      const plan = select(options);
      const hear = options.onStage;
      const failures: (StageFailure | null)[] = docs.map(() => null);
      for (const s of plan) {
        const t0 = hear ? performance.now() : 0;
        for (let i = 0; i < docs.length; i++) {
          if (failures[i]) continue;
          try {
            s.run(docs[i]!);
          } catch (error) {
            failures[i] = { stage: s.name, error };
          }
        }
        if (hear) hear(s.name, performance.now() - t0);
      }
      return failures;
    },
  };
}
