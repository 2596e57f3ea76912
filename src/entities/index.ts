import type { Doc, Stage } from '../text/doc.js';

/** Placeholder until the entities stage lands: assigns nothing. */
export const recognizeEntities: Stage = (_doc: Doc) => {};
