import type { Doc, Stage } from '../text/doc.js';

/** Placeholder until the times stage lands: assigns nothing. */
export const tagTimes: Stage = (_doc: Doc) => {};
