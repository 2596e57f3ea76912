/**
 * Reported (indirect) speech: "X said/told Y/warned/… that <clause>" and the
 * trailing form "<clause>, X said." / "<clause>, according to X." Only the
 * outermost attribution of a sentence is kept (the PolNeAR convention).
 */
import type { DocEntity as Entity } from '../text/doc.js';
import type { QuoteContext } from './context.js';
import { edAfterNonE, endsWith, presentAfterName, runTimeRules } from './suffix.js';
import { cueAt, cueWordKinds, type Cue } from './cues.js';
import { wordSignature } from '../text/word-filter.js';
import type { DirectQuote } from './direct.js';
import { addresseeAfter } from './direct.js';
import { WEEKDAYS } from '../lang/en/calendar.js';
import { POSSESSIVE_DETERMINERS } from '../lang/en/function-words.js';
import { ADDRESSEE_LEMMAS, ATTITUDE_FORMS, COGNITION_FORMS, DESCRIPTION_NOUNS, DETERMINERS, PREPOSITIONS, PRONOUNS, RELATIVES, SKIPPABLE_BEFORE_VERB, TO_ADDRESSEE_LEMMAS, SPEECH_FORMS, STANCE_ADJECTIVES, WEAK_LEMMAS, JUDGING_LEMMAS, CLAIM_NOUNS } from './lexicon.js';
import { candidatesIn, phraseAfter, prepositionBefore, remember, resolvePronoun, subjectOf, subjectPhrase, toSpeaker, type Candidate, type FoundSpeaker, type SpeakerHistory } from './speaker.js';

export interface IndirectQuote {
  start: number;
  end: number;
  cue: Cue;
  speaker: FoundSpeaker;
  addressee: Entity | null;
}

/** Verbs that take a clause without "that": "said the US had not seen…". */
const BARE_CLAUSE = new Set([
  'say', 'tell', 'add', 'write', 'claim', 'argue', 'insist', 'warn', 'predict', 'suggest', 'note', 'admit', 'acknowledge',
  'deny', 'announce', 'explain', 'believe', 'think', 'feel', 'hope', 'fear', 'expect', 'assert', 'contend', 'maintain',
  'tweet', 'reckon', 'guess', 'suspect', 'assume', 'suppose', 'agree', 'concede', 'recall', 'complain', 'worry', 'doubt',
  'allege', 'declare', 'reply', 'respond', 'stress', 'emphasize', 'emphasise', 'promise', 'vow', 'pledge', 'assure',
  'confirm', 'reveal', 'disclose', 'report', 'testify', 'observe', 'remark', 'show',
]);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'it', 'reporters', 'journalists', 'supporters', 'voters', 'lawmakers', 'officials', 'the', 'a', 'an']);
const CLAUSE_START_WORDS = new Set([...PRONOUNS, ...DETERMINERS, 'there', 'this', 'these', 'those', 'if', 'no', 'nobody', 'everyone', 'everybody', 'nothing']);
const MAX_CONTENT = 120;
/** Words that head a subject when "of" follows: "much of the money was …", "more of them are …". */
const QUANTITY_WORDS = new Set(['much', 'more', 'less', 'most', 'some', 'many', 'few', 'all', 'none', 'half', 'each', 'both', 'one', 'two', 'three', 'several', 'any']);
/** Verbs that report a question, and the words that open an indirect question. */
const QUESTION_LEMMAS = new Set(['ask', 'wonder', 'question', 'inquire', 'enquire']);
const QUESTION_WORDS = new Set(['whether', 'if', 'why', 'how', 'what', 'when', 'where', 'who', 'which']);
/** Subject pronouns: after one, a clause has begun ("said on Friday he met …"). */
const NOMINATIVE = new Set(['he', 'she', 'they', 'we', 'i']);
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor']);
/** -ing words that are prepositions: ", including benefit cuts," stays inside the content. */
const PREPOSITION_ING = new Set(['including', 'excluding', 'concerning', 'regarding', 'following', 'during', 'notwithstanding', 'pending', 'barring']);
const NAMING_PARTICIPLES = new Set(['called', 'named', 'dubbed', 'titled', 'entitled']);

/** A lowercase word that is no pronoun, auxiliary, adverb or function word: "a company [called]". */
function isCommonNoun(ctx: QuoteContext, k: number): boolean {
  const w = ctx.lower[k];
  if (w === undefined || !ctx.word[k] || ctx.cap[k] || PRONOUNS.has(w) || FINITE.has(w) || DETERMINERS.has(w) || PREPOSITIONS.has(w)) return false;
  return !endsWith(w, 'ly') && !CONJUNCTIONS.has(w) && w !== 'be' && w !== 'been' && w !== 'being' && w !== 'who' && w !== 'that' && w !== 'which';
}
const TIME_WORDS = new Set([...Object.keys(WEEKDAYS), 'today', 'yesterday', 'tonight', 'last', 'this', 'earlier', 'later', 'recently', 'previously', 'again', 'too', 'also', 'then', 'afterward', 'afterwards']);
const NON_SUBJECT = new Set(['to', 'and', 'or', 'but', 'so', 'not', 'never', 'also', 'that', 'what', 'how', 'why', 'whether', 'yes', 'no', 'nothing', 'something', 'anything', 'much', 'more', 'less', 'goodbye', 'hello', 'thanks', 'sorry', 'again', 'once', 'twice', 'later', 'earlier', 'recently', 'today', 'tonight', 'yesterday', 'tomorrow', 'last', 'next', 'this']);
/** Nouns whose own "that"-clause is not the verb's content: "responding to the news that …". */
const NOUN_COMPLEMENT = new Set(['news', 'report', 'reports', 'claim', 'claims', 'fact', 'idea', 'notion', 'allegation', 'allegations', 'suggestion', 'belief', 'rumor', 'rumors', 'rumour', 'question', 'argument', 'evidence', 'assertion', 'view', 'promise', 'warning', 'possibility', 'hope', 'fear', 'fears', 'concern', 'concerns', 'word', 'reason', 'sense', 'impression', 'assumption', 'theory', 'way', 'point', 'time', 'extent', 'so', 'such']);
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'do', 'does', 'did', '’s', "'s", '’re', "'re", '’ll', "'ll", '’d', "'d", '’ve', "'ve", 'wo', 'ca', 'won', 'isn', 'aren', 'wasn', 'weren', 'hasn', 'haven', 'hadn', 'didn', 'doesn', 'don', 'shall']);

/**
 * Finds reported speech in every sentence.
 *
 * @example
 * // 'Pezeshkian proposed that the ceremony could take place in Kazan.'
 * // → content 'the ceremony could take place in Kazan', cue 'proposed', speaker Pezeshkian
 */
export function findIndirect(ctx: QuoteContext, quotes: DirectQuote[], history: SpeakerHistory): IndirectQuote[] {
  const { doc, lower } = ctx;
  const out: IndirectQuote[] = [];
  const keptQuote = new Map<number, DirectQuote>();
  const spanIndex = new Map(ctx.spans.map((s, i) => [s, i]));
  for (const q of quotes) keptQuote.set(spanIndex.get(q.span)!, q);
  // Rejected spans (scare quotes, titles) are ordinary words here.
  let quoteOf = ctx.quoteOf;
  if (keptQuote.size < ctx.spans.length) {
    // A copy with the tokens of the rejected spans cleared: only their tokens are visited (a token holds the first span
    // covering it, so one whose span is rejected is cleared even if a kept span covers it too, as before).
    quoteOf = ctx.quoteOf.slice();
    ctx.spans.forEach((span, i) => {
      if (keptQuote.has(i)) return;
      for (let k = span.tokenStart; k < span.tokenEnd; k++) if (quoteOf[k] === i) quoteOf[k] = -1;
    });
  }
  const cueWords = cueWordKinds(ctx);
  for (let s = 0; s < doc.sentences.length; s++) {
    const S = doc.sentences[s]!;
    let coveredUntil = -1; // nested attributions inside an earlier content are skipped
    const headline = colonAttribution(ctx, S.tokenStart, S.tokenEnd, quoteOf, history) ?? leadingAs(ctx, S.tokenStart, S.tokenEnd, quoteOf, history) ?? titleAttribution(ctx, s, quoteOf, history);
    if (headline) {
      out.push(headline);
      continue;
    }
    for (let k = S.tokenStart; k < S.tokenEnd; k++) {
      if (cueWords[k] === 0 || quoteOf[k]! >= 0 || k < coveredUntil) continue;
      const cue = cueAt(ctx, k, true) ?? attitudeCue(ctx, k);
      if (!cue) {
        // "…, the Associated Press reported.", "…, the survey found.": a weak verb ending the sentence after its subject.
        const weak = trailingWeakCue(ctx, k);
        const t = weak ? trailingAttribution(ctx, weak, S.tokenStart, S.tokenEnd, history, quoteOf) : null;
        if (t) {
          out.push(t);
          coveredUntil = S.tokenEnd;
        }
        continue;
      }
      // Whole-sentence attributions, tried in order: "X, he said, Y", "<clause>, X said/according to X", "According to X, <clause>".
      const whole =
        (cue.form === 'verb' ? parentheticalAttribution(ctx, cue, S.tokenStart, S.tokenEnd, quoteOf, history) : null) ??
        (cue.form === 'according' || (cue.form === 'verb' && lower[cue.tokenStart - 1] !== undefined) ? trailingAttribution(ctx, cue, S.tokenStart, S.tokenEnd, history, quoteOf) : null) ??
        (cue.form === 'according' ? leadingAccording(ctx, cue, S.tokenStart, S.tokenEnd, quoteOf, history) : null) ??
        (cue.form === 'according' ? medialAccording(ctx, cue, S.tokenStart, S.tokenEnd, quoteOf, history) : null);
      if (whole) {
        out.push(whole);
        coveredUntil = S.tokenEnd;
        continue;
      }
      if (cue.form !== 'verb') continue;
      // "a web-based tool called EdgeScape": naming after a noun, not speech.
      if (NAMING_PARTICIPLES.has(lower[cue.tokenStart]!) && ctx.cap[cue.tokenEnd] && isCommonNoun(ctx, cue.tokenStart - 1)) continue;
      let contentStart = complementStart(ctx, cue, S.tokenEnd);
      let objectOnly = false;
      if (contentStart < 0) {
        // "urged conservatives to unite", "criticized Clinton for …", "supports Hillary Clinton".
        contentStart = objectStart(ctx, cue, S.tokenEnd, quoteOf);
        objectOnly = true;
      }
      if (contentStart < 0) continue;
      // "welfare support and those who …": content never opens with a conjunction (the cue was a noun).
      if (CONJUNCTIONS.has(lower[contentStart]!)) continue;
      // The content runs to the sentence end, a quotation, or a clause break.
      let e = contentStart;
      let hitQuote = -1;
      // "While Mr Seifert has suggested a merged company would be run out of London, the mayor …": a cue inside
      // an opening subordinate clause reports only that clause, which ends at its comma.
      const inOpening = openingClause(ctx, S.tokenStart, cue.tokenStart);
      // "Jones, who says she is innocent, could lose her seat": a cue in a relative clause set off by commas reports
      // only that clause, which ends at the comma before the main clause's verb (run-time rule, branch quotes39).
      const inRelative = runTimeRules.on && inCommaRelative(ctx, cue.tokenStart);
      // Parentheses opened inside the content: "540bn yen ($5.2bn; £2.77bn) in fresh backing" — a semicolon there
      // separates two amounts and ends nothing.
      let parens = 0;
      while (e < S.tokenEnd && e - contentStart < MAX_CONTENT) {
        if (quoteOf[e]! >= 0) {
          hitQuote = quoteOf[e]!;
          break;
        }
        const w = lower[e]!;
        if (w === '(') parens++;
        else if (w === ')' && parens > 0) parens--;
        if ((w === ';' && parens === 0) || w === '—' || w === '–') break;
        if (inOpening && w === ',' && e > contentStart && !numberComma(ctx, e)) break;
        if (inRelative && w === ',' && e > contentStart && parens === 0 && mainClauseVerbAfter(ctx, e + 1)) break;
        // ("threatening to cut 12,000 jobs": a comma inside a number ends nothing — run-time rule, branch quotes36.)
        if (objectOnly && e > contentStart && ((w === ',' && !(runTimeRules.on && numberComma(ctx, e))) || w === '(' || CLAUSE_END_WORDS.has(w))) break;
        // "claimed vast wealth and said it …": a second verb starts its own attribution.
        if ((w === 'and' || w === 'but') && e > contentStart && (SPEECH_FORMS.has(lower[e + 1] ?? '') || COGNITION_FORMS.has(lower[e + 1] ?? '') || ATTITUDE_FORMS.has(lower[e + 1] ?? ''))) break;
        // "…, but he said Trump could …": a new subject and its own cue start another attribution.
        if (w === ',' && e > contentStart && coordinatedAttribution(ctx, e + 1, S.tokenEnd)) break;
        if (w === ',' && (lower[e + 1] === 'according' || (lower[e + 1] !== undefined && trailingSaid(ctx, e + 1, S.tokenEnd)))) break;
        // ", contradicting …", ", which …": the author's addition, not the content.
        if (w === ',' && e > contentStart && /^(?:\p{Ll}+ing|which|who|whom|whose|while|whereas|although|though)$/u.test(doc.tokens[e + 1]?.text ?? '') && !PREPOSITION_ING.has(lower[e + 1]!)) break;
        e++;
      }
      // "described BA's results as “pretty modest”": the partial quotation carries it.
      if (objectOnly && lower[e] === 'as' && hitQuote < 0) {
        let j = e + 1;
        while (j < S.tokenEnd && j <= e + 3 && quoteOf[j]! < 0) j++;
        const dq = quoteOf[j] !== undefined && quoteOf[j]! >= 0 ? keptQuote.get(quoteOf[j]!) : undefined;
        if (dq && dq.kind === 'partial') continue;
      }
      // Drop the sentence's final punctuation and dangling conjunctions.
      let last = e - 1;
      while (last >= contentStart && /^(?:[.!?,:…]|and|but|or|as)$/.test(lower[last]!)) last--;
      if (last < contentStart) continue;
      let words = 0;
      for (let t = contentStart; t <= last; t++) if (ctx.word[t]) words++;
      if (words < 2) continue;
      if (hitQuote >= 0) {
        const dq = keptQuote.get(hitQuote);
        // "stressed that Iran’s ties are “sincere and strategic.”": the partial quotation carries the attribution.
        const conj = /^(?:and|but|or|,)$/.test(lower[e - 1] ?? '');
        if (dq && dq.kind === 'partial' && (!conj || objectOnly)) continue;
      }
      const cand = subjectOf(ctx, cue.tokenStart, Math.max(S.tokenStart, cue.tokenStart - 40));
      if (!cand) continue;
      const speaker = toSpeaker(ctx, cand, history, S.tokenStart, cue.tokenStart);
      remember(history, s, speaker);
      out.push({
        start: doc.tokens[contentStart]!.start,
        end: doc.tokens[last]!.end,
        cue,
        speaker,
        addressee: addresseeAfter(ctx, cue, contentStart),
      });
      coveredUntil = last + 1;
    }
    if (runTimeRules.on) possessedClaims(ctx, S.tokenStart, S.tokenEnd, quoteOf, history, out);
  }
  return out;
}

/** Signatures (`TokenIndex.sig`) of words the per-sentence scans seek: a token whose signature differs is not the word. */
const THAT_SIG = wordSignature('that');
const COLON_SIG = wordSignature(':');
const AS_SIG = wordSignature('as');

const POSSESSIVE_PRONOUN_AS = new Map<string, 'he' | 'she'>([['his', 'he'], ['her', 'she']]);
/** Verbs whose object a relative "that" leaves out after a noun of speech: "the claim that he made", not its content. */
const GAP_VERBS = new Set(['made', 'make', 'makes', 'issued', 'gave', 'give', 'released', 'published', 'delivered', 'repeated', 'rejected', 'denied', 'dismissed', 'withdrew', 'retracted', 'heard', 'read', 'received', 'put', 'sent', 'wrote']);

/**
 * "The court rejected Mr Smith's claim that the firm had lied", "Jones repeated his warning that prices would rise":
 * a noun of speech with a possessor and a that-clause reports the clause, said by the possessor (run-time rule, branch
 * quotes40). Only such a noun phrase inside the clause (after a word of it: an object or a preposition's object), whose
 * content runs to the clause's end as a verb's does; a subject ("His claim that … was false") ends its content before
 * a main verb the rules cannot find. Nested in an outer attribution's content, the noun's own attribution is added.
 */
function possessedClaims(ctx: QuoteContext, sentStart: number, sentEnd: number, quoteOf: Int32Array, history: SpeakerHistory, out: IndirectQuote[]): void {
  const { lower, doc } = ctx;
  // Only the tokens before a "that" (the document's "that"s, found once): a scan of every token of every sentence here
  // cost 0.8% of the pipeline's profile with the noun's Set look-up first, 0.3% with the signature of "that" first.
  const thats = thatTokens(ctx);
  for (let t = firstAtOrAfter(thats, sentStart + 3); t < thats.length && thats[t]! < sentEnd - 1; t++) {
    const k = thats[t]! - 1;
    if (!CLAIM_NOUNS.has(lower[k]!) || quoteOf[k]! >= 0 || ctx.cap[k]) continue;
    const possessor = possessorBefore(ctx, k, sentStart);
    if (!possessor) continue;
    const content = thatClauseAt(ctx, k + 2, sentEnd, quoteOf);
    if (!content) continue;
    if (out.some((q) => q.cue.tokenStart <= k && q.cue.tokenEnd > k) || out.some((q) => q.start === doc.tokens[content.start]!.start)) continue;
    const cue: Cue = { form: 'verb', lemma: lower[k]!.replace(/s$/, ''), tokenStart: k, tokenEnd: k + 1 };
    const speaker = possessor.pronoun
      ? speakerOfPossessivePronoun(ctx, possessor.tokenStart, history)
      : toSpeaker(ctx, possessor.cand!, history, possessor.tokenStart, k);
    out.push({ start: doc.tokens[content.start]!.start, end: doc.tokens[content.last]!.end, cue, speaker, addressee: null });
  }
}

/** The tokens "that" of the document, ascending; found once per context (by signature first: most tokens are not read). */
function thatTokens(ctx: QuoteContext): readonly number[] {
  if (ctx.thatTokens) return ctx.thatTokens;
  const { sig } = ctx.index;
  const found: number[] = [];
  for (let k = 0; k < sig.length; k++) if (sig[k] === THAT_SIG && ctx.lower[k] === 'that') found.push(k);
  // (A plain array: a typed array of its own would cost an allocation of its backing store.)
  return (ctx.thatTokens = found);
}

/** The index of the first value ≥ `x` in the ascending `values` (values.length if none). */
function firstAtOrAfter(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The possessor of the noun at `k`: "his"/"her"/"their"/"its" or a name before "'s", one modifier between allowed. */
function possessorBefore(ctx: QuoteContext, k: number, sentStart: number): { tokenStart: number; pronoun: boolean; cand: Candidate | null } | null {
  const { lower } = ctx;
  // "his recent claim", "Trump's evidence-free assertion": one lower-case modifier.
  let j = k - 1;
  if (ctx.word[j] && !ctx.cap[j] && !(POSSESSIVE_DETERMINERS as readonly string[]).includes(lower[j]!) && lower[j] !== "'s" && lower[j] !== '’s') j--;
  const w = lower[j];
  let first: number;
  let result: { tokenStart: number; pronoun: boolean; cand: Candidate | null };
  if (w === 'his' || w === 'her' || w === 'their' || w === 'its') {
    first = j;
    result = { tokenStart: j, pronoun: true, cand: null };
  } else if (w === "'s" || w === '’s') {
    const cands = candidatesIn(ctx, Math.max(sentStart, j - 6), j);
    const cand = cands[cands.length - 1];
    if (!cand || cand.tokenEnd !== j || (cand.kind !== 'entity' && cand.kind !== 'proper')) return null;
    first = cand.tokenStart;
    result = { tokenStart: cand.tokenStart, pronoun: false, cand };
  } else return null;
  // ("accepted Prime Minister Tony Blair's promise", "at Mr Mallon's claim": the title's words belong to the phrase.)
  while (first - 1 > sentStart && ctx.cap[first - 1] && ctx.word[first - 1]) first--;
  return first - 1 >= sentStart && governsObject(ctx, first - 1) ? result : null;
}

const BEFORE_BASE_VERB = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does', 'do']);

/**
 * The word at `j` takes the noun phrase after it as its object: a preposition ("amid Trump's accusations that"), a
 * past form ("rejected Mr Smith's claim that") or a verb after "to" or a modal ("will underpin his claim that"). Not
 * a verb of speech or thought, whose object is a clause the phrase is the subject of ("Cook said Lord Goldsmith's
 * admission that … suggested …"), nor a noun the possessor's phrase goes on from ("cartel Opec's announcement").
 */
function governsObject(ctx: QuoteContext, j: number): boolean {
  const w = ctx.lower[j]!;
  if (!ctx.word[j] || ctx.cap[j] || SPEECH_FORMS.has(w) || COGNITION_FORMS.has(w)) return false;
  if (PREPOSITIONS.has(w)) return true;
  return endsWith(w, 'ed') || ATTITUDE_FORMS.has(w) || BEFORE_BASE_VERB.has(ctx.lower[j - 1] ?? '');
}

/** The speaker named by a possessive pronoun: "his" stands for a man as "he" does; "their", "its" left unlinked. */
function speakerOfPossessivePronoun(ctx: QuoteContext, tok: number, history: SpeakerHistory): FoundSpeaker {
  const t = ctx.doc.tokens[tok]!;
  const as = POSSESSIVE_PRONOUN_AS.get(ctx.lower[tok]!);
  const entity = as ? resolvePronoun(ctx, tok, history, as) : null;
  // (Resolved, it stands as its entity: the pronoun pass after the rules reads "his" as no pronoun of a person.)
  if (entity) return { entity, name: entity.name, description: null, start: t.start, end: t.end, kind: 'entity' };
  return { entity: null, name: null, description: t.text, start: t.start, end: t.end, kind: 'pronoun' };
}

/**
 * The clause after a noun's "that" (token `from` on): a subject and a finite verb, not a relative clause missing its
 * object ("the claim that he made"); it runs to the sentence end, a semicolon, a dash, a quotation or a comma before
 * the author's addition (", which …", ", according to …"). Null under three words.
 */
function thatClauseAt(ctx: QuoteContext, from: number, sentEnd: number, quoteOf: Int32Array): { start: number; last: number } | null {
  const { lower, doc } = ctx;
  for (let j = from; j < Math.min(sentEnd, from + 4); j++) if (GAP_VERBS.has(lower[j]!)) return null;
  let e = from;
  while (e < sentEnd && e - from < MAX_CONTENT) {
    const w = lower[e]!;
    if (quoteOf[e]! >= 0 || w === ';' || w === '—' || w === '–') break;
    if (w === ',' && e > from && /^(?:\p{Ll}+ing|which|who|whom|whose|while|whereas|although|though|according|but)$/u.test(doc.tokens[e + 1]?.text ?? '') && !PREPOSITION_ING.has(lower[e + 1]!)) break;
    if (w === ',' && lower[e + 1] !== undefined && trailingSaid(ctx, e + 1, sentEnd)) break;
    e++;
  }
  let last = e - 1;
  while (last >= from && /^(?:[.!?,:…]|and|but|or|as)$/.test(lower[last]!)) last--;
  let words = 0;
  for (let t = from; t <= last; t++) if (ctx.word[t]) words++;
  return words >= 3 ? { start: from, last } : null;
}

const CLAUSE_END_WORDS = new Set(['because', 'while', 'when', 'after', 'before', 'although', 'though', 'since', 'as', 'but', 'which', 'who', 'where', 'whereas', 'during', 'according']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get']);

/**
 * "Poll: Wealthy voters abandon …", "Sanders: Clinton is wrong" — a short
 * speaker phrase and a colon opening the sentence (headlines, transcripts).
 */
function colonAttribution(ctx: QuoteContext, sentStart: number, sentEnd: number, quoteOf: Int32Array, history: SpeakerHistory): IndirectQuote | null {
  const { lower, doc } = ctx;
  let colon = -1;
  const { sig } = ctx.index;
  for (let j = sentStart; j < Math.min(sentEnd, sentStart + 6); j++) if (sig[j] === COLON_SIG && lower[j] === ':') {
    colon = j;
    break;
  }
  if (colon <= sentStart || colon + 1 >= sentEnd || quoteOf[colon + 1]! >= 0) return null;
  for (let j = sentStart; j < colon; j++) if (SPEECH_FORMS.has(lower[j]!) || COGNITION_FORMS.has(lower[j]!)) return null; // "X said:" is a verb cue
  const cands = candidatesIn(ctx, sentStart, colon);
  let cand: Candidate | undefined = cands[0];
  // Transcripts: "WALLACE: …", "PENCE: …".
  if (!cand && colon - sentStart <= 3 && doc.tokens.slice(sentStart, colon).every((t) => /^\p{Lu}[\p{Lu}.'’-]*$/u.test(t.text))) cand = { kind: 'proper', tokenStart: sentStart, tokenEnd: colon, entity: null };
  if (!cand || cands.length > 2) return null;
  if (cand.kind === 'entity' && cand.entity!.type !== 'PERSON' && cand.entity!.type !== 'ORGANIZATION') return null;
  // The turn runs to the end of its paragraph.
  const para = doc.paragraphs[doc.sentences[doc.tokens[colon]!.sentence]!.paragraph]!;
  // A headline or a transcript turn opens its paragraph: a "Name: …" after other sentences of the paragraph is a
  // title ("… the picture. Joshua Reynolds: The Creation of Celebrity will feature …") or a list ("Subs Not Used:
  // Fish, Jeffers"), no speech.
  if (runTimeRules.on && doc.tokens[sentStart]!.sentence !== para.sentenceStart) return null;
  let last = Math.min(doc.sentences[para.sentenceEnd - 1]!.tokenEnd, colon + MAX_CONTENT * 2) - 1;
  while (last > colon && /^[.!?,:…]$/.test(lower[last]!)) last--;
  let words = 0;
  for (let j = colon + 1; j <= last && j - colon < MAX_CONTENT * 2; j++) {
    if (quoteOf[j]! >= 0) return null;
    if (ctx.word[j]) words++;
  }
  if (words < 3 || last - colon > MAX_CONTENT * 2) return null;
  const cue: Cue = { form: 'colon', lemma: ':', tokenStart: colon, tokenEnd: colon + 1 };
  return { start: doc.tokens[colon + 1]!.start, end: doc.tokens[last]!.end, cue, speaker: toSpeaker(ctx, cand, history, sentStart, colon), addressee: null };
}

/**
 * A headline in title case, its own paragraph: "Trump Says He Never Pledged To Kill …", "Rick Perry Just
 * Announced His Endorsement Of …". A short name, then a verb of saying (capitalised like every word), then
 * what was said, to the end or to a dash ("… – It Might Surprise You").
 */
function titleAttribution(ctx: QuoteContext, s: number, quoteOf: Int32Array, history: SpeakerHistory): IndirectQuote | null {
  const { lower, doc } = ctx;
  const S = doc.sentences[s]!;
  if (!ctx.cap[S.tokenStart] || (s > 0 && doc.sentences[s - 1]!.paragraph === S.paragraph) || (s + 1 < doc.sentences.length && doc.sentences[s + 1]!.paragraph === S.paragraph)) return null;
  // Title case: (nearly) every word of four letters or more is capitalised.
  let long = 0;
  let capped = 0;
  for (let j = S.tokenStart; j < S.tokenEnd; j++) {
    if (quoteOf[j]! >= 0) return null;
    if (ctx.word[j] && doc.tokens[j]!.text.length >= 4) {
      long++;
      if (ctx.cap[j]) capped++;
    }
  }
  if (long < 4 || capped < long - 1) return null;
  let k = S.tokenStart + 1;
  while (k < S.tokenEnd && k <= S.tokenStart + 5 && !SPEECH_FORMS.has(lower[k]!)) k++;
  const lemma = SPEECH_FORMS.get(lower[k] ?? '');
  if (lemma === undefined || WEAK_LEMMAS.has(lemma)) return null;
  let subjectEnd = k;
  if (lower[k - 1] === 'just') subjectEnd--;
  const cands = candidatesIn(ctx, S.tokenStart, subjectEnd);
  let cand: Candidate | undefined = cands[cands.length - 1];
  // The recogniser may miss a name in a title-case line: a short capitalised subject is that name.
  if (!cand && subjectEnd - S.tokenStart <= 3 && doc.tokens.slice(S.tokenStart, subjectEnd).every((t, i) => ctx.cap[S.tokenStart + i] && ctx.word[S.tokenStart + i])) cand = { kind: 'proper', tokenStart: S.tokenStart, tokenEnd: subjectEnd, entity: null };
  if (!cand || cand.tokenEnd !== subjectEnd || subjectEnd - S.tokenStart > 4 || cand.kind === 'pronoun' || cand.kind === 'description') return null;
  // Only a title may stand before the name ("Mayor Jones Says …"; not "… Makes Sexist Wife Joke").
  for (let j = S.tokenStart; j < cand.tokenStart; j++) if (!ctx.cap[j] || !ctx.word[j]) return null;
  // "… Responds To Question About …": what follows must be what was said, not a phrase (except "Vows To …").
  const first = lower[k + 1] ?? '';
  if ((PREPOSITIONS.has(first) || first === 'to') && !(first === 'to' && /^(?:vow|promise|pledge|threaten|refuse|agree|offer)$/.test(lemma))) return null;
  let last = k + 1;
  while (last < S.tokenEnd && !/^[–—:]$/.test(lower[last]!) && !(lower[last] === '-' && doc.tokens[last]!.start > doc.tokens[last - 1]!.end)) last++;
  last--;
  while (last > k && /^[.!?,:…]$/.test(lower[last]!)) last--;
  let words = 0;
  for (let j = k + 1; j <= last; j++) if (ctx.word[j]) words++;
  if (words < 2) return null;
  const cue: Cue = { form: 'verb', lemma, tokenStart: k, tokenEnd: k + 1 };
  return { start: doc.tokens[k + 1]!.start, end: doc.tokens[last]!.end, cue, speaker: toSpeaker(ctx, cand, history, S.tokenStart, k), addressee: null };
}

/**
 * Words of saying or attitude that are nouns when a preposition their verb never takes follows: "rising demand for
 * oil", "strong support for Turkey", "hopes of a payoff", "plans for a new points system", "claims of infighting",
 * "fears about privacy", "jail terms of up to five years", "the web address of the site".
 * (The verbs take an object or a clause: "demanded a refund", "hopes that"; "calls for", "asked for", "warned of",
 * "fears for" are verbs and not listed; nor is "questions about whether …", an indirect question PolNeAR annotates.) Only the base and "-s" forms: "was criticised for" is a participle.
 */
const NOUN_BEFORE_PREPOSITION = new Map<string, Set<string>>([
  ['demand', new Set(['for', 'of'])], ['demands', new Set(['for', 'of'])],
  ['support', new Set(['for'])], ['praise', new Set(['for'])],
  ['plans', new Set(['for'])],
  ['hope', new Set(['of'])], ['hopes', new Set(['of'])],
  ['claim', new Set(['of', 'about'])], ['claims', new Set(['of', 'about'])],
  ['fear', new Set(['of', 'about', 'over'])], ['fears', new Set(['of', 'about', 'over'])],
  ['terms', new Set(['of', 'for'])], ['address', new Set(['of'])],
  ['offer', new Set(['of', 'for'])], ['offers', new Set(['of', 'for'])], ['promise', new Set(['of'])], ['promises', new Set(['of'])],
]);

export function nounBeforePreposition(lower: readonly string[], cue: Cue): boolean {
  if (cue.tokenEnd - cue.tokenStart !== 1) return false;
  return NOUN_BEFORE_PREPOSITION.get(lower[cue.tokenStart]!)?.has(lower[cue.tokenEnd] ?? '') ?? false;
}

/** Verbs of telling whose object is a narrative, not speech: "The film tells the story of two boys". */
const TELL_FORMS = new Set(['tell', 'tells', 'told', 'telling']);
const NARRATIVES = new Set(['story', 'stories', 'tale', 'tales', 'history', 'saga']);

/**
 * A cue that tells a story ("The film tells the story of …", "which told the tale of …"), names something ("were
 * called Phoenix and Firebird") or keeps someone from something ("James denied Damien Duff"): a plot, a name or a
 * save, no attribution of speech.
 */
export function notSpeechCue(lower: readonly string[], cue: Cue, ctx?: QuoteContext): boolean {
  const w = lower[cue.tokenStart]!;
  // "James denied Damien Duff …", "denied him a place": kept someone from something, no denial said.
  if (ctx && (w === 'denied' || w === 'denies') && deniedSomeone(ctx, cue.tokenEnd)) return true;
  const next = lower[cue.tokenEnd] ?? '';
  if (TELL_FORMS.has(w)) {
    const story = NARRATIVES.has(next) || ((next === 'the' || next === 'a' || next === 'its' || next === 'their') && NARRATIVES.has(lower[cue.tokenEnd + 1] ?? ''));
    // Told by a work, not a person ("the film tells", "a book which tells", "The show, which told"): a person telling
    // the story of something speaks.
    if (story) for (let k = cue.tokenStart - 1; k >= cue.tokenStart - 4 && k >= 0; k--) if (WORKS.has(lower[k]!)) return true;
    return false;
  }
  // "went on to win the US Open", "went close": going on to do something says nothing; "went on to say" does.
  if (GO_FORMS.has(w)) {
    const verb = next === 'on' && lower[cue.tokenEnd + 1] === 'to' ? (lower[cue.tokenEnd + 2] ?? '') : '';
    return !(SPEECH_FORMS.has(verb) || COGNITION_FORMS.has(verb) || ATTITUDE_FORMS.has(verb));
  }
  return w === 'called' && BE_BEFORE_CALLED.has(lower[cue.tokenStart - 1] ?? '');
}
const GO_FORMS = new Set(['go', 'goes', 'went', 'going', 'gone']);

/** Finite auxiliaries and modals: a plural noun right before one of them is its subject. */
const FINITE_AUXILIARIES = new Set(['are', 'is', 'were', 'was', 'have', 'has', 'had', 'can', 'could', 'will', 'would', 'may', 'might', 'must', 'should']);
/** Words before a noun that make it part of a determined phrase, or a pronoun subject before a verb. */
const DETERMINED_OR_SUBJECT = new Set([...DETERMINERS, ...POSSESSIVE_DETERMINERS, "'s", '’s', ...PRONOUNS, ...RELATIVES]);

/**
 * A cue word that is the plural noun heading a subject ("privacy advocates are concerned", "independent record labels
 * have a louder voice", "electrical signals that can be read", "denial of service attacks are on the increase"):
 * an -s form right before a finite auxiliary (or "that" and one), after a lowercase modifier that no determiner or
 * possessive opens (not "what the government says is", not "which he says has").
 */
export function pluralNounCue(ctx: QuoteContext, cue: Cue): boolean {
  const { lower } = ctx;
  const k = cue.tokenStart;
  const w = lower[k]!;
  if (cue.tokenEnd !== k + 1 || !w.endsWith('s') || w.endsWith('ss') || w === 'says' || ctx.cap[k]) return false;
  const next = lower[k + 1] ?? '';
  if (!FINITE_AUXILIARIES.has(next) && !(next === 'that' && FINITE_AUXILIARIES.has(lower[k + 2] ?? ''))) return false;
  const prev = lower[k - 1] ?? '';
  if (!/^[a-z]/.test(prev) || ctx.cap[k - 1] || DETERMINED_OR_SUBJECT.has(prev)) return false;
  return !DETERMINED_OR_SUBJECT.has(lower[k - 2] ?? '');
}
/** Forms of "be" after an existential "there": "there are fears", "there have been calls". */
const EXISTENTIAL_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", '’s', 'remain', 'remains', 'remained']);
/** What a "supporting" part is: an actor's, not speech in support ("best supporting actress"). */
const SUPPORTING_PARTS = new Set(['actor', 'actress', 'actors', 'actresses', 'role', 'roles', 'cast', 'part', 'player', 'players', 'act', 'acts', 'band', 'artist', 'artists', 'documents', 'evidence', 'character', 'characters']);

/**
 * A cue word that is a noun or preposition by its frame, not a verb of saying: "thanks to a fertile imagination" (a
 * preposition), "the best supporting actress" (an adjective of a part), and a noun after an existential "there" ("there
 * are also fears that …", "there have been calls for …", "there were doubts over …": no one is said to fear or call;
 * up to two words such as "also", "growing" between).
 */
export function nominalCue(ctx: QuoteContext, cue: Cue): boolean {
  const { lower } = ctx;
  const k = cue.tokenStart;
  if (cue.tokenEnd !== k + 1) return false;
  const w = lower[k]!;
  const next = lower[k + 1] ?? '';
  if (w === 'thanks' && next === 'to') return true;
  if (w === 'supporting' && SUPPORTING_PARTS.has(next)) return true;
  if (endsWith(w, 'ed', 'ing') || w === 'says' || w === 'said') return false;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    // Only modifiers between ("there is what he calls …" has a subject of its own).
    if (!EXISTENTIAL_BE.has(lower[j]!)) {
      if (!ctx.word[j] || ctx.cap[j] || PRONOUNS.has(lower[j]!) || RELATIVES.has(lower[j]!) || lower[j] === 'what') return false;
      continue;
    }
    let t = j - 1;
    if (lower[t] === 'have' || lower[t] === 'has' || lower[t] === 'had' || lower[t] === 'will' || lower[t] === 'would' || lower[t] === 'may' || lower[t] === 'could') t--;
    return lower[t] === 'there';
  }
  return false;
}

/** A person right after "denied" (named, not as the owner of what is denied: "denied Mr Smith's claims"), or "him", "us", "me". */
function deniedSomeone(ctx: QuoteContext, k: number): boolean {
  const next = ctx.lower[k] ?? '';
  if (next === 'him' || next === 'us' || next === 'me') return true; // (not "them": the allegations; not "her": her claims)
  const m = ctx.mentionOf[k]!;
  if (m < 0) return false;
  const mention = ctx.mentions[m]!;
  if (mention.tokenStart !== k || mention.entity.type !== 'PERSON') return false;
  // What the person was kept from, a list or a tackle follows ("denied Elvis his fourth number one", "denied Duff,
  // Jarosik and Kezman", "denied Gerrard with a last-ditch tackle"); a verb makes a clause that was denied ("denied
  // Phillips made the remark"), and a possessive the thing denied ("denied Mr Smith's claims").
  const after = ctx.lower[mention.tokenEnd] ?? '.';
  return DEPRIVED_AFTER.has(after) || !ctx.word[mention.tokenEnd];
}
const DEPRIVED_AFTER = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'with', 'and', 'any', 'victory', 'a', 'what', 'access', 'entry', 'bail']);
/** Works that tell a story. */
const WORKS = new Set(['film', 'films', 'movie', 'book', 'novel', 'play', 'show', 'series', 'drama', 'documentary', 'musical', 'programme', 'program', 'opera', 'album', 'song', 'episode', 'sequel', 'comedy', 'thriller', 'biopic', 'exhibition', 'game']);
const BE_BEFORE_CALLED = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** An attitude verb used as a verb ("supports", "urged"), as a cue. */
function attitudeCue(ctx: QuoteContext, k: number): Cue | null {
  const lemma = ATTITUDE_FORMS.get(ctx.lower[k]!);
  if (!lemma) return null;
  const prev = ctx.lower[k - 1] ?? '';
  if (DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || prev === '’s' || prev === "'s" || ctx.cap[k]) return null;
  return { form: 'verb', lemma, tokenStart: k, tokenEnd: k + 1 };
}

/** Token where a noun-phrase or infinitive object starts after an attitude verb, or -1. */
function objectStart(ctx: QuoteContext, cue: Cue, sentEnd: number, quoteOf: Int32Array): number {
  const { lower, doc } = ctx;
  const w = lower[cue.tokenStart]!;
  // "polls show Clinton with an 8-point lead": what the evidence shows is its object.
  const lemma = ATTITUDE_FORMS.get(w) ?? (cue.lemma === 'show' ? 'show' : undefined);
  if (!lemma) return -1;
  const prev = lower[cue.tokenStart - 1] ?? '';
  if (PASSIVE_AUX.has(prev) && endsWith(w, 'ed', 'en')) return -1; // "was criticized by"
  let k = cue.tokenEnd;
  while (k < sentEnd && endsWith(lower[k]!, 'ly') && lower[k] !== 'only') k++;
  if (k >= sentEnd || quoteOf[k]! >= 0) return -1;
  const next = lower[k]!;
  if (!ctx.word[k] || next === 'by' || next === 'that' || next === 'it' || next === 'out' || next === 'up' || next === 'on' || next === 'in' || next === 'at' || next === 'with' || next === 'from') return -1;
  // At least two words up to the clause end.
  let words = 0;
  for (let j = k; j < Math.min(sentEnd, k + 4); j++) {
    if (lower[j] === ',' || lower[j] === '.' || lower[j] === ';') break;
    if (ctx.word[j]) words++;
  }
  return words >= 2 || ctx.cap[k] ? k : -1;
}

/**
 * The rest of an addressee's noun phrase before the reported clause (run-time rule, branch quotes24): "told the BBC
 * News website he was …", "told the court the men did not …", "told police they had …", "told a meeting of the party
 * it would …", "warned his side they must …". From `k`, names, up to three common words and an "of" phrase are skipped up to a subject
 * pronoun, "there", "that" or a new determiner, which opens the clause; anything else (a preposition, a verb, an
 * adverb, punctuation, a quotation) leaves `k` as it is ("warned changes to the scheme would …", "told of his plan").
 */
function addresseeEnd(ctx: QuoteContext, k: number, sentEnd: number): number {
  const { lower, quoteOf } = ctx;
  const last = Math.min(sentEnd - 1, k + 8);
  let nouns = 0;
  for (let j = k; j < last; j++) {
    const w = lower[j]!;
    if (quoteOf[j]! >= 0 || !ctx.word[j] || RELATIVES.has(w) || QUESTION_WORDS.has(w)) return k;
    const opens = NOMINATIVE.has(w) || w === 'it' || w === 'there' || w === 'that' || (DETERMINERS.has(w) && lower[j - 1] !== 'of');
    if (opens) return j > k && ctx.word[j + 1] ? j : k;
    // At most three common words ("a meeting of the city council"): a longer phrase is no addressee.
    if (!ctx.cap[j] && w !== 'of' && !DETERMINERS.has(w) && ++nouns > 3) return k;
    if ((PREPOSITIONS.has(w) && w !== 'of') || FINITE.has(w) || SPEECH_FORMS.has(w) || CONJUNCTIONS.has(w) || (!ctx.cap[j] && (endsWith(w, 'ly') || endsWith(w, 'ed') || (endsWith(w, 'ing') && !DETERMINERS.has(lower[j - 1]!))))) return k;
  }
  return k;
}

/** Token where the reported clause starts after the cue, or -1. */
function complementStart(ctx: QuoteContext, cue: Cue, sentEnd: number): number {
  const { lower, doc, mentionOf, mentions, quoteOf } = ctx;
  // "was told that", "is said to have": the subject is not the speaker.
  if (PASSIVE_AUX.has(lower[cue.tokenStart - 1] ?? '') && /(?:ed|en|told|thought|said|known|heard|seen|shown|found|written)$/.test(lower[cue.tokenStart]!) && !STANCE_ADJECTIVES.has(cue.lemma)) return -1;
  let k = cue.tokenEnd;
  while (k < sentEnd && endsWith(lower[k]!, 'ly') && lower[k] !== 'only') k++;
  let skippedObject = false;
  // Addressee: "told Putin that", "assured him that", "suggested to Putin that".
  if (ADDRESSEE_LEMMAS.has(cue.lemma) || (TO_ADDRESSEE_LEMMAS.has(cue.lemma) && lower[k] === 'to')) {
    const k0 = k;
    if (lower[k] === 'to') k++;
    while (k < sentEnd && DETERMINERS.has(lower[k]!)) k++;
    const mi = mentionOf[k];
    if (mi !== undefined && mi >= 0) k = mentions[mi]!.tokenEnd;
    else if (OBJECT_PRONOUNS.has(lower[k]!)) k++;
    // After a bare "to" only a plural noun ("admitted to jurors he …"): "promised to halve the deficit" is an infinitive.
    if (runTimeRules.on && !(lower[k0] === 'to' && k === k0 + 1 && !(endsWith(lower[k]!, 's') && !endsWith(lower[k]!, 'ss', 'us')))) k = addresseeEnd(ctx, k, sentEnd);
    skippedObject = k > k0;
  }
  // Up to a few words of circumstance before "that": "said in a statement that", "said on Sunday that".
  for (let j = k; j < Math.min(sentEnd, k + 9); j++) {
    const w = lower[j]!;
    if (quoteOf[j]! >= 0) break;
    if (w === 'that') {
      // "the report that …" is a noun's clause; "users report that …" (the cue itself before "that") is the verb's.
      if (j + 1 < sentEnd && (j === cue.tokenEnd || !NOUN_COMPLEMENT.has(lower[j - 1]!)) && ctx.word[j + 1]) return j + 1;
      break;
    }
    if (w === '.' || w === ';' || w === ':' || SPEECH_FORMS.has(w) || FINITE.has(w)) break;
  }
  // "asked whether …", "asked him why …", "wondered if …": the question is the content.
  if (QUESTION_LEMMAS.has(cue.lemma) && QUESTION_WORDS.has(lower[k] ?? '') && k + 2 < sentEnd && ctx.word[k + 1]) return k;
  if (!BARE_CLAUSE.has(cue.lemma)) return -1;
  // "a rule change that he said would make …": in a relative clause the content is the verb phrase after the cue.
  if (FINITE.has(lower[k] ?? '') && ctx.word[k + 1] && relativeSubjectBefore(ctx, cue.tokenStart)) return k;
  if (cue.lemma === 'tell' && !skippedObject) return -1;
  if (k >= sentEnd || quoteOf[k]! >= 0) return -1;
  // "said after the convention he would not …": a short circumstance before the clause's pronoun subject.
  // "said on Friday he met …", "said Friday they would …": a subject pronoun starts the clause.
  if ((PREPOSITIONS.has(lower[k]!) && lower[k] !== 'to') || TIME_WORDS.has(lower[k]!)) {
    for (let j = k + 1; j < Math.min(sentEnd, k + 8); j++) {
      const v = lower[j]!;
      if (v === ',' || v === '.' || quoteOf[j]! >= 0) break;
      if (NOMINATIVE.has(v) && ctx.word[j + 1] === 1 && !PREPOSITIONS.has(lower[j + 1]!)) return j;
    }
    if (PREPOSITIONS.has(lower[k]!)) return -1;
  }
  const w = lower[k]!;
  const t = doc.tokens[k]!.text;
  // A clause starts with a subject: a pronoun, a determiner, a name, or a plain noun ("allies were rattled").
  // A gerund can head the subject ("says running for president is tough"): only with a finite verb soon after.
  const gerund = endsWith(w, 'ing') && w.length > 5 && !NON_SUBJECT.has(w);
  // "said much of his discussion was …": a quantifier with "of" heads the subject (alone, "said much" is an object).
  const partitive = QUANTITY_WORDS.has(w) && lower[k + 1] === 'of';
  if (CLAUSE_START_WORDS.has(w) || partitive || ctx.cap[k] || /^\p{N}/u.test(t) || gerund || (ctx.word[k] && !PREPOSITIONS.has(w) && !NON_SUBJECT.has(w) && !endsWith(w, 'ly', 'ing', 'ed'))) {
    // A clause has a finite verb soon after its subject; "claimed a strategic convergence" has none.
    if (PRONOUNS.has(w) && w !== 'it' && w !== 'you') return k;
    let limit = k + 10;
    let skippedAside = false;
    for (let j = k + 1; j < Math.min(sentEnd, limit); j++) {
      const v = lower[j]!;
      // "said Trump, despite his wealth, is …": one aside between commas after the subject.
      if (v === ',' && !skippedAside && !gerund) {
        skippedAside = true;
        let c = j + 1;
        while (c < Math.min(sentEnd, j + 8) && lower[c] !== ',' && quoteOf[c]! < 0 && lower[c] !== '.') c++;
        if (lower[c] === ',' && c > j + 1) {
          limit += c - j;
          j = c;
          continue;
        }
      }
      if (gerund) {
        if (FINITE.has(v)) return k;
        if (v === '.' || v === ',' || v === ';' || quoteOf[j]! >= 0) break;
        continue;
      }
      // Right after a determiner a participle is an adjective ("said the proposed law"); after a name,
      // a noun or "it" it is the verb ("said Carter stopped", "said police arrested", "says it raised").
      // After a name a word in -s is the verb in the present ("said Jones deserves credit").
      if (FINITE.has(v) || (endsWith(v, 'ed') && (j > k + 1 || !DETERMINERS.has(w))) || (j > k && (COGNITION_FORMS.has(v) || ATTITUDE_FORMS.has(v) || SPEECH_FORMS.has(v))) || presentAfterName(ctx, k, j)) return k;
      if (v === '.' || v === ',' || v === ';' || quoteOf[j]! >= 0) break;
    }
    return -1;
  }
  return -1;
}

/**
 * ", a spokesman for the party" / ", who leads the party" at `comma`, running to `end`: a
 * description of the speaker set off by a comma — a relative clause, or a noun phrase opening
 * with a determiner or a role word, with no verb of saying and no quotation in it (and, for
 * the noun phrase, no finite verb).
 */
function appositiveTail(ctx: QuoteContext, comma: number, end: number): boolean {
  const { lower, quoteOf } = ctx;
  const first = lower[comma + 1] ?? '';
  const relative = first === 'who' || first === 'whose' || first === 'which';
  if (!relative && !DETERMINERS.has(first) && !DESCRIPTION_NOUNS.has(first) && !ctx.cap[comma + 1]) return false;
  if (end - comma > 25 || end - comma < 2) return false;
  for (let j = comma + 1; j < end; j++) {
    const w = lower[j]!;
    if (quoteOf[j]! >= 0 || w === ';' || w === ':' || w === 'that' || (SPEECH_FORMS.has(w) && !ctx.cap[j])) return false;
    if (relative) continue;
    if (FINITE.has(w) && w !== '’s' && w !== "'s") return false;
    // ", a former aide, who …": a relative clause may follow the noun phrase.
    if (w === ',') return lower[j + 1] === 'who' || lower[j + 1] === 'whose';
  }
  return true;
}

/**
 * "but he said …", "and officials said …" at `k` (after a comma): a conjunction, a
 * short subject (a pronoun, or up to four words) and a verb of saying, belief or attitude.
 */
function coordinatedAttribution(ctx: QuoteContext, k: number, sentEnd: number): boolean {
  const { lower } = ctx;
  if (lower[k] !== 'but' && lower[k] !== 'and') return false;
  const first = lower[k + 1] ?? '';
  if (NOMINATIVE.has(first)) {
    let j = k + 2;
    while (j < sentEnd && j < k + 5 && (lower[j] === 'also' || lower[j] === 'later' || FINITE.has(lower[j]!))) j++;
    return isCueForm(lower[j] ?? '');
  }
  for (let j = k + 2; j < Math.min(sentEnd, k + 6); j++) {
    const w = lower[j]!;
    if (!ctx.word[j] || FINITE.has(w)) return false;
    // A bare plural right before the verb is its subject too: "but officials said", "and analysts say".
    if (SPEECH_FORMS.has(w) && !ctx.cap[j]) return ctx.mentionOf[k + 1]! >= 0 || DETERMINERS.has(first) || ctx.cap[k + 1] === 1 || (runTimeRules.on && j === k + 2 && first.length > 3 && endsWith(first, 's') && !endsWith(first, 'ss', 'us', 'is'));
  }
  return false;
}

const isCueForm = (w: string) => SPEECH_FORMS.has(w) || COGNITION_FORMS.has(w) || ATTITUDE_FORMS.has(w);

/** "that he said", "which officials said": a relative pronoun, then a short subject right before the cue. */
function relativeSubjectBefore(ctx: QuoteContext, cue: number): boolean {
  const { lower } = ctx;
  for (let j = cue - 1; j >= 0 && j >= cue - 4; j--) {
    const w = lower[j]!;
    if (w === 'that' || w === 'which' || w === 'who') return j < cue - 1;
    if (!ctx.word[j] || FINITE.has(w) || PREPOSITIONS.has(w)) return false;
  }
  return false;
}

/**
 * Verbs too weak to be cues on their own ("reported earnings", "found the body", "stated aims") that attribute
 * what precedes them when they end the sentence after their subject: "…, the Financial Times reported.",
 * "…, the survey found.", "…, the company estimated." (and "…, figures show.", the evidence cue of cues.ts).
 */
const TRAILING_WEAK = new Set(['report', 'state', 'estimate', 'indicate', 'find']);
/** Their forms in -s are plural nouns as often ("the latest reports."): verbs only after a name or a pronoun ("the FT reports."). */
const TRAILING_WEAK_S = new Set(['reports', 'states', 'estimates', 'finds', 'indicates']);

function trailingWeakCue(ctx: QuoteContext, k: number): Cue | null {
  const w = ctx.lower[k]!;
  const lemma = SPEECH_FORMS.get(w) ?? COGNITION_FORMS.get(w);
  if (lemma === undefined || !TRAILING_WEAK.has(lemma) || ctx.cap[k] || w === lemma) return null;
  const prev = ctx.lower[k - 1] ?? '';
  // "the reported figures", "its estimates", "…, it has been reported": no subject speaks.
  if (!ctx.word[k - 1] || DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || PASSIVE_AUX.has(prev) || prev === '’s' || prev === "'s") return null; // DETERMINERS holds the possessives (its, their, his, her)
  if (TRAILING_WEAK_S.has(w) && !ctx.cap[k - 1] && !PRONOUNS.has(prev)) return null;
  return { form: 'verb', lemma, tokenStart: k, tokenEnd: k + 1 };
}

/**
 * `cand`, an organisation, place or other non-person name opening the phrase from `from` (after a determiner or
 * adjectives), modifies the words after it up to `end` (the cue, less
 * adverbs and auxiliaries): "City consultancy Deloitte", "the UK elections watchdog", "the UK's financial watchdog".
 * Those words are the rest of one noun phrase — no preposition, conjunction, clause word, determiner or verb.
 */
function premodifierName(ctx: QuoteContext, cand: Candidate, from: number, end: number): boolean {
  const { lower } = ctx;
  if (cand.kind !== 'entity' || cand.entity!.type === 'PERSON') return false;
  // Before the name, only the phrase's own determiner and adjectives ("the", "a senior"; not "but despite").
  for (let j = from; j < cand.tokenStart; j++) if (!ctx.word[j] || PREPOSITIONS.has(lower[j]!) || CONJUNCTIONS.has(lower[j]!) || RELATIVES.has(lower[j]!)) return false;
  let k = cand.tokenEnd;
  if (lower[k] === "'s" || lower[k] === '’s') k++;
  let e = end;
  while (e > k && (SKIPPABLE_BEFORE_VERB.has(lower[e - 1]!) || endsWith(lower[e - 1]!, 'ly'))) e--;
  if (e <= k) return false;
  for (let j = k; j < e; j++) {
    const w = lower[j]!;
    if (!ctx.word[j] || ctx.quoteOf[j]! >= 0 || PREPOSITIONS.has(w) || CONJUNCTIONS.has(w) || RELATIVES.has(w) || FINITE.has(w) || DETERMINERS.has(w) || QUESTION_WORDS.has(w)) return false;
  }
  return true;
}

/** `cand` follows a preposition (and its determiner) with words of the phrase from `from` before it: "unions at the Italian carmaker". */
function objectOfPreposition(ctx: QuoteContext, cand: Candidate, from: number): boolean {
  return prepositionBefore(ctx, cand.tokenStart) > from;
}

/**
 * The subject phrase of a trailing attribution whose first name only modifies it: the name ending right before the
 * cue ("…, City consultancy Deloitte has warned." → Deloitte), else the whole phrase ("…, the UK elections watchdog
 * has said."). A passive names no speaker.
 */
function headedSubject(ctx: QuoteContext, comma: number, cue: number): Candidate | null {
  const { lower } = ctx;
  if (PASSIVE_AUX.has(lower[cue - 1]!)) return null;
  let e = cue;
  while (e > comma + 1 && (SKIPPABLE_BEFORE_VERB.has(lower[e - 1]!) || endsWith(lower[e - 1]!, 'ly')) && !PASSIVE_AUX.has(lower[e - 1]!)) e--;
  const cands = candidatesIn(ctx, comma + 1, e);
  const last = cands[cands.length - 1];
  if (last && last.tokenEnd === e && last.tokenStart > cands[0]!.tokenStart) return last;
  return { kind: 'np', tokenStart: comma + 1, tokenEnd: e, entity: null };
}

/** Determiners opening an inverted plain subject ("…, warned the magazine."). */
const INVERTED_DETERMINERS = new Set(['the', 'a', 'an', 'one']);
/**
 * Verbs of saying that stand inverted before a plain noun phrase ending the sentence ("…, warned the magazine."); not
 * those that commonly take an object there ("…, acknowledged the point.", "…, told the press.", "…, confirmed the deal.").
 */
const INVERTING_LEMMAS = new Set(['say', 'add', 'warn', 'claim', 'argue', 'insist', 'explain', 'note', 'write', 'report', 'conclude', 'predict', 'suggest', 'declare', 'state', 'comment', 'observe', 'reply', 'respond', 'stress', 'caution', 'continue', 'maintain', 'believe', 'think']);

/**
 * "the magazine", "a top academic", "the education watchdog" from `from` to the sentence's final punctuation: a
 * determiner and one to three lowercase words, none a preposition, conjunction, clause word, pronoun or auxiliary.
 */
function plainPhraseToEnd(ctx: QuoteContext, from: number, sentEnd: number): Candidate | null {
  const { lower } = ctx;
  if (!INVERTED_DETERMINERS.has(lower[from]!)) return null;
  let e = from + 1;
  while (e < sentEnd && ctx.word[e]) e++;
  if (e - from < 2 || e - from > 4 || !/^[.!?]$/.test(lower[e] ?? '') || e + 1 < sentEnd) return null;
  for (let j = from + 1; j < e; j++) {
    const w = lower[j]!;
    if (ctx.cap[j] || ctx.quoteOf[j]! >= 0 || PREPOSITIONS.has(w) || CONJUNCTIONS.has(w) || RELATIVES.has(w) || FINITE.has(w) || DETERMINERS.has(w) || PRONOUNS.has(w) || QUESTION_WORDS.has(w)) return null;
  }
  return { kind: 'np', tokenStart: from, tokenEnd: e, entity: null };
}

/** Role nouns that name what an organisation is ("news agency", "newspaper"), not a person in it. */
const ORGANISATION_HEADS = new Set(['agency', 'newspaper', 'broadcaster']);

/**
 * The subject of a trailing weak cue between `comma` and the cue: the candidate ending right before it
 * ("…, the Sunday Telegraph reported.", "…, news agency Reuters reported."), else the whole phrase when it is
 * a plain noun phrase ("…, official figures show.", "…, government research found."); null for a relative
 * clause ("…, which it had reported as revenue.") or anything opening with a conjunction, preposition or pronoun.
 */
function weakSubject(ctx: QuoteContext, comma: number, cue: number): Candidate | null {
  const { lower } = ctx;
  let e = cue;
  // "…, the deal was announced.": a passive names no speaker.
  if (PASSIVE_AUX.has(lower[cue - 1]!)) return null;
  while (e > comma + 1 && (SKIPPABLE_BEFORE_VERB.has(lower[e - 1]!) || /^['’](?:ve|d)$/.test(lower[e - 1]!)) && !PASSIVE_AUX.has(lower[e - 1]!)) e--;
  if (e <= comma + 1) return null;
  for (let j = comma + 1; j < e; j++) if ((!ctx.word[j] && !numberComma(ctx, j)) || RELATIVES.has(lower[j]!) || QUESTION_WORDS.has(lower[j]!) || FINITE.has(lower[j]!)) return null;
  const cands = candidatesIn(ctx, comma + 1, e);
  const last = cands[cands.length - 1];
  if (last && last.tokenEnd === e) {
    // "…, the Associated Press news agency reported.": the agency is the named organisation itself.
    if (last.kind === 'description' && ORGANISATION_HEADS.has(lower[last.tokenStart]!) && !ctx.cap[last.tokenStart]) {
      let j = last.tokenStart;
      while (j > comma + 1 && j > last.tokenStart - 2 && ctx.word[j - 1] && !ctx.cap[j - 1] && ctx.mentionOf[j - 1]! < 0) j--;
      const mi = ctx.mentionOf[j - 1] ?? -1;
      const m = mi >= 0 ? ctx.mentions[mi]! : null;
      if (m && m.entity.type === 'ORGANIZATION' && m.tokenStart > comma) return { kind: 'entity', tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, entity: m.entity };
    }
    return last;
  }
  const first = lower[comma + 1]!;
  // ", drawing a sharp reply from Khan": a participle opens no subject.
  if (CONJUNCTIONS.has(first) || PREPOSITIONS.has(first) || PRONOUNS.has(first) || (!ctx.cap[comma + 1] && endsWith(first, 'ing', 'ed'))) return null;
  return { kind: 'np', tokenStart: comma + 1, tokenEnd: e, entity: null };
}

const HEARERS = new Set(['him', 'her', 'them', 'me', 'us', 'you']);
/** Who is told things besides people named or described: "told reporters", "told a Commons inquiry". */
const AUDIENCE = new Set([
  'reporters', 'journalists', 'jurors', 'jury', 'court', 'delegates', 'activists', 'supporters', 'members', 'staff', 'workers', 'investors',
  'analysts', 'conference', 'inquiry', 'committee', 'hearing', 'audience', 'crowd', 'paper', 'newspaper', 'programme', 'program', 'radio',
  'television', 'website', 'magazine', 'agency', 'listeners', 'viewers', 'students', 'fans', 'voters', 'shareholders', 'congress', 'parliament',
  'meeting', 'rally', 'summit', 'forum', 'press', 'media', 'interviewer', 'interview',
]);

/**
 * "told Reuters.", "has told a US court.", "told BBC Two's Newsnight on Sunday.": after a verb whose first object is
 * its addressee, a short phrase running to the sentence end (no verb, clause word or comma in it).
 */
function addresseeToEnd(ctx: QuoteContext, cue: Cue, sentEnd: number): boolean {
  if (!ADDRESSEE_LEMMAS.has(cue.lemma) || cue.lemma === 'ask' || cue.lemma === 'order') return false;
  const { lower } = ctx;
  let words = 0;
  let heard = false;
  for (let j = cue.tokenEnd; j < sentEnd; j++) {
    const w = lower[j]!;
    if (/^[.!?]$/.test(w)) return heard && j >= sentEnd - 2;
    if (!ctx.word[j] && w !== '’s' && w !== "'s" && w !== '’' && w !== "'") return false;
    // "…, she told BBC Radio 4's Today programme.": a possessive after a name is no "is" (run-time rule, branch quotes36).
    if (runTimeRules.on && (w === "'s" || w === '’s') && ctx.cap[j - 1]) continue;
    if (FINITE.has(w) || w === 'that' || w === 'to' || RELATIVES.has(w) || QUESTION_WORDS.has(w) || ctx.quoteOf[j]! >= 0 || ++words > 6) return false;
    // Somebody to tell: a name, a role or an audience ("told a joke", "advise buying it" tell nobody).
    if (ctx.cap[j] || ctx.mentionOf[j]! >= 0 || DESCRIPTION_NOUNS.has(w) || AUDIENCE.has(w) || HEARERS.has(w)) heard = true;
  }
  return false;
}

/** ", the comedian has told" / ", his family has said": a determiner opens the words before a finite cue, and no other does. */
function determinerSubject(ctx: QuoteContext, comma: number, cue: Cue, sentEnd: number): boolean {
  const { lower } = ctx;
  const w = lower[cue.tokenStart]!;
  if (w === cue.lemma || endsWith(w, 'ing') || !DETERMINERS.has(lower[comma + 1]!)) return false;
  // "…, a new track written for his album": a participle qualifying the noun, unless an auxiliary makes it a
  // verb or nothing but the sentence end, a time or an addressee follows it.
  const aux = lower[cue.tokenStart - 1] === 'has' || lower[cue.tokenStart - 1] === 'have' || lower[cue.tokenStart - 1] === 'had';
  const next = lower[cue.tokenEnd] ?? '.';
  // "…, the bank said in a statement.", "…, the company says on its website.": "said" and "says" before a circumstance
  // are the verb (a participle "said" is followed by "to" or "by": "a deal said to be worth …"; run-time rule, branch quotes36).
  const circumstance = runTimeRules.on && (w === 'said' || w === 'says') && PREPOSITIONS.has(next) && next !== 'to' && next !== 'by' && next !== 'as' && next !== 'of';
  if (!aux && !circumstance && !/^[.!?]$/.test(next) && !TIME_WORDS.has(next) && !addresseeToEnd(ctx, cue, sentEnd)) return false;
  for (let j = comma + 2; j < cue.tokenStart; j++) if (DETERMINERS.has(lower[j]!)) return false;
  return true;
}

const OPENING_SUBORDINATORS = new Set(['while', 'when', 'whereas', 'although', 'though', 'if', 'because', 'since', 'once', 'unless', 'after', 'before', 'as']);

/** Words that may open a sentence before its subordinate clause: "And while …", "But, although …". */
const OPENING_CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or']);

/**
 * The sentence opens with a subordinator and no comma stands between it and `cue`: the cue is in that clause. A
 * coordinating conjunction may stand before the subordinator ("And while …", "But, although …"), and so may a short
 * opening phrase closed by its comma ("After all, while …", "Still, although …"): neither is part of the clause.
 */
function openingClause(ctx: QuoteContext, sentStart: number, cue: number): boolean {
  let a = sentStart;
  while (a < cue && !ctx.word[a]) a++;
  if (!runTimeRules.on) {
    // (as trained: the subordinator opens the sentence)
  } else if (OPENING_CONJUNCTIONS.has(ctx.lower[a]!)) {
    a++;
    if (ctx.lower[a] === ',') a++;
  } else {
    // A phrase of at most three words closed by a comma, a subordinator after it ("After all, while …").
    let j = a;
    while (j < cue && j - a < 3 && ctx.word[j]) j++;
    if (ctx.lower[j] === ',' && j > a && OPENING_SUBORDINATORS.has(ctx.lower[j + 1]!)) a = j + 1;
  }
  if (!OPENING_SUBORDINATORS.has(ctx.lower[a]!)) return false;
  for (let j = a + 1; j < cue; j++) if (ctx.lower[j] === ',' && !numberComma(ctx, j)) return false;
  return true;
}

/** ", who says …", ", who has insisted …": the cue opens a relative clause set off by a comma. */
function inCommaRelative(ctx: QuoteContext, cue: number): boolean {
  let j = cue - 1;
  // "who has always insisted", "who now says": auxiliaries and adverbs between the relative and the cue.
  while (j > cue - 4 && (FINITE.has(ctx.lower[j]!) || endsWith(ctx.lower[j]!, 'ly') || ctx.lower[j] === 'now' || ctx.lower[j] === 'also' || ctx.lower[j] === 'still')) j--;
  return ctx.lower[j] === 'who' && ctx.lower[j - 1] === ',';
}

/**
 * The main clause's verb at `k`, right after the comma closing a relative clause: an auxiliary or modal ("could",
 * "has"), a verb of saying or thinking ("said:", "believes"), or a lowercase past form ("denied", "went").
 */
function mainClauseVerbAfter(ctx: QuoteContext, k: number): boolean {
  const w = ctx.lower[k];
  if (w === undefined || ctx.cap[k] || !ctx.word[k]) return false;
  if (w === '’s' || w === "'s" || w === '’d' || w === "'d") return false;
  return FINITE.has(w) || isCueForm(w) || (endsWith(w, 'ed') && w.length > 4);
}

/** A comma inside a number ("5,196"): digits glued to it on both sides. */
function numberComma(ctx: QuoteContext, j: number): boolean {
  const t = ctx.doc.tokens;
  const a = t[j - 1];
  const b = t[j + 1];
  return a !== undefined && b !== undefined && a.end === t[j]!.start && b.start === t[j]!.end && /\d$/.test(a.text) && /^\d/.test(b.text);
}

/** "…, he said." / "…, said the spokesman." at `k`: a speaker and a speech verb (or the cue at `cueTok`), then the sentence ends. */
function trailingSaid(ctx: QuoteContext, k: number, sentEnd: number, cueTok = -1): boolean {
  let words = 0;
  let sawCue = false;
  for (let j = k; j < sentEnd; j++) {
    const w = ctx.lower[j]!;
    if (w === '.' || w === '!' || w === '?') return sawCue && j >= sentEnd - 3;
    // "…, said Steven Taylor, a political scientist at …": what follows describes the speaker.
    if (w === ',' && sawCue && j > k + 1 && appositiveTail(ctx, j, sentEnd)) return true;
    if (SPEECH_FORMS.has(w) || j === cueTok) sawCue = true;
    if (ctx.word[j] && ++words > 9) return false;
  }
  return sawCue;
}

/**
 * "The museum, he said, celebrated …": an attribution set off by commas inside
 * the reported sentence. The content is the sentence around it.
 */
function parentheticalAttribution(ctx: QuoteContext, cue: Cue, sentStart: number, sentEnd: number, quoteOf: Int32Array, history: SpeakerHistory): IndirectQuote | null {
  const { lower, doc } = ctx;
  if (lower[cue.tokenEnd] !== ',' && !(lower[cue.tokenEnd + 1] === ',' && ctx.word[cue.tokenEnd])) return null;
  // ", he said," / ", said Mr. Smith," / ", Smith said Friday,"
  let comma = cue.tokenStart - 1;
  while (comma > sentStart && cue.tokenStart - comma <= 6 && lower[comma] !== ',') comma--;
  if (lower[comma] !== ',' || comma <= sentStart + 1) return null;
  // ", which he wrote, directed and starred in", ", which his party opposed,": a relative clause about the noun before
  // it; ", called Picasa,": a name given. Neither attributes the sentence around it (run-time rule, branch quotes26).
  if (runTimeRules.on && (RELATIVES.has(lower[comma + 1]!) || (comma === cue.tokenStart - 1 && NAMING_PARTICIPLES.has(lower[cue.tokenStart]!)))) return null;
  // ", ahead of IMF forecasts,", ", in US terms,", ", and neighbouring Deep South states,", ", unveiled in the Gershon
  // report,", ", covering the Budget plans,": a phrase opening with a preposition, a conjunction or a participle is no
  // subject, so its last word is a noun, not a verb of saying ("as" stays: ", as the party claims,").
  if (runTimeRules.on && comma < cue.tokenStart - 1) {
    const w = lower[comma + 1]!;
    const next = lower[comma + 2] ?? '';
    const conjunctionPhrase = CONJUNCTIONS.has(w) && !ctx.cap[comma + 2] && !PRONOUNS.has(next) && !DETERMINERS.has(next); // (not ", and Parry acknowledges that,")
    if ((PREPOSITIONS.has(w) && w !== 'as') || conjunctionPhrase || (!ctx.cap[comma + 1] && endsWith(w, 'ing', 'ed') && !PREPOSITION_ING.has(w))) return null;
  }
  const after = lower[cue.tokenEnd] === ',' ? cue.tokenEnd : cue.tokenEnd + 1;
  // ", said Smith, who leads the party.": the rest describes the speaker (a trailing attribution).
  if (appositiveTail(ctx, after, sentEnd)) return null;
  let cand: Candidate | null = candidatesIn(ctx, comma + 1, cue.tokenStart)[0] ?? null;
  // "…, the Denver centre has argued, …": a name that only modifies the subject is no speaker, as in a trailing
  // attribution (run-time rule, branch quotes39).
  if (runTimeRules.on && cand && premodifierName(ctx, cand, comma + 1, cue.tokenStart)) cand = headedSubject(ctx, comma, cue.tokenStart) ?? cand;
  if (!cand) cand = phraseAfter(ctx, cue.tokenEnd, after);
  if (!cand) return null;
  for (let j = Math.max(sentStart, comma - MAX_CONTENT); j < sentEnd && j < after + MAX_CONTENT; j++) if (quoteOf[j]! >= 0) return null;
  let last = sentEnd - 1;
  while (last > after && /^[.!?,:…]$/.test(lower[last]!)) last--;
  let words = 0;
  for (let j = after + 1; j <= last; j++) if (ctx.word[j]) words++;
  if (words < 2 || comma - sentStart > MAX_CONTENT || last - after > MAX_CONTENT) return null;
  let cs = sentStart;
  while (cs < comma && !ctx.word[cs]) cs++;
  const speaker = toSpeaker(ctx, cand, history, comma + 1, after);
  remember(history, doc.tokens[cue.tokenStart]!.sentence, speaker);
  // "…, Spicer said, adding that …": a participle after the attribution continues the speaker's
  // sentence, not the content; the content is what precedes the attribution.
  const next = lower[after + 1] ?? '';
  if (endsWith(next, 'ing') && !PREPOSITION_ING.has(next) && !ctx.cap[after + 1]) {
    let end = comma - 1;
    while (end > cs && !ctx.word[end]) end--;
    return { start: doc.tokens[cs]!.start, end: doc.tokens[end]!.end, cue, speaker, addressee: null };
  }
  return { start: doc.tokens[cs]!.start, end: doc.tokens[last]!.end, cue, speaker, addressee: null };
}

/**
 * A speech word used as a verb: after a subject pronoun, a relative, an auxiliary or a
 * name ("officials who said", "Smith said"); "a pool report", "the Department of State" are nouns.
 */
function isSpeechVerbAt(ctx: QuoteContext, j: number): boolean {
  const w = ctx.lower[j]!;
  if (!SPEECH_FORMS.has(w) || ctx.cap[j]) return false;
  const prev = ctx.lower[j - 1] ?? '';
  return PRONOUNS.has(prev) || RELATIVES.has(prev) || FINITE.has(prev) || (ctx.cap[j - 1] === 1 && prev !== 'of');
}

/** "<clause>, X said." or "<clause>, according to X.": the content precedes the attribution. */
function trailingAttribution(ctx: QuoteContext, cue: Cue, sentStart: number, sentEnd: number, history: SpeakerHistory, keptQuoteOf: Int32Array): IndirectQuote | null {
  const { lower, doc, quoteOf } = ctx;
  // Find the comma that opens the attribution: ", according to X." / ", X said." / ", said X."
  let comma = cue.tokenStart - 1;
  // "the survey of 5,196 firms found": a comma inside a number opens nothing.
  while (comma > sentStart && cue.tokenStart - comma <= 8 && (lower[comma] !== ',' || numberComma(ctx, comma))) comma--;
  if (lower[comma] !== ',' || comma <= sentStart) return null;
  // Only the speaker may stand between the comma and the cue, and little after it.
  // ", John Smith, a spokesman for the party, said.": the speaker stands before an appositive.
  let appositive = -1;
  if (comma === cue.tokenStart - 1 && cue.form === 'verb') {
    let c2 = comma - 1;
    while (c2 > sentStart && comma - c2 <= 14 && lower[c2] !== ',') c2--;
    if (lower[c2] === ',' && comma - c2 > 1 && appositiveTail(ctx, c2, comma)) {
      let c1 = c2 - 1;
      while (c1 > sentStart && c2 - c1 <= 8 && lower[c1] !== ',') c1--;
      if (lower[c1] === ',' && c1 > sentStart && candidatesIn(ctx, c1 + 1, c2).length) {
        appositive = comma;
        comma = c1;
      }
    }
  }
  // Where the tail after the speaker describes the speaker, it is no content: ", said Smith, who leads …".
  let tail = sentEnd;
  for (let j = cue.tokenEnd; j < sentEnd && j < cue.tokenEnd + 8; j++) if (lower[j] === ',' && j > cue.tokenEnd && appositiveTail(ctx, j, sentEnd)) {
    tail = j;
    break;
  }
  // "…, according to the Tax Policy Center - half a percentage point of …", "…, according to a new poll that
  // shows …": after the source a dash or a relative clause describes it.
  if (cue.form === 'according' && tail === sentEnd) {
    for (let j = cue.tokenEnd + 1; j < sentEnd && j < cue.tokenEnd + 10; j++) {
      const w = lower[j]!;
      if (quoteOf[j]! >= 0) break;
      if (w === '-' || w === '–' || w === '—' || ((w === 'that' || w === 'which' || w === 'who') && ctx.word[j - 1])) {
        tail = j;
        break;
      }
    }
  }
  // "…, saying it followed free market principles.", "…, has been jailed for swearing on stage.": an attribution
  // after its content has a finite verb; a participle after a comma adds to the sentence (run-time rule, branch quotes36).
  if (runTimeRules.on && cue.form === 'verb' && endsWith(lower[cue.tokenStart]!, 'ing')) return null;
  const weakCue = cue.lemma === 'show' || TRAILING_WEAK.has(cue.lemma);
  // "…, which she wrote, edited and printed.", "…, who cast doubt on his injury claims.": a relative clause about the
  // noun before the comma attributes nothing (run-time rule, branch quotes26). When the cue ends the sentence ("…
  // charges, which he denies."), the clause is what the subject denies or claims, as before.
  if (runTimeRules.on && RELATIVES.has(lower[comma + 1]!) && !/^[.!?]$/.test(lower[cue.tokenEnd] ?? '.')) return null;
  if (appositive < 0 && !trailingSaid(ctx, comma + 1, sentEnd, weakCue ? cue.tokenStart : -1) && cue.form !== 'according') return null;
  // "Speaking to Tony Blair, the minister said: “…”": a cue followed by a colon or a quotation introduces that, not what precedes it.
  for (let j = cue.tokenEnd; j < sentEnd && j < cue.tokenEnd + 3; j++) if (lower[j] === ':' || quoteOf[j]! >= 0) return null;
  if (tail - cue.tokenEnd > 10 || comma - sentStart > MAX_CONTENT) return null;
  for (let j = cue.tokenEnd; j < tail; j++) if (lower[j] === 'that' || (j > cue.tokenEnd && isSpeechVerbAt(ctx, j))) return null;
  const speakerEnd = appositive >= 0 ? appositive : cue.tokenStart;
  let between = 0;
  for (let j = comma + 1; j < speakerEnd; j++) if (ctx.word[j]) between++;
  if (appositive < 0 && between > 7) return null;
  let cand: Candidate | null;
  const next = lower[cue.tokenEnd] ?? '.';
  if (weakCue && appositive < 0) {
    cand = weakSubject(ctx, comma, cue.tokenStart);
    // "…, 13 reported growth.", "…, sustainability reports, or …", "…, the blogging world found out.": an object follows, not the sentence end.
    if (!cand || !(/^[.!?]$/.test(next) || (PREPOSITIONS.has(next) && next !== 'out' && next !== 'up') || TIME_WORDS.has(next) || endsWith(next, 'ly'))) return null;
  } else {
    cand = candidatesIn(ctx, comma + 1, speakerEnd)[0] ?? null;
    // "…, City consultancy Deloitte has warned.", "…, the UK elections watchdog has said.": a name that modifies the
    // words after it is no subject; the subject is the phrase it opens — its last name, or its head noun (run-time
    // rule, branch quotes37).
    if (runTimeRules.on && cand && appositive < 0 && cue.form === 'verb' && premodifierName(ctx, cand, comma + 1, speakerEnd)) cand = headedSubject(ctx, comma, cue.tokenStart);
    // "…, unions at the Italian carmaker have said.": a name after a preposition inside the subject phrase is the
    // preposition's object; the subject is the noun phrase before the preposition (run-time rule, branch quotes38).
    if (runTimeRules.on && cand && appositive < 0 && cue.form === 'verb' && objectOfPreposition(ctx, cand, comma + 1)) {
      const phrase = subjectPhrase(ctx, cue.tokenStart, comma + 1);
      if (phrase?.complement && phrase.cand.tokenEnd <= cand.tokenStart) cand = phrase.cand;
    }
    // "…, the women say officers …", "…, the central bank told Reuters.": words other than adverbs and auxiliaries
    // before the verb are its subject, so the phrase after it is no inverted speaker ("…, says the spokesman.").
    let subjectBefore = false;
    if (cue.form === 'verb' && appositive < 0) for (let j = comma + 1; j < speakerEnd; j++) if (ctx.word[j] && !SKIPPABLE_BEFORE_VERB.has(lower[j]!) && !endsWith(lower[j]!, 'ly')) subjectBefore = true;
    // Unlisted, that subject is a plain determiner-led phrase before a verb in a finite form: "…, the central bank
    // told Reuters.", "…, his family has said." (not "…, a technological marvel!", "…, intelligent comments").
    // A possessive is no subject on its own: "…, his family has said.", "…, her agent said.".
    const possessor = cand?.kind === 'pronoun' && cand.tokenEnd < speakerEnd && DETERMINERS.has(lower[cand.tokenStart]!);
    if ((!cand || possessor) && subjectBefore && determinerSubject(ctx, comma, cue, sentEnd)) cand = weakSubject(ctx, comma, cue.tokenStart);
    else if (possessor) cand = null;
    // After "X said" only circumstances may follow ("on Friday", "in a statement"), not an object;
    // after "X told" the addressee may ("…, a bank spokesman told Reuters.", "…, she told a Commons inquiry.").
    if (cand && cue.form === 'verb' && ctx.word[cue.tokenEnd] && !PREPOSITIONS.has(next) && !TIME_WORDS.has(next) && !endsWith(next, 'ly') && !addresseeToEnd(ctx, cue, sentEnd)) return null;
    if (!cand && subjectBefore) return null;
    if (!cand || cue.form === 'according') {
      // "Vincent Cable, for the Lib Dems, accused Mr Brown of …", "…, blaming it for falling sales.": the phrase
      // after a verb of judging is the one judged, its object, never an inverted speaker (branch quotes35).
      if (runTimeRules.on && cue.form === 'verb' && JUDGING_LEMMAS.has(cue.lemma)) return null;
      cand = phraseAfter(ctx, cue.tokenEnd, tail);
      // "…, warned the magazine.", "…, says the education watchdog.": a plain determiner-led noun phrase that ends the
      // sentence after the verb is its inverted subject, whatever its noun (run-time rule, branch quotes37).
      if (!cand && runTimeRules.on && cue.form === 'verb' && INVERTING_LEMMAS.has(cue.lemma)) cand = plainPhraseToEnd(ctx, cue.tokenEnd, sentEnd);
      // ", said members would strike": a clause follows the verb, so it is not an inverted "…, said the spokesman."
      if (cand && cue.form === 'verb') for (let j = cand.tokenEnd; j < tail; j++) if (FINITE.has(lower[j]!)) return null;
    }
  }
  if (!cand && cue.form === 'according') {
    let e = sentEnd;
    while (e > cue.tokenEnd && !ctx.word[e - 1]) e--;
    if (e > cue.tokenEnd && e - cue.tokenEnd <= 10) cand = { kind: 'np', tokenStart: cue.tokenEnd, tokenEnd: e, entity: null };
  }
  if (!cand) return null;
  // "…, the chancellor said the cuts …, he told activists.": the attribution inside the content is the one to keep.
  if (cue.form === 'verb' && ctx.word[cue.tokenEnd] && addresseeToEnd(ctx, cue, sentEnd)) for (let j = sentStart + 1; j < comma; j++) if (ctx.quoteOf[j]! < 0 && cueAt(ctx, j, false)?.form === 'verb') return null;
  // The content: the sentence before the comma, without quotations. A span the quotation stage rejected (a scare
  // quote or a title: 'The BBC should steer away from "demonising" Mr Campbell, Lord Mandelson has said.') is words
  // of the content, as it is for "X said …" (run-time rule, branch quotes36).
  const contentQuoteOf = runTimeRules.on ? keptQuoteOf : quoteOf;
  let cs = sentStart;
  for (let j = sentStart; j < comma; j++) if (contentQuoteOf[j]! >= 0) return null;
  // (The opening mark of such a span opening the sentence stays with its words: '"Major problems" are expected …'.)
  while (cs < comma && !ctx.word[cs] && !(runTimeRules.on && opensSpanBefore(ctx, cs, comma))) cs++;
  let words = 0;
  for (let j = cs; j < comma; j++) if (ctx.word[j]) words++;
  if (words < 4) return null;
  let speaker = toSpeaker(ctx, cand, history, comma + 1, sentEnd);
  // "The baby and his wife Sarah would be …, he said.": the people the content names are no antecedent of the
  // pronoun that attributes it, as those inside a quotation are none for '"…," he said' (run-time rule, branch quotes36).
  if (runTimeRules.on && cand.kind === 'pronoun' && cand.tokenStart === comma + 1 && (lower[comma + 1] === 'he' || lower[comma + 1] === 'she')) {
    const entity = resolvePronoun(ctx, cand.tokenStart, history, undefined, comma + 1);
    if (entity !== speaker.entity) speaker = { ...speaker, entity, name: entity?.name ?? null };
  }
  remember(history, doc.tokens[cue.tokenStart]!.sentence, speaker);
  return { start: doc.tokens[cs]!.start, end: doc.tokens[comma - 1]!.end, cue, speaker, addressee: addresseeAfter(ctx, cue, sentEnd) };
}

/** Token `k` is the opening mark of a quoted span that closes before token `end`. */
function opensSpanBefore(ctx: QuoteContext, k: number, end: number): boolean {
  const i = ctx.quoteOf[k]!;
  if (i < 0 || (k > 0 && ctx.quoteOf[k - 1] === i)) return false;
  const span = ctx.spans[i]!;
  return span.closed && span.closeEnd <= ctx.index.starts[end]!;
}

/**
 * "Since November, according to Human Rights Watch, forces have killed …": the source set off by
 * commas inside the sentence. The content is the sentence around it.
 */
function medialAccording(ctx: QuoteContext, cue: Cue, sentStart: number, sentEnd: number, quoteOf: Int32Array, history: SpeakerHistory): IndirectQuote | null {
  const { lower, doc } = ctx;
  const comma = cue.tokenStart - 1;
  if (lower[comma] !== ',') return null;
  let close = cue.tokenEnd;
  while (close < sentEnd && close - cue.tokenEnd < 12 && lower[close] !== ',' && quoteOf[close]! < 0) close++;
  if (lower[close] !== ',' || close === cue.tokenEnd) return null;
  for (let j = sentStart; j < sentEnd; j++) if (quoteOf[j]! >= 0) return null;
  const cand = phraseAfter(ctx, cue.tokenEnd, close) ?? ({ kind: 'np', tokenStart: cue.tokenEnd, tokenEnd: close, entity: null } as Candidate);
  let cs = sentStart;
  while (cs < comma && !ctx.word[cs]) cs++;
  let last = sentEnd - 1;
  while (last > close && /^[.!?,:…]$/.test(lower[last]!)) last--;
  let before = 0;
  let after = 0;
  for (let j = cs; j < comma; j++) if (ctx.word[j]) before++;
  for (let j = close + 1; j <= last; j++) if (ctx.word[j]) after++;
  if (before < 1 || after < 3 || comma - cs > MAX_CONTENT || last - close > MAX_CONTENT) return null;
  const speaker = toSpeaker(ctx, cand, history, cue.tokenEnd, close);
  return { start: doc.tokens[cs]!.start, end: doc.tokens[last]!.end, cue, speaker, addressee: null };
}

/**
 * "As the Washington Post reported, <clause>.", "As reported by the agency, <clause>.", "But as I've said
 * throughout this campaign, <clause>.": an "as" clause opening the sentence attributes the rest of it. Only
 * circumstances may follow the verb ("last week", "in Tel Aviv"), or the addressee of a verb of telling:
 * "As the company announced its results, shares fell" is no attribution.
 */
function leadingAs(ctx: QuoteContext, sentStart: number, sentEnd: number, quoteOf: Int32Array, history: SpeakerHistory): IndirectQuote | null {
  const { lower, doc } = ctx;
  const { sig } = ctx.index;
  let a = sentStart;
  while (a < sentEnd && !ctx.word[a]) a++;
  // "As …" or "And as …": neither of the first two words is "as" in nearly every sentence, told by their signatures
  // alone (this runs for every sentence; the strings and the Set look-up only where a signature matches).
  if (sig[a] !== AS_SIG && sig[a + 1] !== AS_SIG) return null;
  if (CONJUNCTIONS.has(lower[a]!) || lower[a] === 'so') a++;
  if (lower[a] !== 'as') return null;
  let k = a + 1;
  while (k < sentEnd && k <= a + 9 && (ctx.cap[k] || !(SPEECH_FORMS.has(lower[k]!) || COGNITION_FORMS.has(lower[k]!))) && lower[k] !== ',' && quoteOf[k]! < 0) k++;
  const lemma = SPEECH_FORMS.get(lower[k] ?? '') ?? COGNITION_FORMS.get(lower[k] ?? '');
  if (lemma === undefined || ctx.cap[k] || lower[k] === lemma || endsWith(lower[k]!, 'ing')) return null;
  let end = k + 1;
  if (lemma === 'point' && lower[end] === 'out') end++;
  else if (lemma === 'put' && lower[end] === 'it') end++;
  const cue: Cue = { form: 'verb', lemma: end > k + 1 ? `${lemma} ${lower[end - 1]}` : lemma, tokenStart: k, tokenEnd: end };
  let comma = end;
  while (comma < sentEnd && comma - end < 9 && lower[comma] !== ',' && quoteOf[comma]! < 0 && !FINITE.has(lower[comma]!) && lower[comma] !== 'that') comma++;
  if (lower[comma] !== ',') return null;
  let cand: Candidate | null = null;
  if (k === a + 1) {
    // "As reported by Western Journalism,": the agent is the source.
    if (lower[end] !== 'by' || comma - end < 2) return null;
    cand = candidatesIn(ctx, end + 1, comma)[0] ?? { kind: 'np', tokenStart: end + 1, tokenEnd: comma, entity: null };
  } else {
    const next = lower[end]!;
    // ("this"/"last" only as a time: "as X said last week", not "as X criticises this government").
    const time = TIME_WORDS.has(next) && (next !== 'this' && next !== 'last' ? true : /^(?:week|month|year|morning|afternoon|evening|night|weekend|time)$/.test(lower[end + 1] ?? ''));
    if (next !== ',' && !PREPOSITIONS.has(next) && !time && !SKIPPABLE_BEFORE_VERB.has(next) && !endsWith(next, 'ly') && !(ADDRESSEE_LEMMAS.has(lemma) && lemma !== 'ask')) return null;
    if (PASSIVE_AUX.has(lower[k - 1]!)) return null;
    cand = weakSubject(ctx, a, k);
  }
  if (!cand) return null;
  for (let j = comma + 1; j < sentEnd; j++) if (quoteOf[j]! >= 0) return null;
  let last = sentEnd - 1;
  while (last > comma && /^[.!?,:…]$/.test(lower[last]!)) last--;
  let words = 0;
  for (let j = comma + 1; j <= last; j++) if (ctx.word[j]) words++;
  if (words < 3 || last - comma > MAX_CONTENT) return null;
  const speaker = toSpeaker(ctx, cand, history, a + 1, comma);
  remember(history, doc.tokens[k]!.sentence, speaker);
  return { start: doc.tokens[comma + 1]!.start, end: doc.tokens[last]!.end, cue, speaker, addressee: addresseeAfter(ctx, cue, comma) };
}

/** "According to X, <clause>." at the start of a sentence. */
function leadingAccording(ctx: QuoteContext, cue: Cue, sentStart: number, sentEnd: number, quoteOf: Int32Array, history: SpeakerHistory): IndirectQuote | null {
  const { lower, doc } = ctx;
  if (cue.tokenStart - sentStart > 6 || sentEnd - cue.tokenEnd > MAX_CONTENT) return null;
  // ("But according to …": a conjunction may open the sentence.)
  for (let j = sentStart; j < cue.tokenStart; j++) if (ctx.word[j] && !endsWith(lower[j]!, 'ly') && !(j === sentStart && (CONJUNCTIONS.has(lower[j]!) || lower[j] === 'so'))) return null;
  let comma = cue.tokenEnd;
  while (comma < sentEnd && comma - cue.tokenEnd < 14 && lower[comma] !== ',') comma++;
  if (lower[comma] !== ',') return null;
  const cand = phraseAfter(ctx, cue.tokenEnd, comma) ?? (comma - cue.tokenEnd <= 14 && comma > cue.tokenEnd ? ({ kind: 'np', tokenStart: cue.tokenEnd, tokenEnd: comma, entity: null } as Candidate) : null);
  if (!cand) return null;
  let last = sentEnd - 1;
  for (let j = comma + 1; j < sentEnd; j++) if (quoteOf[j]! >= 0) return null;
  while (last > comma && /^[.!?,:…]$/.test(lower[last]!)) last--;
  let words = 0;
  for (let j = comma + 1; j <= last; j++) if (ctx.word[j]) words++;
  if (words < 3) return null;
  const speaker = toSpeaker(ctx, cand, history, cue.tokenEnd, comma);
  return { start: doc.tokens[comma + 1]!.start, end: doc.tokens[last]!.end, cue, speaker, addressee: null };
}
