/**
 * Word lists the quotation stage consults. They are general English resources:
 * reporting verbs from the attribution literature (the PARC/PolNeAR annotation
 * guidelines, Krestel et al. 2008 "Minding the source", Pareti 2016) and common
 * nouns that describe a speaker by role. Nothing here is specific to an article.
 */

/** Verbs of saying: they introduce direct quotations and reported speech. */
const SPEECH_VERBS = (
  'say tell add write stress remark warn repeat affirm note explain argue claim insist declare announce state ask ' +
  'reply respond answer continue comment tweet post recall admit acknowledge concede suggest propose assure ' +
  'emphasize emphasise underline underscore urge promise vow pledge predict conclude observe quip joke shout yell ' +
  'scream exclaim complain boast brag charge accuse allege assert contend maintain reiterate confirm deny reveal ' +
  'disclose report testify describe whisper mutter proclaim counter retort rebut caution advise demand plead muse ' +
  'inform recount cite quote echo mention hint indicate imply lament clarify elaborate opine reason speculate estimate ' +
  'forecast agree disagree object protest threaten order instruct request recommend advocate tout praise criticize ' +
  'criticise blast slam attack dismiss acknowledge predict point concur stipulate specify announce broadcast ' +
  'wonder question signal telegraph voice told begin interject interrupt rail fume rant grumble gush marvel ' +
  'sneer snap snarl chide scold tease tout vent implore beg add write sing chant read call dub label brand term ' +
  'characterize characterise applaud thank congratulate blame fault mock ridicule decry denounce condemn defend ' +
  'welcome hail laud'
).split(/\s+/);

/** Verbs of thought and attitude: PolNeAR counts beliefs and intentions as attributions too. */
const COGNITION_VERBS = (
  'believe think feel hope fear expect doubt worry suspect understand realize realise know assume guess reckon ' +
  'imagine suppose figure decide conclude learn hear see find show'
).split(/\s+/);

/** Verbs of attitude, intention and evaluation that take a noun-phrase or infinitive object (PolNeAR attributions). */
const ATTITUDE_VERBS = (
  'support endorse oppose favor favour want plan intend consider regard view seek refuse offer dislike love hate ' +
  'highlight pledge vow promise urge ask demand accuse blame praise criticize criticise condemn denounce ' +
  'decry applaud welcome thank congratulate dismiss reject deny defend question discuss mention describe cite ' +
  'recommend advocate propose suggest announce reveal disclose acknowledge admit predict fear doubt expect hope ' +
  'call dub label brand term slam blast attack mock ridicule warn threaten agree decide insist claim argue tout lament ' +
  'emphasize emphasise stress explain'
).split(/\s+/);

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  think: ['thought', 'thinks', 'thinking'],
  feel: ['felt', 'feels', 'feeling'],
  know: ['knew', 'known', 'knows', 'knowing'],
  understand: ['understood', 'understands', 'understanding'],
  hear: ['heard', 'hears', 'hearing'],
  see: ['saw', 'seen', 'sees', 'seeing'],
  find: ['found', 'finds', 'finding'],
  show: ['showed', 'shown', 'shows', 'showing'],
  learn: ['learned', 'learnt', 'learns', 'learning'],
  begin: ['began', 'begun', 'begins', 'beginning'],
  read: ['reads', 'reading'],
  sing: ['sang', 'sung', 'sings', 'singing'],
  forecast: ['forecast', 'forecasts', 'forecasting'],
  broadcast: ['broadcast', 'broadcasts', 'broadcasting'],
  speak: ['spoke', 'spoken', 'speaks', 'speaking'],
  swear: ['swore', 'sworn', 'swears', 'swearing'],
  put: ['put', 'puts', 'putting'],
};

const DOUBLE_FINAL = new Set(['admit', 'commit', 'rebut', 'snap', 'regret', 'chat', 'plan', 'quip', 'concur', 'refer', 'prefer', 'infer', 'confer', 'occur']);

/** Regular English inflections of a verb: base, -s, -ed, -ing. */
export function inflect(base: string): string[] {
  if (IRREGULAR[base]) return [base, ...IRREGULAR[base]];
  const out = [base];
  if (/[^aeiou]y$/.test(base)) out.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing');
  else if (base.endsWith('e')) out.push(base + 's', base + 'd', base.slice(0, -1) + 'ing');
  else if (DOUBLE_FINAL.has(base)) {
    const d = base + base.at(-1);
    out.push(base + 's', d + 'ed', d + 'ing');
  } else if (/(?:s|sh|ch|x|z)$/.test(base)) out.push(base + 'es', base + 'ed', base + 'ing');
  else out.push(base + 's', base + 'ed', base + 'ing');
  return out;
}

function formsOf(bases: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const b of bases) for (const f of inflect(b)) if (!m.has(f)) m.set(f, b);
  return m;
}

/** Inflected speech-verb form → lemma. */
export const SPEECH_FORMS = formsOf([...SPEECH_VERBS, 'speak', 'swear', 'put']);
/** Inflected cognition-verb form → lemma. */
export const COGNITION_FORMS = formsOf(COGNITION_VERBS);

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
export const DESCRIPTION_NOUNS = new Set(
  (
    'spokesman spokeswoman spokesperson spokespeople official officials minister ministers president vice-president ' +
    'chairman chairwoman chair secretary director analyst analysts expert experts source sources aide aides adviser ' +
    'advisers advisor advisors diplomat diplomats lawmaker lawmakers senator senators congressman congresswoman ' +
    'representative representatives governor mayor leader leaders chief ceo executive executives officer officers ' +
    'commander general ambassador envoy negotiator negotiators prosecutor prosecutors lawyer lawyers attorney attorneys ' +
    'judge judges witness witnesses resident residents observer observers critic critics supporter supporters voter ' +
    'voters economist economists scientist scientists researcher researchers professor doctor doctors campaign ' +
    'strategist strategists consultant pollster pollsters candidate nominee staffer staffers member members person ' +
    'people man woman worker workers employee employees owner manager investigator investigators police ministry ' +
    'government administration agency statement report study survey poll polls newspaper agency outlet broadcaster ' +
    'commentator columnist editor journalist reporter correspondent author authors activist activists protester ' +
    'protesters organizers organisers founder president-elect premier king queen prince monarch cleric imam priest ' +
    'spokesmen officialdom insider insiders operative operatives delegate delegates delegation panel committee ' +
    'commission council court department office team group party'
  ).split(/\s+/),
);

/** Subject pronouns a speaker can be named by. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);

/** Relative pronouns that open a clause describing the preceding noun phrase. */
export const RELATIVES = new Set(['who', 'which', 'whom', 'whose', 'that']);

/** Words that can stand between a subject and its verb without changing the subject. */
export const SKIPPABLE_BEFORE_VERB = new Set(
  (
    'also then later again once further nonetheless nevertheless however still just already even reportedly ' +
    'allegedly publicly privately repeatedly recently previously earlier separately similarly likewise too ' +
    'not never had has have having would will could can may might must should shall did does do was were is are be ' +
    'been being first last finally initially subsequently simply indeed famously once categorically pointedly ' +
    'clearly flatly openly bluntly quietly angrily frankly candidly herself himself themselves itself'
  ).split(/\s+/),
);

/** Determiners and other words that open a descriptive noun phrase. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'another', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'top', 'senior', 'all', 'most', 'few']);

/** Prepositions that open a phrase which cannot be a subject ("after his return to Tehran"). */
export const PREPOSITIONS = new Set(
  'after before at in on during for with without from since until by under over about against among between into through despite amid following upon as while when where if because although though unlike like near to of'.split(' '),
);
