/**
 * English verb inflection, and the verbs of saying, thinking and attitude that
 * the quote and event stages read. One source: the quote stage's cue lexicon and
 * the event stage's statement triggers both take their forms from here.
 *
 * Reporting verbs come from the attribution literature (the PARC/PolNeAR
 * annotation guidelines, Krestel et al. 2008 "Minding the source", Pareti 2016).
 */

/** Verbs of saying: they introduce direct quotations and reported speech. */
export const SPEECH_VERBS = (
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
export const COGNITION_VERBS = (
  'believe think feel hope fear expect doubt worry suspect understand realize realise know assume guess reckon ' +
  'imagine suppose figure decide conclude learn hear see find show'
).split(/\s+/);

/** Verbs of attitude, intention and evaluation that take a noun-phrase or infinitive object (PolNeAR attributions). */
export const ATTITUDE_VERBS = (
  'support endorse oppose favor favour want plan intend consider regard view seek refuse offer dislike love hate ' +
  'highlight pledge vow promise urge ask demand accuse blame praise criticize criticise condemn denounce ' +
  'decry applaud welcome thank congratulate dismiss reject deny defend question discuss mention describe cite ' +
  'recommend advocate propose suggest announce reveal disclose acknowledge admit predict fear doubt expect hope ' +
  'call dub label brand term slam blast attack mock ridicule warn threaten agree decide insist claim argue tout lament ' +
  'emphasize emphasise stress explain'
).split(/\s+/);

interface Forms {
  /** Third person singular present ("says"). */
  third: string;
  /** Past tense and past participle forms ("wrote", "written"); empty when they equal the base ("read", "put"). */
  past: string[];
  /** Present participle ("saying"). */
  ing: string;
}

const IRREGULAR: Record<string, Forms> = {
  say: { third: 'says', past: ['said'], ing: 'saying' },
  tell: { third: 'tells', past: ['told'], ing: 'telling' },
  write: { third: 'writes', past: ['wrote', 'written'], ing: 'writing' },
  think: { third: 'thinks', past: ['thought'], ing: 'thinking' },
  feel: { third: 'feels', past: ['felt'], ing: 'feeling' },
  know: { third: 'knows', past: ['knew', 'known'], ing: 'knowing' },
  understand: { third: 'understands', past: ['understood'], ing: 'understanding' },
  hear: { third: 'hears', past: ['heard'], ing: 'hearing' },
  see: { third: 'sees', past: ['saw', 'seen'], ing: 'seeing' },
  find: { third: 'finds', past: ['found'], ing: 'finding' },
  show: { third: 'shows', past: ['showed', 'shown'], ing: 'showing' },
  learn: { third: 'learns', past: ['learned', 'learnt'], ing: 'learning' },
  begin: { third: 'begins', past: ['began', 'begun'], ing: 'beginning' },
  read: { third: 'reads', past: [], ing: 'reading' },
  sing: { third: 'sings', past: ['sang', 'sung'], ing: 'singing' },
  forecast: { third: 'forecasts', past: [], ing: 'forecasting' },
  broadcast: { third: 'broadcasts', past: [], ing: 'broadcasting' },
  speak: { third: 'speaks', past: ['spoke', 'spoken'], ing: 'speaking' },
  swear: { third: 'swears', past: ['swore', 'sworn'], ing: 'swearing' },
  put: { third: 'puts', past: [], ing: 'putting' },
};

/** Verbs that double their final consonant before -ed and -ing. */
const DOUBLE_FINAL = new Set(['admit', 'commit', 'rebut', 'snap', 'regret', 'chat', 'plan', 'quip', 'concur', 'refer', 'prefer', 'infer', 'confer', 'occur']);

/**
 * The forms of an English verb.
 *
 * @example
 * verbForms('deny'); // { third: 'denies', past: ['denied'], ing: 'denying' }
 * verbForms('admit').past; // ['admitted']
 */
export function verbForms(base: string): Forms {
  const irregular = IRREGULAR[base];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(base)) return { third: base.slice(0, -1) + 'ies', past: [base.slice(0, -1) + 'ied'], ing: base + 'ing' };
  if (base.endsWith('e')) return { third: base + 's', past: [base + 'd'], ing: base.slice(0, -1) + 'ing' };
  if (DOUBLE_FINAL.has(base)) {
    const d = base + base.at(-1);
    return { third: base + 's', past: [d + 'ed'], ing: d + 'ing' };
  }
  if (/(?:s|sh|ch|x|z)$/.test(base)) return { third: base + 'es', past: [base + 'ed'], ing: base + 'ing' };
  return { third: base + 's', past: [base + 'ed'], ing: base + 'ing' };
}

/** Every form of a verb, base first. @example inflect('say') // ['say', 'says', 'said', 'saying'] */
export function inflect(base: string): string[] {
  const f = verbForms(base);
  const out = [base, f.third, ...f.past, f.ing];
  return out.filter((w, i) => out.indexOf(w) === i);
}

/** Inflected form → lemma for a list of verbs (a form shared by two verbs goes to the first). */
export function formsOf(bases: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const b of bases) for (const f of inflect(b)) if (!m.has(f)) m.set(f, b);
  return m;
}

/** Inflected speech-verb form → lemma. */
export const SPEECH_FORMS = formsOf([...SPEECH_VERBS, 'speak', 'swear', 'put']);
/** Inflected cognition-verb form → lemma. */
export const COGNITION_FORMS = formsOf(COGNITION_VERBS);

/**
 * Irregular simple-past forms that are rarely anything else: a clause's finite verb where no
 * auxiliary or -ed form shows one ("said prices rose by 3%", "said the region grew", "said it
 * made a profit"). Forms equal to their base or often nouns or adjectives ("cut", "set", "left",
 * "lost", "read") are left out.
 */
export const IRREGULAR_PAST = new Set(
  (
    'rose fell grew made took gave saw came went became began won paid sold bought told said thought found ' +
    'kept led held brought built spent sent stood struck understood wrote drove drew ran sang shook spoke ' +
    'stole swore threw wore withdrew overtook undertook forgot forgave froze got knew meant met rode sat ' +
    'slept sought taught tore fought fled fed felt dealt heard laid lent shot sank spun sprang stuck swept swung ' +
    'ate broke chose flew forbade hid arose awoke bore beat bent bled bound caught clung crept dove ' +
    'forecast foresaw overcame overrode oversaw rang shrank slid strode strove swam wept wound'
  ).split(/\s+/),
);
