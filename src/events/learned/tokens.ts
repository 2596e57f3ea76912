/**
 * The plain data the learned event components read and return: token texts and
 * the sentence of each token in, token ranges out. Any token layer can supply
 * it (the Doc's tokens at run time, the same tokenizer over annotated corpora in
 * training), so the components do not depend on any stage's output objects.
 */

export interface TokenView {
  /** Token texts in text order. */
  readonly texts: readonly string[];
  /** Sentence index of each token (non-decreasing). */
  readonly sentence: ArrayLike<number>;
  /** Optional: each text's two form hashes (`formHashesInto`, as the Doc's token index has them), so the form table need not hash the texts again. */
  readonly formH0?: Int32Array;
  readonly formH1?: Int32Array;
}

/** Tokens start..end−1. */
export interface TokenSpan {
  start: number;
  end: number;
}

/** TimeML event classes, as the mention detector labels them (0 is "no event"). */
export const EVENT_CLASSES = ['OCCURRENCE', 'REPORTING', 'STATE', 'I_ACTION', 'I_STATE', 'ASPECTUAL', 'PERCEPTION'] as const;
export type EventClass = (typeof EVENT_CLASSES)[number];

/** What the article commits to about an event (docs/events.md, "Factuality"). */
export const FACTUALITY = ['asserted', 'negated', 'possible', 'cancelled', 'reported'] as const;
export type Factuality = (typeof FACTUALITY)[number];

/** A time expression as the anchoring model sees it: its tokens and TIMEX3 type. */
export interface TimeSpan extends TokenSpan {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
}
