import type { Doc, Stage } from '../text/doc.js';

/** Placeholder until the quotes stage lands: assigns nothing. */
export const extractQuotes: Stage = (_doc: Doc) => {};
