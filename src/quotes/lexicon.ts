/**
 * Word lists the quotation stage consults, built from the language data in
 * src/lang/en (verbs of saying and their forms, function words, role nouns).
 * They are general English resources:
 * reporting verbs from the attribution literature (the PARC/PolNeAR annotation
 * guidelines, Krestel et al. 2008 "Minding the source", Pareti 2016) and common
 * nouns that describe a speaker by role. Nothing here is specific to an article.
 */
import {
  ARTICLES, ATTITUDE_VERBS, COGNITION_FORMS, DEMONSTRATIVES, POSSESSIVE_DETERMINERS, PREPOSITIONS as PREPOSITION_WORDS, QUANTIFIERS,
  RELATIVE_PRONOUNS, ROLE_NOUNS, SPEECH_FORMS, SUBJECT_PRONOUNS, SUBORDINATORS, formsOf,
} from '../lang/en/index.js';

export { COGNITION_FORMS, SPEECH_FORMS };

/**
 * Adjectives of belief and stance that report what their subject holds when a form of *be* comes
 * before them and a that-clause after them: "Fans are concerned that the stadium …", "the chairman was
 * adamant that …" (PolNeAR annotates them as attributions, like the verbs *believe*, *fear*).
 */
export const STANCE_ADJECTIVES = new Set([
  'confident', 'concerned', 'worried', 'hopeful', 'optimistic', 'pessimistic', 'adamant', 'convinced', 'sure', 'afraid',
  'fearful', 'anxious', 'nervous', 'sceptical', 'skeptical', 'doubtful', 'insistent', 'satisfied',
]);

/** Inflected attitude-verb form → lemma (bare base forms excluded: "plan", "offer" are mostly nouns). */
export const ATTITUDE_FORMS = new Map([...formsOf(ATTITUDE_VERBS)].filter(([form, lemma]) => form !== lemma || /^(?:want|support|oppose|endorse|urge|ask|demand|praise|criticize|condemn|denounce|reject|deny|defend)$/.test(form)));

/**
 * Lemmas too ambiguous to count as a cue on their own (they need a that-clause
 * or a quotation right after them): "continue", "add", "point", "read", "order"…
 */
export const WEAK_LEMMAS = new Set([
  'continue', 'point', 'read', 'order', 'post', 'charge', 'attack', 'question', 'signal', 'begin', 'see', 'find',
  'show', 'learn', 'hear', 'figure', 'decide', 'know', 'understand', 'put', 'sing', 'object', 'counter', 'state',
  'answer', 'request', 'offer', 'describe', 'mention', 'estimate', 'blast', 'slam', 'praise', 'criticize', 'criticise',
  'dismiss', 'tout', 'report', 'quote', 'cite', 'voice', 'broadcast', 'indicate', 'reason', 'advocate',
  'call', 'dub', 'label', 'brand', 'term', 'characterize', 'characterise', 'applaud', 'thank', 'congratulate', 'blame',
  'fault', 'mock', 'ridicule', 'decry', 'denounce', 'condemn', 'defend', 'welcome', 'hail', 'laud',
]);

/** Lemmas whose first object is the addressee: "told Putin that", "assured Putin that". */
export const ADDRESSEE_LEMMAS = new Set(['tell', 'assure', 'inform', 'warn', 'urge', 'remind', 'promise', 'advise', 'ask', 'caution', 'notify', 'implore', 'beg', 'instruct', 'order', 'convince', 'persuade', 'reassure']);

/** Lemmas that take "to <addressee>" before their content: "suggested to Putin that". */
export const TO_ADDRESSEE_LEMMAS = new Set(['say', 'suggest', 'propose', 'explain', 'write', 'complain', 'admit', 'confess', 'declare', 'announce', 'reveal', 'disclose', 'mention', 'repeat', 'reiterate', 'report', 'describe', 'stress', 'emphasize', 'emphasise', 'confirm', 'signal', 'speak', 'swear', 'pledge', 'vow', 'promise', 'tweet', 'write']);

/** Nouns that name a speaker by role: "the spokesman", "a senior official". */
export const DESCRIPTION_NOUNS = new Set(ROLE_NOUNS);

/** Subject pronouns a speaker can be named by. */
export const PRONOUNS = new Set<string>(SUBJECT_PRONOUNS);

/** Relative pronouns that open a clause describing the preceding noun phrase. */
export const RELATIVES = new Set<string>(RELATIVE_PRONOUNS);

/** Words that can stand between a subject and its verb without changing the subject. */
export const SKIPPABLE_BEFORE_VERB = new Set(
  (
    'also always often usually sometimes now then later again once further nonetheless nevertheless however still just already even reportedly ' +
    'allegedly publicly privately repeatedly recently previously earlier separately similarly likewise too ' +
    'not never had has have having would will could can may might must should shall did does do was were is are be ' +
    'been being first last finally initially subsequently simply indeed famously once categorically pointedly ' +
    'clearly flatly openly bluntly quietly angrily frankly candidly herself himself themselves itself'
  ).split(/\s+/),
);

/** Determiners and other words that open a descriptive noun phrase. */
export const DETERMINERS = new Set<string>([...ARTICLES, ...QUANTIFIERS, ...POSSESSIVE_DETERMINERS.filter((w) => w !== 'my' && w !== 'your'), ...DEMONSTRATIVES, 'top', 'senior']);

/**
 * Prepositions and subordinators: they open a phrase which cannot be a subject
 * ("after his return to Tehran"). Left out: prepositions that are as often adverbs
 * or parts of a quantity inside a subject or a reported clause ("more than 120
 * experts", "around eight other members", "outside court the pair denied…").
 */
const NOT_PHRASE_OPENERS = new Set(['than', 'around', 'outside', 'inside', 'within', 'across', 'toward', 'towards', 'via', 'per']);
export const PREPOSITIONS = new Set<string>([...PREPOSITION_WORDS.filter((w) => !NOT_PHRASE_OPENERS.has(w)), ...SUBORDINATORS]);

/**
 * Verbs of judging someone, whose object is the one judged ("accused Mr Brown of …", "criticised the regulator",
 * "blamed it for …"): English puts no speaker after them the way "…, said the spokesman." does.
 */
export const JUDGING_LEMMAS = new Set(
  ('accuse blame criticise criticize condemn praise thank applaud fault charge credit congratulate lambast slam blast ' +
    'attack mock ridicule denounce chastise rebuke reprimand castigate censure commend hail laud').split(' '),
);

/**
 * Nouns of a speech act that take a that-clause stating what was said: "his claim that …", "Sony's assertion that …".
 * Not nouns of attitude (belief, hope, fear, concern, sense, view): those state no words.
 */
export const CLAIM_NOUNS = new Set([
  'claim', 'claims', 'assertion', 'assertions', 'statement', 'warning', 'warnings', 'allegation', 'allegations', 'accusation',
  'accusations', 'argument', 'insistence', 'suggestion', 'admission', 'prediction', 'predictions', 'assurance', 'assurances',
  'promise', 'pledge', 'recommendation', 'contention', 'denial', 'announcement', 'declaration', 'complaint', 'charge',
]);
