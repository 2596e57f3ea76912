/**
 * The learned event components' model files (built by `npm run train:events`),
 * loaded once on first use.
 */
import { readFileSync } from 'node:fs';
import { resolveModelPath } from '../../models.js';
import { LinearModel } from './linear-model.js';

export const MENTION_MODEL = { file: 'event-mentions.bin', magic: 'EVM1' } as const;
export const FACTUALITY_MODEL = { file: 'event-factuality.bin', magic: 'EVF1' } as const;
export const ANCHOR_MODEL = { file: 'event-anchors.bin', magic: 'EVA1' } as const;

export interface EventModels {
  mentions: LinearModel;
  factuality: LinearModel;
  anchors: LinearModel;
}

let loaded: EventModels | null = null;

/** Replaces the models for this process (eval:events uses models trained without MEANTIME); null reloads the files. */
export function useEventModels(models: EventModels | null): void {
  loaded = models;
}

export function loadEventModels(): EventModels {
  if (!loaded) {
    const load = (m: { file: string; magic: string }) => LinearModel.fromBuffer(readFileSync(resolveModelPath(m.file)), m.magic);
    loaded = { mentions: load(MENTION_MODEL), factuality: load(FACTUALITY_MODEL), anchors: load(ANCHOR_MODEL) };
  }
  return loaded;
}
