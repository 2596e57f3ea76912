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
export const PARTICIPANT_MODEL = { file: 'event-participants.bin', magic: 'EVP1' } as const;
export const COREF_MODEL = { file: 'event-coref.bin', magic: 'EVC1' } as const;

export interface EventModels {
  mentions: LinearModel;
  factuality: LinearModel;
  anchors: LinearModel;
  /** Participant roles (src/events/participants.ts); null: the rules alone (for comparison). */
  participants: LinearModel | null;
  /** Pairwise event coreference (src/events/coreference.ts); null: the rule (for comparison). */
  coreference: LinearModel | null;
}

let loaded: EventModels | null = null;

/** Replaces the models for this process (eval:events uses models trained without MEANTIME); null reloads the files. */
export function useEventModels(models: EventModels | null): void {
  loaded = models;
}

/** The three TimeML-trained models from their files (not cached): what the participant and coreference training runs with. */
export function loadCoreEventModels(): Pick<EventModels, 'mentions' | 'factuality' | 'anchors'> {
  const load = (m: { file: string; magic: string }) => LinearModel.fromBuffer(readFileSync(resolveModelPath(m.file)), m.magic);
  return { mentions: load(MENTION_MODEL), factuality: load(FACTUALITY_MODEL), anchors: load(ANCHOR_MODEL) };
}

export function loadEventModels(): EventModels {
  if (!loaded) {
    const load = (m: { file: string; magic: string }) => LinearModel.fromBuffer(readFileSync(resolveModelPath(m.file)), m.magic);
    loaded = {
      mentions: load(MENTION_MODEL),
      factuality: load(FACTUALITY_MODEL),
      anchors: load(ANCHOR_MODEL),
      participants: load(PARTICIPANT_MODEL),
      coreference: load(COREF_MODEL),
    };
  }
  return loaded;
}
