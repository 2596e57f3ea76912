/**
 * The quotation stage: direct, partial and reported speech with speaker, cue
 * and addressee, in text order.
 *
 * 1. The quotation-mark stage (`marks.ts`) has paired quotation marks into `doc.quotedSpans`.
 * 2. `attributeQuotes` binds each quoted span to a reporting cue before or after
 *    it and that cue's speaker; quotes with no cue and not a continuation of an
 *    attributed one are dropped when short (scare quotes, titles).
 * 3. `findIndirect` finds "X said that …" reported speech outside quotation marks.
 * Speakers are linked to `doc.entities`; pronouns resolve to the person the
 * preceding text is about; definite role descriptions ("the spokesman") resolve
 * to the person the text named with that role earlier.
 */
import type { QuoteKind } from '../document/schema.js';
import type { Doc, DocEntity as Entity, DocQuote, DocSpeaker, Span, Stage } from '../text/doc.js';
import { spanOfTokens } from '../text/layers.js';
import { nameKey } from '../text/names.js';
import { buildContext, tokenAt, type QuoteContext } from './context.js';
import type { Cue } from './cues.js';
import { attributeQuotes, NAMING_LEMMAS, type DirectQuote } from './direct.js';
import { findIndirect, nominalCue, notSpeechCue, nounBeforePreposition, pluralNounCue } from './indirect.js';
import { isAgentlessPassive, isNegatedCue, isPassiveCue, objectlessParticiple } from './negation.js';
import { candidatesIn, coordinatedSubject, resolvePronoun, toSpeaker, type FoundSpeaker, type SpeakerHistory } from './speaker.js';
import { COGNITION_FORMS, DESCRIPTION_NOUNS, DETERMINERS, PREPOSITIONS, SKIPPABLE_BEFORE_VERB, SPEECH_FORMS } from './lexicon.js';
import { endsWith, runTimeRules } from './suffix.js';
import { HONORIFICS } from '../lang/en/titles.js';
import { formsOf } from '../lang/en/verbs.js';

const HONORIFIC_WORDS = new Set<string>(HONORIFICS);
import { decideSpeakers, loadSpeakerModel } from './learned/speakers.js';
import { loadCueModel } from './learned/reported.js';
import { looksLikeClause, reviewReported, withConfidentAdded } from './review.js';

export interface Draft {
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: FoundSpeaker | null;
  cue: Cue | null;
  addressee: Entity | null;
  /** Index in the drafts of the group's first piece, or -1. */
  groupWith: number;
  /** Calibrated probability that the speaker is right (the speaker model's), or null. */
  confidence: number | null;
  /** Reported speech the learned cue detector added (review.ts). */
  added?: boolean;
  /** A plan, not speech ("plans to open …"): it names who the next quotation is by, and is no record itself. */
  plan?: boolean;
}

/** What the rules found, before the speaker model's review: drafts and their text order. */
export interface RuleQuotes {
  ctx: QuoteContext;
  history: SpeakerHistory;
  drafts: Draft[];
}

/** The rule stage: quoted and reported speech with the rules' speakers (negated reported speech dropped). */
export function ruleQuotes(doc: Doc): RuleQuotes {
  const spans = doc.quotedSpans;
  const ctx = buildContext(doc);
  const history: SpeakerHistory = new Map();
  const direct = attributeQuotes(ctx, spans, history);
  const indirect = findIndirect(ctx, direct, history);

  const found: Draft[] = direct.map((q: DirectQuote) => ({
    start: q.start,
    end: q.end,
    kind: q.kind,
    speaker: q.attribution?.speaker ?? null,
    cue: q.attribution?.cue ?? null,
    addressee: q.attribution?.addressee ?? null,
    groupWith: q.groupWith,
    confidence: null,
  }));
  for (const r of indirect) found.push({ start: r.start, end: r.end, kind: 'indirect', speaker: r.speaker, cue: r.cue, addressee: r.addressee, groupWith: -1, confidence: null });
  resolveQuotedPronouns(ctx, found, history);
  const drafts = withoutNegated(ctx, found);
  return { ctx, history, drafts };
}

/**
 * The person a quotation's he/she stands for, read again once reported speech is found too: quotations are attributed
 * before reported speech, so a pronoun after 'Dennison said the money was not a factor. "…," he told Radio Five Live'
 * was resolved without Dennison's attribution in the sentence before, and went to the first person named there.
 */
function resolveQuotedPronouns(ctx: QuoteContext, drafts: Draft[], history: SpeakerHistory): void {
  // Since branch quotes36 (run-time rule): reported speech's he/she too, in text order, each correction written back to
  // the history the pronouns after it read ('…the "unfair tax", he added. The government could not go on …, he added.':
  // the second "he" had read the first one's reading before the sentence above it was attributed).
  const again = runTimeRules.on;
  for (const di of again ? textOrder(drafts) : drafts.keys()) {
    const d = drafts[di]!;
    const s = d.speaker;
    if ((d.kind === 'indirect' && !again) || !s || s.kind !== 'pronoun') continue;
    const tok = tokenAt(ctx, s.start);
    // Reported content right before its he/she ("…, he said.") names no antecedent of it (see `trailingAttribution`).
    const from = d.kind === 'indirect' && pronounAfterContent(ctx, d.end, tok) ? tok : 0;
    const entity = resolvePronoun(ctx, tok, history, undefined, from);
    if (entity === s.entity) continue;
    d.speaker = { ...s, entity, name: entity?.name ?? null };
    if (!again) continue;
    const sentence = ctx.doc.tokens[tok]!.sentence;
    const recorded = history.get(sentence);
    // Another attribution of the sentence speaks there, or an unnamed person ("a spokeswoman") does.
    if (recorded === null || (recorded !== undefined && recorded !== s.entity)) continue;
    if (entity) history.set(sentence, entity);
    else history.delete(sentence);
  }
}

/**
 * The he/she at token `tok` attributes the reported content ending at offset `end` right after it, only punctuation
 * between: "…, he said." (not "…, which he denies.", "…, but he has always denied this.", where the pronoun stands
 * for someone the content names).
 */
export function pronounAfterContent(ctx: QuoteContext, end: number, tok: number): boolean {
  const w = ctx.lower[tok];
  if (w !== 'he' && w !== 'she') return false;
  let k = tokenAt(ctx, end);
  while (k < tok && !ctx.word[k]) k++;
  return k === tok;
}

/** Above this many drafts `textOrder` sorts with the built-in sort (insertion sort is quadratic in the worst case). */
const INSERTION_SORT_MAX = 64;

/** Draft indices in text order, by start and then index (group links stay valid: they are indices). */
function textOrder(drafts: Draft[]): number[] {
  const n = drafts.length;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n > INSERTION_SORT_MAX) return order.sort((a, b) => drafts[a]!.start - drafts[b]!.start || a - b);
  // A document's drafts are few and nearly in order (the quotations', then the reported speech's): an insertion sort,
  // stable as the comparator's index tie-break is, moves only what is out of place and calls no comparator.
  for (let i = 1; i < n; i++) {
    const start = drafts[i]!.start;
    let j = i - 1;
    while (j >= 0 && drafts[order[j]!]!.start > start) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
  return order;
}

/**
 * Fills `doc.quotes`.
 *
 * @example
 * const doc = createDoc({ text: 'Ryabkov said: “We call on all parties to exercise restraint.”' });
 * doc.entities = [ryabkov]; // from the entity stage
 * runPipeline(doc, { disable: ['entities'], given: ['entities'] });
 * doc.quotes[0].text; // 'We call on all parties to exercise restraint.'
 */
function extractQuotes(doc: Doc): void {
  const rules = ruleQuotes(doc);
  const { ctx } = rules;
  const cueModel = loadCueModel();
  const reviewed = reviewReported(ctx, rules.drafts, rules.history, cueModel);
  decideSpeakers(ctx, reviewed, rules.history, loadSpeakerModel());
  let drafts = withConfidentAdded(reviewed, cueModel);
  // "China is expected to face renewed pressure": a passive verb of saying whose subject does not hold the words names
  // no speaker: the reported words are kept, as PolNeAR annotates them, with no speaker.
  for (const d of drafts) if (d.kind === 'indirect' && d.cue && (isAgentlessPassive(ctx, d.cue) || objectlessParticiple(ctx, d.cue))) d.speaker = d.confidence = null;
  // Not speech at all, dropped once the models have decided (so their training data, the rules' drafts, stay as they
  // were): "The driver accused of speeding …" (a passive participle in a reduced relative: its subject is the one
  // accused, the rest no speech) and "rising demand for oil", "hopes of a payoff" (a noun before a preposition its
  // verb never takes).
  drafts = withoutNonSpeech(ctx, drafts);
  for (const d of drafts) if (intentionInfinitive(ctx, d)) d.plan = true;
  // Speakers that cannot be, once the models have decided (their training data, the rules' drafts, stay as they
  // were): the subject of a passive verb of naming before a quotation ("The plan was branded “a disaster” by
  // unions": the plan is named; only the agent after the cue may speak) and a loose phrase ending in a preposition or
  // determiner ("went on to", "hours before", "at one of"), trimmed to the phrase before a verb and its particle
  // when it ends in the "to" of an infinitive cue ("The piece goes on to slam" → "The piece").
  for (const d of drafts) {
    if (!d.speaker || !d.cue) continue;
    if (d.kind !== 'indirect' && d.cue.form === 'verb' && NAMING_LEMMAS.has(d.cue.lemma) && ctx.index.starts[d.cue.tokenStart]! < d.start && d.speaker.end <= ctx.index.starts[d.cue.tokenStart]! && isPassiveCue(ctx, d.cue)) {
      d.speaker = d.confidence = null;
    } else if (d.speaker.kind === 'np' || d.speaker.kind === 'proper' || d.speaker.kind === 'description') {
      const trimmed = loosePhraseEnd(ctx, d.speaker);
      if (trimmed === null) d.speaker = d.confidence = null;
      else if (trimmed !== d.speaker.end) d.speaker = { ...d.speaker, end: trimmed, description: ctx.doc.text.slice(d.speaker.start, trimmed) };
    }
    // "GM and Ford blamed …", "Analysts and investors welcomed …": the last conjunct speaks with the others.
    if (runTimeRules.on && d.speaker && d.cue.form === 'verb' && d.speaker.end <= ctx.index.starts[d.cue.tokenStart]!) d.speaker = coordinatedSubject(ctx, d.speaker, d.cue.tokenStart) ?? d.speaker;
  }
  // "The museum, he said, celebrated …": reported content never holds its own attribution (split around it). A run-time
  // rule: the cue grid is selected on this stage's output, and the split moved its near-tie (branch quotes26).
  if (runTimeRules.on) splitAroundAttribution(ctx, drafts);
  // "Then, says Mr Lee, the market found out": the content starts after the inverted speaker's comma (branch quotes28).
  if (runTimeRules.on) splitInvertedAttribution(ctx, drafts);
  const order = textOrder(drafts);

  // A quotation kept without a cue that directly follows someone's reported speech
  // ('She said new mothers … were paid. "We have made a firm commitment."') is theirs.
  followPrevious(ctx, drafts, order, true);
  // "And continued: “…”", "Adding: “…”": a cue opening its sentence with no subject continues the speaker
  // of the attribution just before (in the previous sentence or this one).
  for (let r = 1; r < order.length; r++) {
    const d = drafts[order[r]!]!;
    const prev = drafts[order[r - 1]!]!;
    if (d.speaker || !d.cue || !prev.speaker || !prev.cue || !subjectlessCue(ctx, d.cue)) continue;
    const sent = doc.tokens[d.cue.tokenStart]!.sentence;
    const prevSent = doc.tokens[prev.cue.tokenStart]!.sentence;
    if (prevSent !== sent && prevSent !== sent - 1) continue;
    d.speaker = prev.speaker;
    d.confidence = prev.confidence;
  }
  // A quotation with no cue opening the sentence after one about a person ('Mr Dean was confident. "I think …"',
  // 'Writing in the Guardian, Mr Brown outlined his view. "As our manifesto …"') is that person's; the quotations
  // straight after it follow (the pass above, again).
  let found = false;
  for (const di of order) {
    const d = drafts[di]!;
    if (d.speaker || d.cue || d.kind === 'indirect') continue;
    const s = subjectBefore(ctx, rules.history, d);
    if (!s) continue;
    d.speaker = s;
    d.confidence = NARRATIVE_SUBJECT_CONFIDENCE;
    found = true;
  }
  if (found) followPrevious(ctx, drafts, order, false);
  // Plans are no quotes: they stayed until here only to tell who speaks the quotation after them ('It is looking to
  // create new revenue streams. "We have two executives …"').
  const shown = order.filter((di) => !drafts[di]!.plan && !(drafts[di]!.groupWith >= 0 && drafts[drafts[di]!.groupWith]!.plan));
  const rank = new Int32Array(drafts.length);
  shown.forEach((d, r) => (rank[d] = r));
  let resolve: ((s: FoundSpeaker) => DocSpeaker) | null = null; // built on first use: many texts have no speaker
  const grouped = new Set<number>();
  for (const di of shown) if (drafts[di]!.groupWith >= 0) grouped.add(drafts[di]!.groupWith);

  doc.quotes = shown.map((di, r) => {
    const d = drafts[di]!;
    const first = d.groupWith >= 0 ? d.groupWith : grouped.has(di) ? di : -1;
    const speaker = d.speaker ? (resolve ??= speakerResolver(ctx, rules.history))(d.speaker) : null;
    // Pieces of a group share the first piece's speaker confidence.
    const confidence = d.confidence ?? (first >= 0 ? drafts[first]!.confidence : null);
    const span = charSpan(ctx, d.start, d.end);
    return {
      id: quoteId(r),
      start: span.start,
      end: span.end,
      tokenStart: span.tokenStart,
      tokenEnd: span.tokenEnd,
      kind: d.kind,
      speaker,
      speakerConfidence: speaker && confidence !== null ? Math.round(confidence * 1000) / 1000 : null,
      cue: d.cue ? spanOfTokens(doc, d.cue.tokenStart, d.cue.tokenEnd) : null,
      addressee: d.addressee,
      group: first >= 0 ? quoteId(rank[first]!) : null,
    } satisfies DocQuote;
  });
}

/** Quote ids by rank ("q1", "q2", …), each string made once for all articles: a template string per quote was a visible share of the stage. */
const QUOTE_IDS: string[] = [];

/** The id of the quote of rank `r` (from 0): "q" and r + 1. */
export function quoteId(r: number): string {
  return (QUOTE_IDS[r] ??= `q${r + 1}`);
}

/**
 * The span of the characters [start, end): the tokens they touch (what `spanOfChars` gives), both ends found by binary
 * search on the context's token offsets (`spanOfChars` walks to the end token by token: a long quotation is many
 * tokens).
 *
 * @example
 * charSpan(ctx, 6, 9); // 'Putin met Xi.': { start: 6, end: 9, tokenStart: 1, tokenEnd: 2 }
 */
export function charSpan(ctx: QuoteContext, start: number, end: number): Span {
  const tokenStart = tokenAt(ctx, start);
  const { starts } = ctx.index;
  // The first token from tokenStart on that starts at or after `end` (offsets ascend).
  let lo = tokenStart;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return { start, end, tokenStart, tokenEnd: lo };
}

/**
 * A quotation or reported speech with no speaker takes the speaker of the draft just before it (`order`: drafts in
 * text order) when nothing but punctuation lies between them; with `rest`, also when the rest of the sentence that
 * attributes a person's words lies between ('…, Mr Hadi points out. "These guys …"', 'Ozzy said he was "just coming
 * to grips" with what had happened. "We …"'), and a quotation with a cue of its own may inherit only when adjacent.
 * Without `rest`, a quotation with a cue never inherits.
 */
function followPrevious(ctx: QuoteContext, drafts: Draft[], order: readonly number[], rest: boolean): void {
  for (let r = 1; r < order.length; r++) {
    const d = drafts[order[r]!]!;
    const prev = drafts[order[r - 1]!]!;
    if (d.speaker || d.kind === 'indirect' || !prev.speaker || prev.end > d.start || (!rest && d.cue)) continue;
    const adjacent = d.start - prev.end <= 60 && /^[\s.!?…"'”’“‘]*$/u.test(ctx.doc.text.slice(prev.end, d.start));
    if (!adjacent && (!rest || d.cue || !isPerson(prev.speaker) || !opensNextSentence(ctx, prev, d))) continue;
    d.speaker = prev.speaker;
    d.confidence = prev.confidence;
  }
}

/** The cue opens its sentence, only "and", "but" or "then" before it ("And continued:", "Adding:"). */
function subjectlessCue(ctx: QuoteContext, cue: Cue): boolean {
  const { doc, lower } = ctx;
  const S = doc.sentences[doc.tokens[cue.tokenStart]!.sentence]!;
  for (let k = S.tokenStart; k < cue.tokenStart; k++) {
    if (!ctx.word[k] || ctx.quoteOf[k]! >= 0) continue;
    if (lower[k] !== 'and' && lower[k] !== 'but' && lower[k] !== 'then') return false;
  }
  return true;
}

/** How often the subject of the sentence before a quotation with no cue speaks it: 41 of 50 such BBC quotes read on branch quotes8 (PolNeAR has few). */
const NARRATIVE_SUBJECT_CONFIDENCE = 0.8;
const SENTENCE_OPENERS = new Set(['but', 'and', 'so', 'yet', 'however', 'meanwhile', 'still', 'now', 'ultimately', 'indeed', 'instead']);

/**
 * The person opening the sentence before the quotation `d` (which opens its own sentence): a person by name
 * (titles and role nouns before it allowed) or he/she, after an optional conjunction or a fronted phrase ending
 * in a comma; that sentence holds no quotation and asks no question.
 */
function subjectBefore(ctx: QuoteContext, history: SpeakerHistory, d: Draft): FoundSpeaker | null {
  const { doc, lower, quoteOf } = ctx;
  let open = tokenAt(ctx, d.start);
  while (open > 0 && !ctx.word[open - 1] && quoteOf[open - 1] === quoteOf[open]) open--;
  const sent = doc.tokens[open]?.sentence ?? 0;
  if (sent === 0 || doc.sentences[sent]!.tokenStart !== open) return null;
  const P = doc.sentences[sent - 1]!;
  if (P.tokenEnd - P.tokenStart > 60 || lower[P.tokenEnd - 1] === '?') return null;
  for (let k = P.tokenStart; k < P.tokenEnd; k++) if (quoteOf[k]! >= 0) return null;
  let k = P.tokenStart;
  while (k < P.tokenEnd && !ctx.word[k]) k++;
  if (SENTENCE_OPENERS.has(lower[k]!)) k += lower[k + 1] === ',' ? 2 : 1;
  const w = lower[k];
  if (w !== undefined && (PREPOSITIONS.has(w) || endsWith(w, 'ing', 'ly'))) {
    // A fronted phrase: "Writing in the Guardian, Mr Brown …", "Despite his defeat, …".
    let comma = k;
    while (comma < Math.min(P.tokenEnd, k + 10) && lower[comma] !== ',') comma++;
    if (lower[comma] !== ',') return null;
    k = comma + 1;
  }
  const cand = candidatesIn(ctx, k, Math.min(P.tokenEnd, k + 8))[0];
  if (!cand || !(cand.kind === 'entity' ? cand.entity!.type === 'PERSON' : cand.kind === 'pronoun' && (lower[cand.tokenStart] === 'he' || lower[cand.tokenStart] === 'she'))) return null;
  for (let j = k; j < cand.tokenStart; j++) if (ctx.word[j] && !ctx.cap[j] && !DESCRIPTION_NOUNS.has(lower[j]!) && !DETERMINERS.has(lower[j]!)) return null;
  if (/^['’]s?$/.test(lower[cand.tokenEnd] ?? '')) return null; // "Mr Brown's article …"
  return toSpeaker(ctx, cand, history, P.tokenStart, cand.tokenEnd);
}

/** A person, by name or as he/she: who speaks a quotation (not "they", "studios", an organisation). */
function isPerson(s: FoundSpeaker): boolean {
  if (s.entity) return s.entity.type === 'PERSON';
  return s.kind === 'pronoun' && /^(?:he|she)$/i.test(s.description ?? '');
}

/**
 * The quotation `d` opens the sentence right after the one holding `prev` and its cue, and only the rest of
 * that sentence (at most 25 words, no other quotation) lies between them.
 */
function opensNextSentence(ctx: QuoteContext, prev: Draft, d: Draft): boolean {
  if (!prev.cue || d.start - prev.end > 400) return false;
  const { doc, quoteOf } = ctx;
  const sent = doc.tokens[prev.cue.tokenStart]!.sentence;
  const from = tokenAt(ctx, prev.end);
  let open = tokenAt(ctx, d.start);
  while (open > from && !ctx.word[open - 1] && quoteOf[open - 1] === quoteOf[open]) open--; // d's opening mark
  if (open <= from || doc.tokens[from - 1 >= 0 ? from - 1 : 0]!.sentence !== sent || doc.tokens[open]!.sentence !== sent + 1) return false;
  const sStart = doc.sentences[sent + 1]!.tokenStart;
  // A question ('…, as X once declared?') is answered by someone else: the interview's turn.
  for (let k = sStart - 1; k >= from && !ctx.word[k]; k--) if (ctx.lower[k] === '?') return false;
  let words = 0;
  for (let k = from; k < open; k++) {
    // Inside another quotation, or a word of the next sentence before the quotation.
    if (quoteOf[k]! >= 0 && (k === 0 || quoteOf[k] !== quoteOf[from - 1])) return false;
    if (ctx.word[k]) {
      if (k >= sStart || ++words > 25) return false;
    }
  }
  return true;
}

/** Words that may stand between an attribution set off by commas and those commas: "…, he said on Friday, …", "…, Mr Smith told reporters, …". */
const ATTRIBUTION_SPAN = 8;
/** Words that open a clause: an attribution right after one sits in that clause. */
const CLAUSE_OPENERS = new Set(['which', 'who', 'whom', 'whose', 'that', 'whether', 'since', 'because', 'if', 'although', 'though', 'while', 'when', 'where', 'and', 'but', 'or']);
/** Relative pronouns that describe the speaker right after the attribution: "…, according to Ann Lee, who …". */
const SPEAKER_RELATIVES = new Set(['who', 'whom', 'whose']);

/** Indices of the reported-speech drafts in no group yet (neither a piece nor a group's head), as the list stood. */
function ungroupedIndirect(drafts: readonly Draft[]): number[] {
  const grouped = new Set<number>();
  for (const d of drafts) if (d.groupWith >= 0) grouped.add(d.groupWith);
  const out: number[] = [];
  for (let di = 0; di < drafts.length; di++) {
    const d = drafts[di]!;
    if (d.kind === 'indirect' && d.groupWith < 0 && !grouped.has(di)) out.push(di);
  }
  return out;
}

/**
 * Reported speech whose content runs through its own attribution set off by commas ("The museum, he said, celebrated
 * …", "Sales rose, the company said, with …", "Since November, according to Human Rights Watch, forces have …") is
 * cut around it: the words before the attribution's opening comma and after its closing comma, two pieces of one
 * group (as PolNeAR annotates such content); a piece with no word is left out. After the models, so their training
 * data (the rules' drafts) stays as it was, and gated by `runTimeRules.on`: `train:cues` selects the cue grid on this
 * stage's output, where the split moved a near-tie. Pieces are appended (text order is computed afterwards).
 */
function splitAroundAttribution(ctx: QuoteContext, drafts: Draft[]): void {
  const { lower, word, quoteOf, index } = ctx;
  for (const di of ungroupedIndirect(drafts)) {
    const d = drafts[di]!;
    if (!d.cue) continue;
    const cs = tokenAt(ctx, d.start);
    const ce = tokenAt(ctx, d.end - 1); // last token of the content
    let a = d.cue.tokenStart;
    let b = d.cue.tokenEnd;
    if (a <= cs || b > ce) continue;
    if (d.speaker && d.speaker.start >= d.start && d.speaker.end <= d.end) {
      a = Math.min(a, tokenAt(ctx, d.speaker.start));
      b = Math.max(b, tokenAt(ctx, d.speaker.end - 1) + 1);
    }
    // The attribution's commas, with only a few words of it between.
    let open = a - 1;
    while (open > cs && a - open <= ATTRIBUTION_SPAN && lower[open] !== ',' && word[open] && quoteOf[open]! < 0) open--;
    let close = b;
    while (close < ce && close - b < ATTRIBUTION_SPAN && lower[close] !== ',' && word[close] && quoteOf[close]! < 0) close++;
    if (lower[open] !== ',' || lower[close] !== ',' || open <= cs || close >= ce) continue;
    let end1 = open - 1;
    while (end1 >= cs && !word[end1]) end1--;
    let start2 = close + 1;
    while (start2 <= ce && !word[start2]) start2++;
    // "…, which, critics say, will add …", "…hints on whether, as the party claims, he plans …", "… and, according to
    // reports, talks are …": the attribution sits in the clause its last word opens; what comes before is not said.
    const first = end1 >= cs && !CLAUSE_OPENERS.has(lower[end1]!);
    // "…, according to Ann Lee, who created the show": a relative clause describes the source (the content goes on
    // after its comma, if any); "…, the firm said, but warned that …": a second verb of saying has a content of its own.
    if (start2 <= ce && SPEAKER_RELATIVES.has(lower[start2]!)) {
      // (what follows the relative clause's comma is the content again: "…, according to Ann Lee, who runs it, will …")
      while (start2 <= ce && lower[start2] !== ',' && quoteOf[start2]! < 0) start2++;
      start2 = lower[start2] === ',' ? start2 + 1 : ce + 1;
      while (start2 <= ce && !word[start2]) start2++;
    }
    const second = start2 <= ce && !((lower[start2] === 'and' || lower[start2] === 'but') && (SPEECH_FORMS.has(lower[start2 + 1] ?? '') || COGNITION_FORMS.has(lower[start2 + 1] ?? '')));
    if (!first && !second) continue;
    if (first) {
      const rest = second ? { ...d, start: index.starts[start2]!, groupWith: di } : null;
      d.end = index.ends[end1]!;
      if (rest) drafts.push(rest);
    } else if (second) d.start = index.starts[start2]!;
  }
}

/**
 * An inverted attribution set off by commas before the rest of its sentence ("Then, says Mr Lee, the market found
 * out", "The answer, says Prof Ng, is wi-fi", "Currently, says Dr Roe, equipment … is very expensive"): the rules read
 * the content from the cue on, speaker included. The speaker cannot be part of what was said: the content is the
 * words after the speaker's comma, and the words of the sentence before the cue's comma a first piece of the same
 * group (as `splitAroundAttribution` cuts "The museum, he said, celebrated …"), unless they hold a quotation or other
 * speech or end in a word that opens a clause. After the models and gated by `runTimeRules.on`, as that rule is.
 */
function splitInvertedAttribution(ctx: QuoteContext, drafts: Draft[]): void {
  const { lower, word, quoteOf, index } = ctx;
  for (const di of ungroupedIndirect(drafts)) {
    const d = drafts[di]!;
    if (!d.cue || !d.speaker) continue;
    const { tokenStart: a, tokenEnd: b } = d.cue;
    if (lower[a - 1] !== ',' || index.starts[b]! > d.start || d.start >= d.end) continue;
    const cs = tokenAt(ctx, d.start);
    const ce = tokenAt(ctx, d.end - 1);
    if (d.speaker.start < d.start || d.speaker.end > d.end) continue;
    const ss = tokenAt(ctx, d.speaker.start);
    const se = tokenAt(ctx, d.speaker.end - 1) + 1;
    // The speaker's phrase opens the content ("usability guru Dr Jo Lee"), a comma right after it.
    if (ss - cs > 3 || se - cs > ATTRIBUTION_SPAN || lower[se] !== ',' || se >= ce) continue;
    let opener = false;
    for (let k = cs; k < ss; k++) if (!word[k] || quoteOf[k]! >= 0) opener = true;
    if (opener) continue;
    let start2 = se + 1;
    while (start2 <= ce && !word[start2]) start2++;
    if (start2 > ce || SPEAKER_RELATIVES.has(lower[start2]!)) continue;
    d.start = index.starts[start2]!;
    // The words before the cue's comma, back to the sentence's start.
    const sentence = ctx.doc.sentences[ctx.doc.tokens[a]!.sentence]!;
    let end1 = a - 2;
    while (end1 >= sentence.tokenStart && !word[end1]) end1--;
    if (end1 < sentence.tokenStart || CLAUSE_OPENERS.has(lower[end1]!)) continue;
    const from = index.starts[sentence.tokenStart]!;
    const to = index.ends[end1]!;
    let free = true;
    for (let k = sentence.tokenStart; k <= end1; k++) if (quoteOf[k]! >= 0) free = false;
    for (const o of drafts) if (o !== d && o.start < to && o.end > from) free = false;
    if (!free) continue;
    drafts.push({ ...d, start: index.starts[start2]!, groupWith: di });
    d.start = from;
    d.end = to;
  }
}

/**
 * Reported speech whose cue says that nothing was said ("would not confirm
 * that …", "declined to comment") is dropped; group links are renumbered for the rest
 * (a piece whose group head is dropped stands alone).
 */
function withoutNegated(ctx: QuoteContext, found: Draft[]): Draft[] {
  const index = new Int32Array(found.length).fill(-1);
  const out: Draft[] = [];
  found.forEach((d, i) => {
    // Only reported speech: words in quotation marks are somebody's words whatever the verb
    // ('Cooper said he had not mentioned "anything uncomfortable"').
    if (d.kind === 'indirect' && d.cue && isNegatedCue(ctx, d.cue)) return;
    index[i] = out.length;
    out.push({ ...d, groupWith: d.groupWith >= 0 ? index[d.groupWith]! : -1 });
  });
  return out;
}

/**
 * Reported speech whose cue is no verb of saying used actively: a passive participle in a reduced relative or
 * appositive ("The driver accused of speeding told …") or a noun before a preposition ("rising demand for oil"). Group
 * links are renumbered for the rest.
 */
function withoutNonSpeech(ctx: QuoteContext, found: Draft[]): Draft[] {
  const index = new Int32Array(found.length).fill(-1);
  const out: Draft[] = [];
  found.forEach((d, i) => {
    if (d.kind === 'indirect' && d.cue && (objectlessParticiple(ctx, d.cue) === 'relative' || nounBeforePreposition(ctx.lower, d.cue) || notSpeechCue(ctx.lower, d.cue, ctx) || pluralNounCue(ctx, d.cue) || nominalCue(ctx, d.cue) || headlineObject(ctx, d, d.cue))) return;
    index[i] = out.length;
    out.push({ ...d, groupWith: d.groupWith >= 0 ? index[d.groupWith]! : -1 });
  });
  return out;
}

/**
 * Verbs of intention, expectation and decision: an infinitive after them reports a plan or an act, not words said
 * ("Nintendo plans to release …", "China is expected to face …", "the firm agreed to pay …"). Verbs of saying that
 * take an infinitive stay speech ("promised to", "vowed to", "threatened to", "urged them to").
 */
const INTENTION_FORMS = formsOf(['plan', 'want', 'intend', 'hope', 'expect', 'aim', 'seek', 'decide', 'agree', 'wish', 'seem', 'appear', 'tend', 'opt', 'prepare', 'try', 'look']);

/**
 * Reported "speech" that is an infinitive right after a verb of intention ("plans to buy …"), a purpose after "aimed"
 * ("Talks aimed at averting …") or the charge after a plea ("pleaded guilty to fraud"): a plan, an act or a charge,
 * no words anyone said. PolNeAR annotates many of these as attitudes; a journalist cannot print them as quotes.
 */
function intentionInfinitive(ctx: QuoteContext, d: Draft): boolean {
  const { cue } = d;
  if (d.kind !== 'indirect' || !cue) return false;
  const { lower } = ctx;
  const verb = lower[cue.tokenEnd - 1]!;
  const first = tokenAt(ctx, d.start);
  if (first !== cue.tokenEnd) return false;
  if (lower[first] === 'to') return INTENTION_FORMS.has(verb) || verb === 'guilty';
  return lower[first] === 'at' && INTENTION_FORMS.get(verb) === 'aim';
}

/** What ends a sentence of running text: a headline has none of these at its end. */
const SENTENCE_ENDS = new Set(['.', '!', '?', '"', '”', "'", '’', ')', '…']);

/**
 * Headline-ese: "Federer claims Dubai crown", "Wenger offers Mutu hope", "Report attacks defence spending". In a line
 * of its own with no closing punctuation, a verb followed by a bare object reports no speech; a clause ("Blair says
 * mayor should apologise", "Finnan says Irish can win group") or an inverted attribution ("No TV debate, says Blair")
 * still does.
 */
function headlineObject(ctx: QuoteContext, d: Draft, cue: Cue): boolean {
  const toks = ctx.doc.tokens;
  const s = ctx.doc.sentences[toks[cue.tokenStart]!.sentence]!;
  if (SENTENCE_ENDS.has(toks[s.tokenEnd - 1]!.text)) return false;
  const after = ctx.doc.text.slice(toks[s.tokenEnd - 1]!.end, toks[s.tokenEnd - 1]!.end + 3);
  if (s.tokenEnd < toks.length && !/^[ \t\r]*\n/.test(after)) return false;
  if (d.start < toks[cue.tokenEnd - 1]!.end) return false; // content before the cue: an inverted attribution
  return !looksLikeClause(ctx, tokenAt(ctx, d.start), tokenAt(ctx, d.end - 1) + 1);
}

const CATENATIVE_NEGATION = new Set(["n't", 'n’t', 'not', 'do', 'does', 'did']);

/**
 * Where a loose noun phrase as speaker really ends (UTF-16 offset), or null when it is none: no noun phrase ends in a
 * preposition or determiner ("hours before", "at one of"); before an infinitive cue a verb and its particle may stand
 * between the subject and "to" ("The piece goes on to slam", "Its hosts don't hesitate to report": the subject is
 * the phrase before them; "went on to say" has none).
 */
function loosePhraseEnd(ctx: QuoteContext, s: FoundSpeaker): number | null {
  const { lower, cap } = ctx;
  const from = tokenAt(ctx, s.start);
  let end = from;
  while (end < lower.length && ctx.index.ends[end]! <= s.end) end++;
  if (end <= from) return s.end;
  const last = lower[end - 1]!;
  // (A determiner alone is a pronoun: "Many said", "Some believe".)
  if (!PREPOSITIONS.has(last) && !(DETERMINERS.has(last) && end - from > 1)) return s.end;
  if (s.kind === 'description') {
    // A role widened over a cut-off phrase ("a strategist for one of"): the role's own noun phrase.
    let k = from + 1;
    while (k < end && !PREPOSITIONS.has(lower[k]!)) k++;
    return k < end && !DETERMINERS.has(lower[k - 1]!) ? ctx.index.ends[k - 1]! : null;
  }
  if (last !== 'to') return null;
  let e = end - 1;
  while (e > from && PREPOSITIONS.has(lower[e - 1]!)) e--;
  if (e > from && !cap[e - 1]) e--;
  while (e > from && CATENATIVE_NEGATION.has(lower[e - 1]!)) e--;
  while (e > from && (SKIPPABLE_BEFORE_VERB.has(lower[e - 1]!) || endsWith(lower[e - 1]!, 'ly'))) e--;
  if (e <= from || PREPOSITIONS.has(lower[e - 1]!) || DETERMINERS.has(lower[e - 1]!)) return null;
  return ctx.index.ends[e - 1]!;
}

/** The quotation stage. */
export const quotesStage: Stage = { name: 'quotes', requires: ['text', 'entities', 'quotedSpans'], assigns: ['quotes'], run: extractQuotes };


/**
 * The person whose mention ends a description that starts before it: "said CEO of the Refugee Council Enver
 * Solomon" is Enver Solomon, described by the rest. Null when no person's mention ends the span [start, end).
 */
function personEnding(ctx: QuoteContext, start: number, end: number): Entity | null {
  const m = ctx.mentionOf[tokenAt(ctx, end - 1)] ?? -1;
  if (m < 0) return null;
  const mention = ctx.mentions[m]!;
  if (mention.entity.type !== 'PERSON' || mention.end !== end || mention.start <= start) return null;
  // In apposition only: right after a capitalised word of the title ("… Refugee Council Enver Solomon"), not
  // the object of a preposition or a possessor ("a spokesman for Mr Blair" is not Blair; "Cherie Blair's …").
  let before = mention.tokenStart - 1;
  while (before > 0 && HONORIFIC_WORDS.has(ctx.lower[before]!)) before--;
  return ctx.cap[before] === 1 && !/['’]s?$/u.test(ctx.doc.tokens[before]!.text) && ctx.doc.tokens[before]!.end > start ? mention.entity : null;
}

/** Definite epithets of one person that name no role: an age, youth or age in the trade, a nationality. */
/** Institutions that look like nationalities. */
const NOT_EPITHETS = new Set(['Guardian', 'Vatican', 'Taliban', 'Australian', 'Republican', 'Politician', 'Musician']);
const PERSON_EPITHET = /^the (?:\d+-year-old|youngster|teenager|veteran|(?:[A-Z][a-z]+(?:ian|ean|an|ese|man|ish|i)|Scot|Swede|Dane|Finn|Pole|Czech|Greek|Swiss|Thai|Kiwi))$/;

/**
 * Final speaker records: a short name maps to the fuller person entity it
 * abbreviates ("Baghaei Hamaneh" → "Esmaeil Baghaei Hamaneh") when the entity
 * stage left them apart, and a description ending in a person's name is that person ("CEO of the Refugee
 * Council Enver Solomon"). (A definite description, "the spokesman", is linked to its person by `toSpeaker`,
 * while attributing: `describedPerson` in speaker.ts.)
 */
function speakerResolver(ctx: QuoteContext, history: SpeakerHistory): (s: FoundSpeaker) => DocSpeaker {
  const { doc } = ctx;
  // The people's name keys, on first use (most speakers need them once: the answer is kept per entity below).
  let people: { key: string; entity: Entity }[] | null = null;
  // The person whose name's last words (one word dropped or more) make `key`: the longest name, the first of equals.
  // (Sought by a scan of the article's few people: a table of every name's every tail, split and joined, cost more
  // than the look-ups it served.)
  const fullerName = (key: string): Entity | undefined => {
    people ??= doc.entities.filter((e) => e.type === 'PERSON').map((entity) => ({ key: nameKey(entity.name), entity }));
    const tail = ` ${key}`;
    let best: Entity | undefined;
    for (const p of people) if (p.key.endsWith(tail) && (!best || best.name.length < p.entity.name.length)) best = p.entity;
    return best;
  };
  // A person's fuller entity, per entity (speakers repeat).
  const fuller = new Map<Entity, Entity>();

  return (s: FoundSpeaker): DocSpeaker => {
    let entity = s.entity;
    if (entity && entity.type === 'PERSON') {
      let f = fuller.get(entity);
      if (!f) fuller.set(entity, (f = fullerName(nameKey(entity.name)) ?? entity));
      entity = f;
    }
    if (!entity && s.kind === 'proper' && s.name) entity = fullerName(nameKey(s.name)) ?? null;
    if (!entity && s.kind === 'description') entity = personEnding(ctx, s.start, s.end);
    // "said the 30-year-old", "the youngster said", "said the Dutchman": an epithet of the person the text is about,
    // found as "he" or "she" is.
    if (!entity && (s.kind === 'description' || s.kind === 'np') && s.description && PERSON_EPITHET.test(s.description) && !NOT_EPITHETS.has(s.description.slice(4))) entity = resolvePronoun(ctx, tokenAt(ctx, s.start), history, 'person');
    return { entity, name: entity?.name ?? s.name, description: s.description, mention: charSpan(ctx, s.start, s.end) };
  };
}
