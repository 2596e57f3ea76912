/**
 * Event taxonomy and trigger lexicon (documented in docs/events.md). Each type
 * lists the verb forms and nouns that evoke it, an optional cue that must occur
 * near ambiguous triggers ("filed" is LEGAL only near "lawsuit", "charges"…),
 * and the CAMEO root code where CAMEO has one, so users can compare with GDELT.
 * The lists are general English, drawn from CAMEO's verb dictionaries and the
 * event predicates annotated in TimeBank and MEANTIME.
 */
import { verbForms } from '../lang/en/index.js';

export type EventType =
  | 'MEETING'
  | 'SUMMIT'
  | 'VISIT'
  | 'CALL'
  | 'STATEMENT'
  | 'AGREEMENT'
  | 'DECISION'
  | 'LEGAL'
  | 'ARREST'
  | 'ATTACK'
  | 'ARMS_TRANSFER'
  | 'ELECTION'
  | 'PROTEST'
  | 'SANCTIONS'
  | 'ACQUISITION'
  | 'ORDER'
  | 'PRODUCT_LAUNCH'
  | 'FINANCIAL_RESULT'
  | 'AWARD'
  | 'SPORT_RESULT'
  | 'PERSONNEL'
  | 'ACCIDENT'
  | 'BANKRUPTCY'
  | 'RESTRUCTURING'
  | 'BIRTH'
  | 'HEALTH'
  | 'DEATH';

export interface TriggerClass {
  type: EventType;
  /** CAMEO root code (two digits) or null when CAMEO has no such category. */
  cameo: string | null;
  /** Inflected verb forms, space-separated. */
  verbs: string;
  /**
   * Verb forms typed like `verbs` but not read by the learned mention detector's lexicon feature (features.ts):
   * retraining the detector on a changed lexicon moves its margins for every word (docs/events.md), so forms added
   * later are left to the detector as it is, which judges them by their context alone.
   */
  moreVerbs?: string;
  /** Nouns (singular and plural), space-separated; multiword nouns use "_". */
  nouns: string;
  /** When set, the trigger counts only if a word matching this appears within the clause. */
  cue?: RegExp;
  /** Whether a possessor ("X's assassination") is the patient rather than the agent. */
  possessorIsPatient?: boolean;
  /** Whether the grammatical subject undergoes the event ("X died", "X was born") rather than doing it. */
  subjectIsPatient?: boolean;
}

const WEAPONS = /\b(?:weapons?|arms|missiles?|rockets?|drones?|tanks|ammunition|munitions|artillery|rifles?|guns?|warships?|submarines?|air[- ]defen[cs]e|S-\d+|(?:fighter|military|combat|attack|warplanes?)\s+(?:jets?|aircraft|helicopters?|planes?)|fighter jets?|warplanes?)\b/i;
const LAWSUIT = /\b(?:lawsuits?|suits?|complaints?|charges?|case|appeal|petition|motion|claim|indictment|injunction)\b/i;
const FINANCE = /\b(?:profits?|loss(?:es)?|earnings|revenues?|sales|income|results|dividends?|margins?|shares|stocks?|index|points|Dow|Nasdaq|FTSE|Nikkei|DAX)\b|[$€£%]|\b(?:percent|per cent|billion|million)\b/i;
/** A post: a word of a post anywhere in the clause; a word that is often only a title in a name ("Tory leader Michael
   Howard dismissed claims", "England captain Michael Vaughan") only after "as" ("named as England's new captain"). */
const POST = /\b(?:CEO|chief|chairman|chairwoman|president|director|minister|secretary|head|manager|boss|officer|executive|successor|coach|ambassador|governor|commander|board|post|position|job|role|office|commissioner|editor)\b|\bas\s+(?:[\w'’-]+\s+){0,4}(?:captain|skipper|leader|host|presenter|chair|treasurer|spokesman|spokeswoman|judge)\b/i;
/** Who rules on a decision, a claim or a penalty, or what is ruled on. */
const COURT_RULING = /\b(?:courts?|judges?|judgement|judgment|tribunal|appeals?|lords|justices?|magistrates|jury|panel|commission|regulators?|watchdog|ombudsman|convictions?|sentences?|verdicts?|ruling|decision|bans?|complaints?|claims?|suspension|disqualification|fine|injunction|order)\b/i;
const PRODUCT = /\b(?:product|products|device|phone|iPhone|iPod|iPad|Mac|computer|laptop|software|app|apps|version|model|models|car|cars|vehicle|vehicles|service|platform|SDK|update|store|system|edition|consoles?|handsets?|processors?|browser|cameras?|patch|patches)\b/i;

/** A prize or award: what is won, received or nominated for in an AWARD event. */
const AWARD_CUE = /\b(?:awards?|prizes?|Oscars?|Grammys?|Baftas?|Brits?|Emmys?|Golden Globes?|medals?|trophy|trophies|accolades?|honours?|Palme d'Or|Booker|Nobel)\b/i;
/** A contest: a score ("2-0", "6-4") or a word of a competition, for a SPORT_RESULT. */
const CONTEST = /\b\d{1,2}-\d{1,2}\b|\b(?:match|matches|final|semi-finals?|quarter-finals?|derby|cup|league|tournament|championships?|grand slam|fixture|six nations|premiership|goals?|tries|victory|defeat)\b/i;

/** The trigger classes. Order matters only for words listed twice: the first class with a satisfied cue wins. */
/**
 * Forms of reporting verbs as one space-separated list: the past tense (first
 * form only: "wrote", not "written") of `past`, the third person of `present`,
 * the -ing form of `progressive` and the bare `base` forms.
 */
function statementVerbs(past: string, present: string, progressive: string, base: string): string {
  const words = (s: string) => s.split(' ');
  return [
    ...words(past).map((v) => verbForms(v).past[0]!),
    ...words(present).map((v) => verbForms(v).third),
    ...words(progressive).map((v) => verbForms(v).ing),
    ...words(base),
  ].join(' ');
}

export const TRIGGERS: TriggerClass[] = [
  { type: 'SUMMIT', cameo: '04', verbs: '', nouns: 'summit summits conference conferences forum congress convention expo' }, // "Congress" capitalised is a legislature: see SUMMIT_HEADS
  {
    type: 'MEETING', cameo: '04',
    verbs: 'meet meets met meeting confer conferred confers consult consulted consults negotiate negotiated negotiates negotiating',
    nouns: 'meeting meetings talks negotiations encounter interactions interaction consultations consultation session_of_talks',
  },
  { type: 'VISIT', cameo: '04', verbs: 'visit visited visits visiting toured tour', nouns: 'visit visits trip trips tour' },
  { type: 'CALL', cameo: '04', verbs: 'phoned telephoned', nouns: 'call calls phone_call phone_calls telephone_call conversation' , cue: /\b(?:phone|phoned|telephone|telephoned|spoke|conversation|video)\b|\bcalls? (?:from|with|between)\b/i }, // not "call" alone: "calls for reform", "call centres"
  {
    type: 'STATEMENT', cameo: '01',
    // Forms of the verbs of saying (src/lang/en): past tense of all, present of some; "claims", "reports", "notes" are mostly nouns.
    verbs: statementVerbs(
      'say announce declare state repeat reiterate stress emphasise emphasize tell quote write post tweet disclose reveal confirm deny claim warn insist urge admit acknowledge comment remark assert affirm note explain report',
      'say announce declare state reiterate stress tell write confirm deny warn',
      'announce reveal',
      'announce',
    ),
    // "letter" and "report" only as what someone issues, sends or publishes (ISSUED_ONLY in senses.ts).
    nouns: 'statement statements announcement announcements declaration press_conference news_conference press_briefing speech interview keynote letter letters report',
  },
  {
    type: 'AGREEMENT', cameo: '05',
    verbs: 'agreed agree agrees approved approve approves signed sign signs ratified ratify endorsed finalized finalised concluded settled',
    nouns: 'agreement agreements deal deals accord accords treaty treaties signing settlement pact ratification approval',
    cue: undefined,
  },
  { type: 'DECISION', cameo: null, verbs: 'decided decides chose voted ruled', nouns: 'decision decisions ruling verdict vote' },
  // A court's or an authority's ruling on an earlier decision, claim or penalty ("the tribunal upheld her claim", "the
  // Court of Appeal quashed the sentences", "overturned the ban"); not "overturned a 2-0 deficit", "quashed rumours".
  // Not features of the learned detector (moreVerbs).
  { type: 'DECISION', cameo: null, verbs: '', moreVerbs: 'upheld overturned quashed', nouns: '', cue: COURT_RULING },
  {
    type: 'LEGAL', cameo: '11',
    verbs: 'sued sues sue charged indicted prosecuted convicted sentenced acquitted filed filing lost loses won wins fined investigated pleaded_guilty pleaded_not_guilty found_guilty',
    // Charges brought, pressed or laid against someone: only with "charges" as the verb's object (senses.ts,
    // notCharge); not features of the learned detector.
    moreVerbs: 'brought pressed laid',
    // Investigations are legal action begun against someone (CAMEO 09 Investigate: CAMEO_OVERRIDE).
    nouns: 'lawsuit lawsuits suit trial hearing indictment prosecution conviction litigation investigation investigations inquiry probe',
    cue: undefined,
  },
  { type: 'ARREST', cameo: '17', verbs: 'arrested detained jailed imprisoned', nouns: 'arrest arrests detention', possessorIsPatient: true },
  {
    type: 'ATTACK', cameo: '18',
    verbs: 'attacked attack attacks bombed shelled struck raided invaded assassinated killed shot stabbed ambushed',
    nouns: 'attack attacks airstrike airstrikes air_strike strikes strike bombing bombings shelling raid raids invasion assassination assassinations killing killings shooting massacre ambush',
    possessorIsPatient: true,
  },
  {
    type: 'ARMS_TRANSFER', cameo: '06',
    verbs: 'transferred delivered supplied sold provided shipped sent transfer deliver supply',
    nouns: 'transfer transfers delivery deliveries supply supplies sale sales shipment shipments',
    cue: WEAPONS,
  },
  { type: 'ELECTION', cameo: null, verbs: 'elected re-elected', nouns: 'election elections ballot referendum primary primaries vote' },
  { type: 'PROTEST', cameo: '14', verbs: 'protested boycotted', nouns: 'protest protests boycott sit-in walkout' },
  {
    // Labour strikes (CAMEO 143 conduct strike or boycott), told from military strikes by their actors.
    type: 'PROTEST', cameo: '14',
    verbs: 'struck striking',
    nouns: 'strike strikes',
    cue: /\b(?:unions?|workers|pilots|staff|employees|walkout|pay|wages?|labou?r|drivers|teachers|nurses|doctors|miners|dockers|crews?)\b/i,
  },
  {
    type: 'PROTEST', cameo: '14',
    verbs: 'demonstrated rallied marched',
    nouns: 'demonstration demonstrations rally rallies march marches',
    cue: /\b(?:against|protesters?|demonstrators|crowds?|streets?|thousands|hundreds|police|square|outside|slogans?|chanting|marchers)\b/i,
  },
  { type: 'SANCTIONS', cameo: '16', verbs: 'sanctioned embargoed', nouns: 'sanctions embargo embargoes' },
  {
    type: 'ORDER', cameo: null,
    verbs: 'ordered orders delivered delivers',
    nouns: 'order orders delivery deliveries',
    // A model number ("777s", "A380") stands alone: not part of "10,000", "100,000" or "1.500".
    cue: /\b(?:aircraft|planes?|jets?|airliners?|A3\d\d|(?<![\d,.])[0-9]{3}s?(?![,.]?\d)|units|vehicles|trains|ships|vessels|helicopters|engines|turbines|locomotives|buses)\b/,
  },
  // The bare and -ing forms of buying ("it will buy the shares", "is to spend 578m euros on buying out …") are typed
  // like "bought" (events39: missed in a recall audit of BBC articles); not features of the learned detector
  // (moreVerbs), which judges them by their context as it did before.
  { type: 'ACQUISITION', cameo: null, verbs: 'acquired acquires acquire bought buys purchased merged took_over', moreVerbs: 'buy buying purchasing acquiring', nouns: 'acquisition acquisitions takeover merger purchase buyout' },
  { type: 'PRODUCT_LAUNCH', cameo: null, verbs: 'launched launches unveiled unveils unveil rolled_out', nouns: 'launch unveiling maiden_flight first_flight' },
  {
    type: 'PRODUCT_LAUNCH', cameo: null,
    verbs: 'introduced introduces released releases release debuted debuts',
    nouns: 'release introduction debut',
    cue: PRODUCT,
  },
  // An award or prize won, received or a nomination for one ("won an Oscar", "earned him a Screen Actors Guild award",
  // "was nominated in six Oscar categories"): before the results, so that an award "earned" is no income. Forms that
  // are no features of the learned detector (moreVerbs; "won", "nominated", "earned" already are).
  { type: 'AWARD', cameo: null, verbs: '', moreVerbs: 'won wins received receives earned collected scooped picked_up nominated', nouns: '', cue: AWARD_CUE },
  {
    type: 'FINANCIAL_RESULT', cameo: null,
    verbs: 'posted posts reported reports earned lost losing made fell rose dropped increased decreased declined grew jumped slumped plunged surged gained closed tumbled soared slid climbed',
    // The movement verbs in the present and bare forms too: headlines ("Profits rise at …") and "saw its sales rise 2.2%"
    // report results in them. Not a feature of the learned detector (below).
    moreVerbs: 'slipped dipped rise rises fall falls drop drops jump jumps slump slumps plunge plunges surge surges soar soars tumble tumbles slide slides climb climbs grow grows',
    nouns: 'profit profits loss losses earnings revenue revenues results increase decline drop sales',
    cue: FINANCE,
  },
  // A match or contest won, lost or a side beaten ("Arsenal lost 2-0 at Old Trafford", "Wales beat England in the Six
  // Nations"): with a score or a word of a competition in the clause; after the results ("shares lost 2% in the final
  // hour" is a result). Not features of the learned detector (moreVerbs).
  { type: 'SPORT_RESULT', cameo: null, verbs: '', moreVerbs: 'beat beats defeated thrashed won wins lost loses', nouns: '', cue: CONTEST },
  {
    type: 'PERSONNEL', cameo: null,
    verbs: 'named names nominated hired fired dismissed replaced promoted retired ousted quit quits',
    nouns: 'appointment nomination retirement dismissal departure',
    cue: POST,
  },
  // Resigning and stepping down need no word of a post in the clause ("The mayor resigned on Sunday"): they are
  // leaving one whatever it is called ("resigned to" after "be" is the adjective: senses.ts). Being appointed or
  // sacked likewise: in news the words mean a post given or taken away, whatever it is called ("Rush was appointed
  // at the end of August", "Mutu was sacked by Chelsea on Friday"), unlike "named" (an award) or "fired" (shots).
  // Taking office: "was sworn in as president", "was inaugurated on Friday" (not features of the learned detector).
  { type: 'PERSONNEL', cameo: null, verbs: 'resigned resigns stepped_down stood_down sworn_in appointed appoints sacked', moreVerbs: 'inaugurated', nouns: 'resignation resignations' },
  { type: 'ACCIDENT', cameo: null, verbs: 'crashed collided derailed capsized sank exploded collapsed', nouns: 'crash crashes collision accident accidents derailment explosion collapse' },
  { type: 'BANKRUPTCY', cameo: null, verbs: 'filed filing files', nouns: 'bankruptcy bankruptcies insolvency', cue: /\b(?:bankruptcy|insolvency|Chapter 11|creditor protection)\b/i },
  {
    type: 'RESTRUCTURING', cameo: null,
    verbs: 'cut cuts cutting eliminate eliminated eliminating closed close closing shut slashed axed laid_off lay_off lays_off laying_off',
    nouns: 'layoffs layoff closure closures cuts job_cuts restructuring',
    cue: /\b(?:jobs?|workers|employees|staff|positions|plants?|factory|factories|dealerships?|stores?|shifts?|production|capacity|workforce|brands?|operations|sites?)\b/i,
  },
  { type: 'BIRTH', cameo: null, verbs: 'born', nouns: 'birth', possessorIsPatient: true, subjectIsPatient: true },
  { type: 'HEALTH', cameo: null, verbs: 'diagnosed underwent undergone hospitalised hospitalized', nouns: 'surgery transplant operation diagnosis', possessorIsPatient: true, subjectIsPatient: true, cue: /\b(?:surgery|transplant|cancer|hospital|liver|heart|kidney|tumou?r|illness|disease|medical|diagnosed|underwent|undergone)\b/i },
  // "was found dead": a death as news reports one found (not a feature of the learned detector: moreVerbs).
  { type: 'DEATH', cameo: null, verbs: 'died dies passed_away', moreVerbs: 'found_dead', nouns: 'death deaths funeral', possessorIsPatient: true, subjectIsPatient: true },
];

/** Per-trigger CAMEO overrides where the root differs inside a type (military force is 19, assault 18). */
export const CAMEO_OVERRIDE: Record<string, string> = {
  airstrike: '19', airstrikes: '19', air_strike: '19', shelling: '19', shelled: '19', invasion: '19', invaded: '19', strikes: '19', strike: '19',
  lawsuit: '11', arrested: '17', signed: '05',
  filed: '11', sued: '11',
  investigation: '09', investigations: '09', inquiry: '09', probe: '09', investigated: '09',
};

/** Reporting verbs are events only when dated in their clause (otherwise they are quote attributions). */
export const NEEDS_DATE: ReadonlySet<EventType> = new Set(['STATEMENT']);

/** Cues checked for LEGAL verbs that mean many things alone. */
const CASE = /\b(?:case|lawsuit|suit|appeal|trial|court|ruling|verdict|judgment|judgement)\b/i;
/** A "probe" into something, not a space probe. */
const INQUIRY = /\b(?:into|police|regulators?|fraud|corruption|criminal|commission|watchdog|investigators?|inquiry|allegations?)\b/i;
export const LEGAL_VERB_CUE: Record<string, RegExp> = { filed: LAWSUIT, filing: LAWSUIT, lost: CASE, loses: CASE, won: CASE, wins: CASE, probe: INQUIRY };

/** The steps of a legal case, each a happening of its own (never merged: `otherStages` in coreference.ts). */
export type LegalStage = 'inquiry' | 'suit' | 'charge' | 'trial' | 'plea' | 'verdict' | 'penalty';
/** The step of a legal case each LEGAL trigger word names ("pleaded guilty" a plea, "the trial" a trial). */
export const LEGAL_STAGES: ReadonlyMap<string, LegalStage> = new Map<string, LegalStage>(
  (
    [
      ['inquiry', ['investigation', 'investigations', 'inquiry', 'probe', 'investigated']],
      ['suit', ['lawsuit', 'lawsuits', 'suit', 'sued', 'sues', 'sue', 'filed', 'filing', 'litigation']],
      ['charge', ['brought', 'pressed', 'laid', 'charged', 'indicted', 'indictment', 'prosecuted', 'prosecution']],
      ['trial', ['trial', 'hearing']],
      ['plea', ['pleaded guilty', 'pleaded not guilty']],
      ['verdict', ['convicted', 'conviction', 'found guilty', 'acquitted', 'won', 'wins', 'lost', 'loses']],
      ['penalty', ['sentenced', 'fined']],
    ] as const
  ).flatMap(([stage, words]) => words.map((w): [string, LegalStage] => [w, stage])),
);

export interface TriggerInfo {
  cls: TriggerClass;
  pos: 'verb' | 'noun';
  /** A form of the class's `moreVerbs` (its bare and present forms may also be nouns: "a 5% fall"). */
  moreVerb?: true;
}

/** word (lower case; multiword joined with "_") → the classes it may trigger. */
export function buildTriggerIndex(): Map<string, TriggerInfo[]> {
  const index = new Map<string, TriggerInfo[]>();
  const add = (w: string, info: TriggerInfo) => {
    const list = index.get(w) ?? [];
    list.push(info);
    index.set(w, list);
  };
  for (const cls of TRIGGERS) {
    for (const v of cls.verbs.split(/\s+/).filter(Boolean)) add(v, { cls, pos: 'verb' });
    for (const v of (cls.moreVerbs ?? '').split(/\s+/).filter(Boolean)) add(v, { cls, pos: 'verb', moreVerb: true });
    for (const n of cls.nouns.split(/\s+/).filter(Boolean)) add(n, { cls, pos: 'noun' });
  }
  return index;
}
