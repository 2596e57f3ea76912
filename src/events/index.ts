import type { Doc, Stage } from '../text/doc.js';

/** Placeholder until the events stage lands: assigns nothing. */
export const extractEvents: Stage = (_doc: Doc) => {};
