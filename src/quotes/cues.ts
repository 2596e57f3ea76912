/**
 * Reporting cues: which tokens are speech verbs used as verbs, and the
 * multi-word cues ("according to", "to quote", "in the words of", "pointed out").
 */
import type { QuoteContext } from './context.js';
import { COGNITION_FORMS, DETERMINERS, SPEECH_FORMS, WEAK_LEMMAS } from './lexicon.js';

export type CueForm = 'verb' | 'according' | 'toQuote' | 'quoted' | 'colon';

export interface Cue {
  form: CueForm;
  lemma: string;
  /** Token range of the cue words. */
  tokenStart: number;
  tokenEnd: number;
}

const POSSESSIVE_BEFORE = new Set([...DETERMINERS, 'his', 'her', 'their', 'its', 'our', 'my', 'your', '’s', "'s", 'of', 'no', 'every', 'such']);
const STRONG_AFTER = new Set(['that', ':', ',', '“', '"', '‘', "'", '«', '„']);

/**
 * The cue ending at or containing token `i`, if any. `cognition` admits
 * verbs of belief and intention (for reported speech).
 *
 * @example
 * // tokens of 'He said that …': cueAt(ctx, 1, false) → { form: 'verb', lemma: 'say', … }
 */
export function cueAt(ctx: QuoteContext, i: number, cognition: boolean, afterQuote = false): Cue | null {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = [new Array(ctx.lower.length), new Array(ctx.lower.length), new Array(ctx.lower.length)];
    caches.set(ctx, cache);
  }
  const slot = cache[afterQuote ? 2 : cognition ? 1 : 0]!;
  let v = slot[i];
  if (v === undefined) {
    v = computeCue(ctx, i, cognition, afterQuote);
    slot[i] = v;
  }
  return v;
}

const caches = new WeakMap<QuoteContext, (Cue | null | undefined)[][]>();

function computeCue(ctx: QuoteContext, i: number, cognition: boolean, afterQuote: boolean): Cue | null {
  const { lower, doc } = ctx;
  const w = lower[i]!;
  if (w === 'according' && lower[i + 1] === 'to') return { form: 'according', lemma: 'according to', tokenStart: i, tokenEnd: i + 2 };
  if (w === 'words' && lower[i + 1] === 'of' && lower[i - 1] === 'the' && lower[i - 2] === 'in') return { form: 'according', lemma: 'in the words of', tokenStart: i - 2, tokenEnd: i + 2 };
  if ((w === 'quote' || w === 'paraphrase') && lower[i - 1] === 'to') return { form: 'toQuote', lemma: 'to quote', tokenStart: i - 1, tokenEnd: i + 1 };
  const lemma = SPEECH_FORMS.get(w) ?? (cognition ? COGNITION_FORMS.get(w) : undefined);
  if (!lemma) return null;
  const prev = lower[i - 1];
  // "the said", "his claims", "a report": nouns, not verbs.
  if (prev !== undefined && POSSESSIVE_BEFORE.has(prev)) return null;
  const tok = doc.tokens[i]!;
  if (/^\p{Lu}/u.test(tok.text) && doc.sentences[tok.sentence]!.tokenStart !== i && !/^[“"‘'(\[—–-]$/.test(doc.tokens[i - 1]?.text ?? '')) return null;
  if (lemma === 'quote' && (lower[i + 1] === 'as' || lower[i - 1] === 'was' || lower[i - 1] === 'were' || lower[i - 1] === 'is')) {
    return { form: 'verb', lemma: 'quote', tokenStart: i, tokenEnd: lower[i + 1] === 'as' ? Math.min(i + 3, doc.tokens.length) : i + 1 };
  }
  if (lemma === 'quote' || lemma === 'cite') return { form: 'quoted', lemma, tokenStart: i, tokenEnd: i + 1 };
  if (lemma === 'point' && lower[i + 1] === 'out') return { form: 'verb', lemma: 'point out', tokenStart: i, tokenEnd: i + 2 };
  // "as X put it, …"
  if (lemma === 'put' && lower[i + 1] === 'it') return { form: 'verb', lemma: 'put it', tokenStart: i, tokenEnd: i + 2 };
  // Weak verbs count right after a quotation ("…," he continued) but not on their own.
  if (WEAK_LEMMAS.has(lemma) && !STRONG_AFTER.has(lower[i + 1] ?? '') && !afterQuote) return null;
  return { form: 'verb', lemma, tokenStart: i, tokenEnd: i + 1 };
}
