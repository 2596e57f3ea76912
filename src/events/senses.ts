/**
 * Trigger words with another sense than the lexicon's, told apart by a small rule before anything else
 * (docs/events.md, "What is not an event"): "shot" a film, "took over" a post, "named" best director.
 */
import type { Doc } from '../text/doc.js';
import { OPENING_QUOTE_TOKENS } from '../text/chars.js';
import { BE_FORMS as BE_FORM_WORDS, PREPOSITIONS } from '../lang/en/function-words.js';
import { mentionAt } from '../text/layers.js';
import { MONTHS } from '../lang/en/calendar.js';
import { HONORIFICS } from '../lang/en/titles.js';

/** A test for "token k is in the sentence of token ts" (and in the document). */
function sentenceOf(doc: Doc, lower: readonly string[], ts: number): (k: number) => boolean {
  const sentence = doc.tokens[ts]!.sentence;
  return (k: number) => k >= 0 && k < lower.length && doc.tokens[k]!.sentence === sentence;
}

/** Words of filming: a film "shot in Morocco" is filmed there. */
const FILMING = new Set(['location', 'starring', 'studio', 'studios', 'film', 'films', 'movie', 'movies', 'footage', 'scene', 'scenes', 'episode', 'episodes', 'series', 'documentary', 'video', 'print', 'sequel', 'filming', 'director', 'productions', 'co-productions']);
/** Words of shooting people: the sentence is about violence. */
const GUNFIRE = new Set(['gun', 'guns', 'gunman', 'gunmen', 'gunfire', 'gunshot', 'police', 'soldiers', 'troops', 'killed', 'killing', 'wounded', 'injured', 'dead', 'died', 'murder', 'murdered', 'fired', 'stabbed', 'bullet', 'bullets']);
/** What follows "struck" or "strike" in a deal, not a blow ("struck a deal", "strike a balance"). */
/** Words of a football or rugby match, where a "strike" is a shot at goal. */
const MATCH_WORDS = new Set(['goal', 'goals', 'scored', 'score', 'scoring', 'header', 'penalty', 'free-kick', 'match', 'game', 'half-time', 'minute', 'minutes', 'keeper', 'goalkeeper', 'striker', 'equaliser', 'winner', 'league', 'cup', 'yard', 'yards', 'double', 'victory', 'draw', 'side',
  'beat', 'win', 'won', 'lead', 'box', 'shot', 'volley', 'net', 'right-footed', 'left-footed', 'midfielder', 'defender', 'fans', 'season',
  'player', 'players', 'first-half', 'second-half', 'injury-time', 'stoppage-time', 'sin-binned', 'kick', 'ball']);
/** Words of military force, where a "strike" is an attack. */
const ARMS = new Set(['air', 'missile', 'missiles', 'military', 'troops', 'army', 'bomb', 'bombs', 'bombing', 'rocket', 'rockets', 'drone', 'drones', 'forces', 'pre-emptive', 'nuclear', 'airstrike', 'airstrikes']);
/** Agreements, which are struck as deals are ("a deal being struck"). */
const DEAL_WORDS = new Set(['deal', 'deals', 'agreement', 'agreements', 'accord', 'bargain', 'pact', 'compromise', 'settlement']);
const STRUCK_OBJECTS = new Set(['shot', 'effort', 'penalty', 'free-kick', 'post', 'crossbar', 'woodwork', 'deal', 'deals', 'agreement', 'agreements', 'accord', 'bargain', 'balance', 'chord', 'gold', 'note', 'pact', 'partnership', 'compromise', 'tone']);
const BE_FORMS = new Set<string>(BE_FORM_WORDS);
/** Words before "attack" that make it an illness ("a heart attack"). */
const ILLNESS_BEFORE = new Set(['heart', 'asthma', 'panic', 'anxiety']);
/** After an active "shot", these make it a shooting ("shot dead", "shot at", "shot him"). */
const SHOT_PERSON_AFTER = new Set(['dead', 'at', 'him', 'her', 'them', 'himself', 'herself', 'themselves', 'down']);
/** Punctuation that ends a verb group: "X agreed.", "agreed, adding", a quotation after "concluded". */
const GROUP_ENDS = new Set(['.', ',', ':', '"', '”']);
/** What a politician attacks in words: plans, a decision, a record. */
const ARGUMENT_TARGETS = new Set([
  'plan', 'plans', 'policy', 'policies', 'decision', 'decisions', 'record', 'tax', 'taxes', 'proposal', 'proposals', 'comments',
  'remarks', 'report', 'budget', 'bill', 'law', 'laws', 'idea', 'ideas', 'stance', 'approach', 'strategy', 'handling',
  'response', 'claims', 'views', 'tape', 'imperialists', 'tabloids', 'magazines', 'media', 'critics', 'reforms', 'rules',
  'legislation', 'scheme', 'schemes', 'regulations', 'directive', 'changes', 'verdict', 'ruling',
]);
/** Adjectives of an attack in words or in court: "legal attacks on BitTorrent", "a personal attack on Mr Blair". */
const VERBAL_ATTACK_KINDS = new Set(['legal', 'verbal', 'personal', 'political', 'rhetorical', 'scathing', 'stinging', 'blistering', 'withering']);
/** After an attack in words: what it is "over", a quotation, "for failing". */
const VERBAL_MARKS = new Set(['over', 'failing', '"', '“', '”', "'", '‘', '’']);
/** Words of bodily harm: an attack "by muggers", "with a knife". */
const BODILY = new Set(['muggers', 'knife', 'knives', 'machete', 'slurry', 'beaten', 'punched', 'kicked', 'hospital', 'injuries', 'mob', 'gang', 'assault', 'assaulted', 'bomb', 'bombs', 'militants', 'rebels', 'dogs', 'dog', 'shark']);

/** Words right before "strike" that make it a stoppage or a protest ("join strike", "on strike", "hunger strike"). */
const LABOUR_BEFORE_STRIKE = new Set(['join', 'joins', 'joined', 'joining', 'on', 'general', 'national', 'nationwide', 'hunger', 'one-day', '24-hour', '48-hour', 'postal', 'rail', 'tube']);
/** Words after "strike" that make it a stoppage: "strike action", "a strike ballot", "strike pay". */
const LABOUR_AFTER_STRIKE = new Set(['action', 'ballot', 'ballots', 'pay', 'vote', 'votes', 'threat', 'threats']);

/**
 * An ATTACK trigger used in one of its other senses: "shot" a film, a shot at goal, sales "shot up", a band that
 * "shot to fame"; "struck a deal". "shot" is kept where it is passive ("was shot") in a sentence without
 * filming words, or where the sentence speaks of guns, killing or the police.
 */
export function notViolence(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  const sentence = doc.tokens[ts]!.sentence;
  const inSentence = sentenceOf(doc, lower, ts);
  if (NATURAL_VERBS.has(key) && naturalCause(lower, ts, te, inSentence)) return true;
  // "killing the ball" (rugby), "killed off the plan": nobody killed.
  if (KILL_FORMS.has(key) && (lower[te] === 'off' || (lower[te] === 'the' && lower[te + 1] === 'ball'))) return true;
  // "join strike", "on strike", "a hunger strike", "strike action": workers' or a protester's strike, no attack.
  if ((key === 'strike' || key === 'strikes') && (LABOUR_BEFORE_STRIKE.has(lower[ts - 1] ?? '') || LABOUR_AFTER_STRIKE.has(lower[te] ?? ''))) return true;
  if (key === 'struck' || key === 'strike' || key === 'strikes') {
    // "struck out at file-sharing networks", "strike out on his own": in words or alone, no blow.
    if (lower[te] === 'out' && key !== 'strikes') return true;
    for (let k = te; k < te + 4 && inSentence(k); k++) if (STRUCK_OBJECTS.has(lower[k]!)) return true;
    // "a deal being struck", "the agreement was struck": the deal before its passive verb.
    if (key === 'struck') for (let k = ts - 1; k >= ts - 3 && inSentence(k); k--) if (DEAL_WORDS.has(lower[k]!)) return true;
    // "Fowler's double strike helped City come back", "struck a sweet shot": a shot at goal.
    return key !== 'struck' ? matchPlay(doc, lower, sentence) : false;
  }
  // "a heart attack", "an asthma attack": an illness, not violence.
  if ((key === 'attack' || key === 'attacks') && ILLNESS_BEFORE.has(lower[ts - 1] ?? '')) return true;
  // "the legal attacks on BitTorrent", "a personal attack on the chancellor": in court or in words, no violence.
  if ((key === 'attack' || key === 'attacks') && VERBAL_ATTACK_KINDS.has(lower[ts - 1] ?? '')) return true;
  // "the United attack", "an attack blocked by the keeper": a team's forwards in a match report.
  // "Short attacks US over tsunami aid", "Corbett attacks 'dumbed-down TV'": the verb after its subject, in words,
  // as "attacked" is read below.
  if (key === 'attacks' && ts > 0 && inSentence(ts - 1) && /^\p{Lu}/u.test(doc.tokens[ts - 1]!.text) && verbalAttack(doc, lower, ts, te, inSentence)) return true;
  // "little opportunity to shine in attack", "played in attack": a team's forward line (no article; "killed in an
  // attack" has one, and a sentence of killing or arms keeps it).
  if (key === 'attack' && lower[ts - 1] === 'in' && !ATTACK_OBJECT.has(lower[te] ?? '') && !harmInSentence(doc, lower, sentence)) return true;
  if (key === 'attack' || key === 'attacks') return matchPlay(doc, lower, sentence) || attackInPolitics(doc, lower, ts, te, inSentence);
  if (key === 'attacked') return verbalAttack(doc, lower, ts, te, inSentence) || attackInPolitics(doc, lower, ts, te, inSentence);
  if (key !== 'shot' && key !== 'shooting') return false;
  let filming = false;
  let gunfire = false;
  const s = doc.sentences[sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    // A filming word near the verb (its subject or object: "footage was shot", "shot many films"), not one
    // anywhere in the sentence ("shot …, following threats over his film").
    if (FILMING.has(lower[k]!) && k >= ts - 10 && k < te + 10) filming = true;
    else if (GUNFIRE.has(lower[k]!)) gunfire = true;
  }
  if (filming) return true;
  // "shooting tamely at the keeper in first-half injury time": a shot at goal.
  if (key === 'shooting' && !gunfire && matchPlay(doc, lower, sentence)) return true;
  // "shooting of The Libertine", "Shooting on Casino Royale": the filming of a named work.
  if (key === 'shooting' && (lower[te] === 'of' || lower[te] === 'on') && inSentence(te + 1)) {
    const { mentions, at } = mentionAt(doc);
    const m = at[te + 1]! >= 0 ? mentions[at[te + 1]!]! : null;
    if (m && m.entity.type === 'MISC') return true;
    // "on" a title the recogniser cut or mistyped ("Shooting on Casino Royale"); not "on" a street, a person or a day.
    const onTitle = lower[te] === 'on' && /^\p{Lu}/u.test(doc.tokens[te + 1]!.text) && (!m || m.entity.type === 'ORGANIZATION') && !doc.times.some((t) => t.tokenStart === te + 1);
    if (onTitle) return true;
  }
  const next = inSentence(te) ? lower[te]! : '';
  if (key === 'shot' && (next === 'up' || next === 'to' || next === 'straight' || next === 'into')) return true; // "shot up", "shot to fame"
  if (gunfire) return false;
  if (key === 'shooting') return false;
  // "was shot", "were supposedly shot", "have both been shot": a person shot.
  for (let k = ts - 1; k >= ts - 3 && inSentence(k); k--) {
    if (BE_FORMS.has(lower[k]!)) return false;
    if (!(lower[k]!.endsWith('ly') || lower[k] === 'both' || lower[k] === 'all' || lower[k] === 'also')) break;
  }
  return !SHOT_PERSON_AFTER.has(next);
}

/** What kills or strikes without an attacker: storms, quakes, floods, diseases. */
const NATURAL_CAUSES = new Set([
  'hurricane', 'hurricanes', 'storm', 'storms', 'typhoon', 'typhoons', 'cyclone', 'cyclones', 'tornado', 'tornadoes', 'tsunami',
  'tsunamis', 'earthquake', 'earthquakes', 'quake', 'quakes', 'flood', 'floods', 'flooding', 'drought', 'droughts', 'famine',
  'avalanche', 'avalanches', 'landslide', 'landslides', 'mudslide', 'mudslides', 'eruption', 'volcano', 'heatwave', 'blizzard',
  'disaster', 'disasters', 'disease', 'diseases', 'epidemic', 'pandemic', 'virus', 'flu', 'influenza', 'malaria', 'cholera',
  'cancer', 'aids', 'sars', 'illness', 'infection', 'tidal',
]);
const KILL_FORMS = new Set(['kill', 'kills', 'killed', 'killing']);
const NATURAL_VERBS = new Set(['killed', 'kills', 'kill', 'killing', 'struck', 'strikes', 'strike', 'hit', 'hits', 'devastated', 'destroyed', 'wiped']);

/**
 * "the tsunami which killed more than …", "natural disasters that have struck the US", "were killed by disease": what
 * killed or struck is a storm, a quake or an illness named just before the verb or after its "by" — no attacker.
 */
function naturalCause(lower: readonly string[], ts: number, te: number, inSentence: (k: number) => boolean): boolean {
  for (let k = ts - 1; k >= ts - 4 && inSentence(k); k--) {
    const w = lower[k]!;
    if (NATURAL_CAUSES.has(w)) return true;
    if (w === ',' || w === '.' || w === ';') break;
  }
  for (let k = te; k < te + 5 && inSentence(k); k++) {
    // "killed following a massive underwater earthquake", "killed in the floods"
    if (lower[k] === 'following' || lower[k] === 'after' || lower[k] === 'in') {
      for (let j = k + 1; j < k + 5 && inSentence(j); j++) if (NATURAL_CAUSES.has(lower[j]!)) return true;
    }
    if (lower[k] !== 'by') continue;
    for (let j = k + 1; j < k + 4 && inSentence(j); j++) if (NATURAL_CAUSES.has(lower[j]!)) return true;
    break;
  }
  return false;
}

/** What an attack is made on or against: "in attack on the base" keeps the attack. */
const ATTACK_OBJECT = new Set(['on', 'against', 'by']);

/** Whether the sentence speaks of guns, arms or bodily harm. */
function harmInSentence(doc: Doc, lower: readonly string[], sentence: number): boolean {
  const s = doc.sentences[sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (GUNFIRE.has(lower[k]!) || ARMS.has(lower[k]!) || BODILY.has(lower[k]!)) return true;
  return false;
}

/** A sentence about a match (a goal, a shot, a keeper…) and not about arms or bodily harm. */
function matchPlay(doc: Doc, lower: readonly string[], sentence: number): boolean {
  const s = doc.sentences[sentence]!;
  let game = false;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const w = lower[k]!;
    if (GUNFIRE.has(w) || ARMS.has(w) || BODILY.has(w)) return false;
    if (MATCH_WORDS.has(w)) game = true;
  }
  return game;
}

/**
 * "Kerry attacked Bush's economic record", "attacked by critics", "attacked over the row", "attacked Mr Brown for
 * failing …": an attack in words. A sentence speaking of bodily harm (muggers, a knife, guns) keeps the attack.
 * Only "attacked": "attacks" and "attack" are mostly nouns ("the terror attacks on the US").
 */
function verbalAttack(doc: Doc, lower: readonly string[], ts: number, te: number, inSentence: (k: number) => boolean): boolean {
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (BODILY.has(lower[k]!) || GUNFIRE.has(lower[k]!)) return false;
  for (let k = te; k < te + 8 && inSentence(k); k++) {
    const w = lower[k]!;
    if (w === ',' || w === '.' || w === ';') break;
    if (ARGUMENT_TARGETS.has(w) || VERBAL_MARKS.has(w)) return true;
    // "attacked … as blasphemy", "attacked the plan as a stunt": judged in words ("attacked as he left" is no judgement).
    if (w === 'as' && inSentence(k + 1)) {
      const next = lower[k + 1]!;
      if (next === 'a' || next === 'an' || OPENING_QUOTE_TOKENS.has(next)) return true;
      if (/^\p{Ll}+$/u.test(doc.tokens[k + 1]!.text) && (!inSentence(k + 2) || /^[.,;:]$/.test(lower[k + 2]!))) return true;
    }
  }
  return false;
}

/** Political parties, whose attacks are in words ("the latest Tory attack", "his attack on Labour"). */
const PARTIES = new Set(['labour', 'tory', 'tories', 'conservative', 'conservatives', 'democrats', 'republicans', 'republican', 'democratic', 'lib', 'liberal', 'liberals', 'snp', 'ukip']);

/**
 * An attack in words in a sentence of no bodily harm or arms: one made by a party ("the latest Tory attack"), or one on
 * a party, a named person, or an argument ("an attack on Labour's record", "attack Tory leader Michael Howard",
 * "attack Mr Blair's words"), the target read right after "attack on/against" or the verb. A person's home, car or
 * convoy ("an attack on Mr Smith's home") is no argument and keeps the attack.
 */
function attackInPolitics(doc: Doc, lower: readonly string[], ts: number, te: number, inSentence: (k: number) => boolean): boolean {
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const w = lower[k]!;
    if (BODILY.has(w) || GUNFIRE.has(w) || ARMS.has(w) || NATURAL_CAUSES.has(w) || TERROR.has(w)) return false;
  }
  if (inSentence(ts - 1) && PARTIES.has(lower[ts - 1]!) && doc.tokens[ts - 1]!.text !== lower[ts - 1]) return true;
  let k = te;
  // "attack on/against X", and "attacked by X" (who attacked: a party or a person in a sentence of no harm).
  if (inSentence(k) && (lower[k] === 'on' || lower[k] === 'against' || (lower[k] === 'by' && lower[ts] === 'attacked'))) k++;
  // Without "on", "against" or "by", the words after "attack" are its object only where it is a verb ("will attack",
  // "to attack", "I attack", "Howard attacks"); after a noun they start another clause ("after any such attack Mr X …").
  else if (lower[ts] !== 'attacked') {
    let b = ts - 1; // past adverbs and quotation marks: "will also attack", "never, ever, ever" attack"
    while (b > s.tokenStart && (ADVERB_LIKE.has(lower[b]!) || lower[b]!.endsWith('ly') || /^[,"“”]$/.test(lower[b]!))) b--;
    if (!(inSentence(b) && (VERB_BEFORE.has(lower[b]!) || (b === s.tokenStart && /^\p{Lu}/u.test(doc.tokens[b]!.text)) || endsPersonOrOrgName(doc, b)))) return false;
  }
  const { mentions, at } = mentionAt(doc);
  // The target: the words of its noun phrase, up to the first preposition, punctuation or verb-like word.
  for (let j = k; j < k + 6 && inSentence(j); j++) {
    const w = lower[j]!;
    if (ARGUMENT_TARGETS.has(w) || TARGETS_IN_WORDS.has(w)) return true;
    const m = at[j]! >= 0 ? mentions[at[j]!]! : null;
    if (m && m.tokenStart === j) {
      // A party or a person named as the target, not as the owner of a place or a thing ("Mr Smith's home").
      const after = lower[m.tokenEnd] ?? '';
      if (after === "'s" || after === '’s' || after === "'") { j = m.tokenEnd; continue; }
      if (m.entity.type === 'PERSON' || PARTIES.has(lower[j]!)) return true;
      j = m.tokenEnd - 1; // another name: what it modifies may be the target ("attacks Yukos case")
      continue;
    }
    if (PARTIES.has(w) && doc.tokens[j]!.text !== w) return true;
    if (w === ',' || w === '.' || w === ';' || w === 'in' || w === 'at' || w === 'by' || w === 'with' || w === 'from' || w === 'of' || w === 'that' || w === 'which') break;
  }
  return false;
}

/** Words before a verb "attack": "to", modals, subject pronouns, "never". */
const VERB_BEFORE = new Set(['to', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'never', 'i', 'we', 'they', 'he', 'she', 'you', 'tories', 'labour']);
const ADVERB_LIKE = new Set(['also', 'not', 'then', 'now', 'again', 'ever', 'never', 'still', 'even', 'always']);
/** Whether token k ends a person's or an organisation's name (the subject of a headline's "Howard attacks …"). */
function endsPersonOrOrgName(doc: Doc, k: number): boolean {
  const { mentions, at } = mentionAt(doc);
  const m = at[k]! >= 0 ? mentions[at[k]!]! : null;
  return !!m && m.tokenEnd === k + 1 && (m.entity.type === 'PERSON' || m.entity.type === 'ORGANIZATION');
}

/** Words of terror: "the terrorist attacks on the US" are attacks whatever their target. */
const TERROR = new Set(['terror', 'terrorist', 'terrorists', 'terrorism', 'suicide', 'insurgents', 'hijackers', 'assassination', 'gunpoint']);

/** What else an attack in words is made on ("attack Mr Blair's words", "attacks EU asylum moves", "attacks Yukos case"). */
const TARGETS_IN_WORDS = new Set(['words', 'moves', 'case', 'cost', 'costs', 'poster', 'posters', 'speech', 'spending', 'leadership', 'manifesto', 'pledge', 'pledges', 'promises', 'campaign', 'credibility', 'integrity', 'judgement', 'judgment', 'competence', 'economic', 'asylum', 'immigration']);

/** Buyers and goods of a shop, not of a company: "every customer who bought the CD", "200 million tracks bought online". */
const SHOPPING = new Set([
  'customer', 'customers', 'shopper', 'shoppers', 'consumer', 'consumers', 'fans', 'people', 'viewers', 'users', 'buyers', 'gamers',
  'tracks', 'songs', 'singles', 'albums', 'cds', 'cd', 'dvd', 'dvds', 'tickets', 'copies', 'online',
]);
const PURCHASE_VERBS = new Set(['bought', 'buys', 'buy', 'buying', 'purchased', 'purchase', 'purchasing']);
/** A household's goods, not a company or a stake: "purchased an HP inkjet printer", "has just bought a new home". */
const HOUSEHOLD_GOODS = new Set([
  'phone', 'phones', 'handset', 'handsets', 'printer', 'printers', 'ipod', 'ipods', 'console', 'consoles', 'video', 'videos',
  'game', 'games', 'home', 'house', 'flat', 'photograph', 'photographs', 'version', 'ticket', 'copy', 'gift', 'gifts',
]);
/** What is acquired that is no company: "networks will have acquired 51 million users", "acquired a taste for". */
const ACQUIRED_NOT_COMPANY = new Set(['users', 'customers', 'subscribers', 'members', 'taste', 'skills', 'reputation', 'habit']);

/**
 * The bare and -ing forms of buying (lexicon `moreVerbs`, events39). Far more often than "bought" they are a shopper's
 * or a trader's ("gamers will be able to buy the PSP", "buying euros", "the embarrassment of buying presents"), so
 * they type an acquisition only when what is bought is a company or a part of one (`companyObject`).
 */
const BARE_PURCHASE_FORMS = new Set(['buy', 'buying', 'purchasing', 'acquiring']);
/** Words of a company or a part of one as what is bought: "a 26% stake", "rival May", "the PC division", "the rights". */
const COMPANY_WORDS = new Set([
  'stake', 'stakes', 'holding', 'holdings', '%', 'assets', 'division', 'unit', 'business', 'businesses', 'subsidiary',
  'firm', 'firms', 'company', 'companies', 'rival', 'rivals', 'label', 'brand', 'brands', 'rights', 'estate', 'operations',
  'shareholders', 'investors', 'minority',
]);
/** Words that end the object of "buy": a punctuation mark, a clause or the seller or price ("from Boeing", "for $5bn"). */
const PURCHASE_OBJECT_ENDS = new Set([',', '.', ';', ':', '"', '(', ')', 'from', 'for', 'with', 'to', 'at', 'by', 'and', 'but', 'if', 'because', 'as', 'that', 'which', 'who']);
/**
 * Whether the object after a purchase verb ending at token te (a particle "out", "back", "up" skipped; at most eight
 * words, up to a punctuation mark, a seller or a price) names an organisation (not as the possessor of a product:
 * "Sony's PlayStation Portable") or a company word ("a 17.5% equity stake", "the whole firm").
 */
function companyObject(doc: Doc, lower: readonly string[], te: number): boolean {
  const inSentence = sentenceOf(doc, lower, te - 1);
  const { mentions, at } = mentionAt(doc);
  let k = te;
  if (lower[k] === 'out' || lower[k] === 'back' || lower[k] === 'up') k++;
  for (const end = k + 8; k < end && inSentence(k) && !PURCHASE_OBJECT_ENDS.has(lower[k]!); k++) {
    if (COMPANY_WORDS.has(lower[k]!)) return true;
    const m = at[k]! >= 0 ? mentions[at[k]!]! : null;
    if (m && m.entity.type === 'ORGANIZATION' && !/^['’]s?$/.test(lower[m.tokenEnd] ?? '')) return true;
  }
  return false;
}

/**
 * A purchase that is no acquisition: a shopper's ("every customer who bought the CD", "200 million tracks bought
 * online", "people who buy the UMD", a shop word within three tokens either side) or time "bought" for something.
 */
export function notAcquisition(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  if (BARE_PURCHASE_FORMS.has(key) && !companyObject(doc, lower, te)) return true;
  if (key === 'acquired' || key === 'acquire' || key === 'acquires' || key === 'acquiring') return objectAmong(doc, lower, ts, te, ACQUIRED_NOT_COMPANY);
  if (!PURCHASE_VERBS.has(key)) return false;
  const inSentence = sentenceOf(doc, lower, ts);
  if (inSentence(te) && lower[te] === 'time') return true;
  for (let k = ts - 3; k < te + 3; k++) if (k !== ts && inSentence(k) && SHOPPING.has(lower[k]!)) return true;
  // A first-person buyer ("I bought my son a phone") or a household's goods ("purchased an HP inkjet printer").
  if (lower[ts - 1] === 'i' && doc.tokens[ts - 1]!.text === 'I') return true;
  return objectAmong(doc, lower, ts, te, HOUSEHOLD_GOODS, '', 6);
}

/** What is launched or unveiled that is no product: a plan, a campaign, an inquiry, a budget. */
const NOT_PRODUCTS = new Set([
  'campaign', 'campaigns', 'plan', 'plans', 'investigation', 'investigations', 'inquiry', 'probe', 'bid', 'appeal', 'review',
  'scheme', 'schemes', 'initiative', 'strategy', 'budget', 'settlement', 'settlements', 'policy', 'policies', 'proposals',
  'attack', 'offensive', 'crackdown', 'challenge', 'consultation', 'legal', 'lawsuit', 'action', 'programme', 'program',
  'reforms', 'manifesto', 'drive', 'fund', 'blueprint', 'package', 'measures', 'tender', 'takeover',
  'defence', 'defense', 'fightback', 'petition', 'proposal', 'consultations', 'overhaul', 'results', 'party', 'promotion',
  'poster', 'posters', 'foundation', 'charity', 'paper', 'season', 'protest', 'question', 'club',
  'operation', 'fight', 'procedures', 'proceedings', 'war', 'assault', 'raid', 'manhunt', 'hunt', 'effort', 'study',
  'survey', 'offer', 'flotation', 'career', 'careers', 'bill', 'law', 'laws', 'legislation', 'targets', 'details', 'refund',
  'organisation', 'organization', 'formula', 'tax', 'taxes', 'rules', 'regime', 'pledge', 'pledges',
]);
/** Where a person or a band is launched when nothing is put on sale: "launched the actress into the mainstream". */
const INTO = new Set(['into', 'onto', 'to']);
const FAME = new Set(['mainstream', 'spotlight', 'limelight', 'stardom', 'superstardom', 'fame', 'big-time', 'stage']);
/** Their plurals: "launched lawsuits against 80 banks", "launched inquiries". */
const NOT_PRODUCTS_PLURAL = new Set([...NOT_PRODUCTS].filter((w) => !w.endsWith('s')).map((w) => (w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`)));
const PREPOSITION_WORDS = new Set<string>(PREPOSITIONS);
const LAUNCH_VERBS = new Set(['launched', 'launches', 'launch', 'launching', 'unveiled', 'unveils', 'unveil', 'unveiling', 'rolled_out', 'introduced', 'introduces', 'introduce', 'introducing']);

/**
 * "launched an information campaign", "unveil plans to …", "unveils anti-poverty budget": no product launch. A
 * passive or a participle after its noun takes the noun before it ("Plans to abolish 162 quangos have been unveiled",
 * "The proposal, unveiled in the House", "an overhaul of policing unveiled by David Blunkett").
 */
export function notProductLaunch(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  if (!LAUNCH_VERBS.has(key)) return false;
  if (objectAmong(doc, lower, ts, te, NOT_PRODUCTS, '', 6) || objectAmong(doc, lower, ts, te, NOT_PRODUCTS_PLURAL, '', 6)) return true;
  // "launched the actress into the mainstream", "launched Nirvana on to the international stage": a career.
  if (objectAmong(doc, lower, ts, te, FAME, '', 8) && objectAmong(doc, lower, ts, te, INTO, '', 5)) return true;
  // "Probe launched into …", "Inquiry launched after …": a headline's reduced passive, its noun right before it and a
  // preposition after it (no object: "the charity launched a phone" launches a product).
  if (NOT_PRODUCTS.has(lower[ts - 1] ?? '') && PREPOSITION_WORDS.has(lower[te] ?? '')) return true;
  // "will be unveiled as the new manager": a person presented in a post, no product.
  if ((key === 'unveiled' || key === 'unveil') && lower[te] === 'as') return true;
  const passive = BE_FORMS.has(lower[ts - 1] ?? '') || BE_FORMS.has(lower[ts - 2] ?? '') || lower[ts - 1] === ',' || lower[te] === 'by';
  if (!passive || key === 'launch' || key === 'unveil') return false;
  const inSentence = sentenceOf(doc, lower, ts);
  for (let k = ts - 1; k >= ts - 8 && inSentence(k); k--) {
    const w = lower[k]!;
    if (w === '.' || w === ';' || w === ':') break;
    if (NOT_PRODUCTS.has(w)) return true;
  }
  return false;
}

/** Whether one of `words` is among the `reach` words after the verb at [ts, te), before a punctuation mark or `stop`. */
function objectAmong(doc: Doc, lower: readonly string[], ts: number, te: number, words: ReadonlySet<string>, stop = '', reach = 5): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  for (let k = te, end = te + reach; k < end && inSentence(k); k++) {
    const w = lower[k]!;
    // An amount in brackets is no word of the phrase ("launched a £1.5m ($2.8m) bid").
    if (w === '(') {
      const close = lower.indexOf(')', k);
      if (close > k && close - k <= 6) {
        end += close - k + 1;
        k = close;
        continue;
      }
    }
    if (w === ',' || w === '.' || w === ';' || w === ':' || w === stop) break;
    // A hyphenated compound is its last part ("mini-manifesto", "web-site").
    if (words.has(w) || (w.includes('-') && words.has(w.slice(w.lastIndexOf('-') + 1)))) return true;
  }
  return false;
}

/** What one meets that is no meeting: a requirement, a target, a demand ("unwilling to meet US requirements"). */
const MET_REQUIREMENTS = new Set([
  'requirement', 'requirements', 'target', 'targets', 'demand', 'demands', 'deadline', 'deadlines', 'standard', 'standards',
  'expectations', 'criteria', 'cost', 'costs', 'needs', 'obligations', 'conditions', 'commitments', 'goal', 'goals', 'terms',
  'bill', 'bills', 'payments', 'debts', 'forecasts', 'rule', 'rules', 'limits', 'quota', 'quotas', 'shortfall', 'agenda',
  'legislation', 'projections', 'estimates', 'concerns', 'complaints', 'grievances', 'pledges', 'promises',
]);
/** Idioms: "met the same fate", "met his death", "met his match", "met his maker" (the object right after the verb). */
const MET_IDIOMS = new Set(['fate', 'death', 'end', 'match', 'maker', 'waterloo']);
const MEET_VERBS = new Set(['meet', 'meets', 'met', 'meeting']);

/** "unwilling to meet US requirements", "met its sales target", "meeting the costs": the verb of satisfying, not a meeting. */
export function notMeeting(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  // Seven words: "met many of the government's demands". ("meet with" is a meeting.)
  if (MEET_VERBS.has(key) && objectAmong(doc, lower, ts, te, MET_REQUIREMENTS, 'with', 7)) return true;
  if (MEET_VERBS.has(key) && (metRequirementBefore(doc, lower, ts) || (lower[te] === 'with' && objectAmong(doc, lower, ts, te + 1, REACTIONS, '', 3)))) return true;
  // "His words met a cool reception": a reaction met, no meeting ("met with criticism" above).
  if ((key === 'met' || key === 'meet' || key === 'meets') && objectAmong(doc, lower, ts, te, REACTIONS, 'with', 3)) return true;
  // "England will have to negotiate their way through a tough draw": finding a way, no negotiation.
  if (key.startsWith('negotiat') && /^(?:his|her|their|its|our|my|your)$/.test(lower[te] ?? '') && lower[te + 1] === 'way') return true;
  // "the previous encounter … with the Irish winning 1-0", "the Dublin encounter" in a team selection: a match.
  if ((key === 'encounter' || key === 'encounters') && (fixtureSentence(doc, lower, ts) || sentenceHasAny(doc, lower, ts, ENCOUNTER_MATCH))) return true;
  if ((key === 'met' || key === 'meet' || key === 'meets') && /^(?:his|her|their|its|the|a)$/.test(lower[te] ?? '')) {
    for (let k = te + 1; k <= te + 2 && k < lower.length; k++) if (MET_IDIOMS.has(lower[k]!) && lower[k + 1] !== 'of') return true;
  }
  // "the best meet we have had", "pulled out of international meets": "meet" as a noun is a sports competition (a
  // determiner or an adjective of competitions before it; never a verb there).
  if ((key === 'meet' || key === 'meets') && ts > 0 && MEET_NOUN_BEFORE.has(lower[ts - 1]!)) return true;
  // "where he met his future wife", "when the two met as students": getting acquainted, no meeting.
  if (key === 'met' && ((/^(?:his|her|their)$/.test(lower[te] ?? '') && lower[te + 1] === 'future') || (lower[te] === 'as' && ACQUAINTED_AS.has(lower[te + 1] ?? '')))) return true;
  if (key === 'meet' || key === 'meets' || key === 'met') {
    // "he met Carr's cross with a header", "Winter's free kick was met by Byrne": a player meets the ball.
    if (objectAmong(doc, lower, ts, te, BALL_WORDS, '', 4)) return true;
    const by = lower[te] === 'by' || ((lower[te] ?? '').endsWith('ly') && lower[te + 1] === 'by');
    if (by) for (let k = ts - 1; k >= ts - 4 && k >= 0 && doc.tokens[k]!.sentence === doc.tokens[ts]!.sentence; k--) if (BALL_WORDS.has(lower[k]!)) return true;
    // "She will now meet Venus Williams in the second round", "in their final Euro 2004 qualifier": a match in a draw
    // or a fixture list, no meeting (a word of a fixture or a draw in the sentence; not a score, which a date range
    // such as "11-12" looks like).
    const s = doc.sentences[doc.tokens[ts]!.sentence]!;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const w = lower[k]!;
      if (FIXTURE_WORDS.has(w) || (w === 'round' && ROUND_ORDINALS.has(lower[k - 1] ?? ''))) return true;
    }
    return false;
  }
  if (key !== 'meeting' && key !== 'meetings') return false;
  // "had won their last six meetings", "the previous two meetings between the sides": matches between two teams.
  if (key === 'meetings' && ts > 1 && LAST_WORDS.has(lower[ts - 2]!) && (/^\d+$/.test(lower[ts - 1]!) || NUMBER_WORDS.has(lower[ts - 1]!))) return true;
  // "In their last meeting, the Irish beat Italy": the previous match between two sides (a win or a score in the sentence).
  if (ts > 0 && LAST_WORDS.has(lower[ts - 1]!) && (sentenceHasAny(doc, lower, ts, MATCH_WINS) || sentenceHas(doc, lower, ts, SCORE))) return true;
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  const withAfter = te < s.tokenEnd && lower[te] === 'with';
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const w = lower[k]!;
    // "the 60m at Sunday's Leipzig International meeting", "another indoor meeting": an athletics competition.
    if (ATHLETICS.has(w) || RACE_DISTANCE.test(w)) return true;
    // "a Carling Cup meeting with West Ham", "set up a meeting with Andy Roddick": a match.
    if (withAfter && (MATCH_RESULTS.has(w) || SCORE.test(w))) return true;
  }
  return false;
}

/** What a plan or a remark is "met with": a reaction, no meeting ("met with criticism"). */
const REACTIONS = new Set([
  'criticism', 'opposition', 'resistance', 'scepticism', 'skepticism', 'approval', 'disapproval', 'derision', 'anger', 'outrage',
  'protests', 'silence', 'disbelief', 'dismay', 'applause', 'success', 'indifference', 'hostility', 'suspicion', 'surprise', 'concern',
  'relief', 'enthusiasm', 'praise', 'scorn', 'ridicule', 'fury', 'delight', 'acclaim', 'boos', 'cheers', 'mixed',
  'reviews', 'jeers', 'chorus', 'reception', 'response', 'reaction', 'condemnation', 'complaints', 'laughter', 'howls',
]);
const LAST_WORDS = new Set(['last', 'previous', 'past', 'first', 'next']);
/** Verbs of a match won or drawn: a "last meeting" where one side "beat" the other is a match. */
const MATCH_WINS = new Set(['beat', 'beaten', 'defeated', 'drew', 'thrashed', 'hammered', 'edged', 'triumphed']);
/** What two people "met as" when they got acquainted: "met as students", "met as teenagers". */
const ACQUAINTED_AS = new Set(['students', 'children', 'teenagers', 'schoolboys', 'schoolgirls', 'schoolchildren', 'undergraduates', 'classmates', 'youngsters', 'kids', 'boys', 'girls']);
/** Words before "meet" as a noun: "the meet", "a meet", "international meets", "the best meet". */
const MEET_NOUN_BEFORE = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'best', 'international', 'indoor', 'outdoor', 'athletics', 'track', 'grand', 'prix', 'annual', 'swimming', 'swim', 'gymnastics']);
/** Whether the sentence of token k has a word matching `re`. */
function sentenceHas(doc: Doc, lower: readonly string[], k: number, re: RegExp): boolean {
  const s = doc.sentences[doc.tokens[k]!.sentence]!;
  for (let j = s.tokenStart; j < s.tokenEnd; j++) if (re.test(lower[j]!)) return true;
  return false;
}
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']);
/** Words that may stand between a requirement and its "met": "the target he says he has now met", "wish could easily be met". */
const BETWEEN_REQUIREMENT_AND_MET = new Set([
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'says', 'said', 'has', 'have', 'had', 'now', 'already', 'been', 'be', 'was', 'were',
  'is', 'are', 'not', 'never', 'could', 'would', 'can', 'will', 'may', 'might', 'must', 'should', 'easily', 'fully', 'finally',
  'also', 'all', 'which', 'that', 'being',
]);
/** A requirement before "met" in a relative clause or a passive: "the target he has now met", "demands were met". */
function metRequirementBefore(doc: Doc, lower: readonly string[], ts: number): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  for (let k = ts - 1; k >= ts - 7 && inSentence(k); k--) {
    const w = lower[k]!;
    if (MET_REQUIREMENTS.has(w) || w === 'wish' || w === 'wishes') return k < ts - 1;
    if (!BETWEEN_REQUIREMENT_AND_MET.has(w)) return false;
  }
  return false;
}

/** What a player meets in a match report: a cross, a corner, the ball. */
const BALL_WORDS = new Set(['cross', 'crosses', 'corner', 'corners', 'ball', 'pass', 'free-kick', 'kick', 'header', 'shot', 'clearance', 'delivery']);
/** Words of a fixture or a draw: "the second seed", "a wild card", "their final qualifier", "the quarter-finals". */
const FIXTURE_WORDS = new Set(['match', 'fixture', 'derby', 'qualifier', 'semi-final', 'quarter-final', 'semi-finals', 'quarter-finals', 'seed', 'seeds', 'replay', 'wild']);
/** Ordinals before "round" in a draw: "the first round", "the last 16" aside. */
const ROUND_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'opening']);

/** Words of a sports match: an "encounter" among them is the match ("the Irish winning 1-0", "the team selections"). */
const ENCOUNTER_MATCH = new Set([...MATCH_WORDS, 'team', 'teams', 'winning', 'sides']);

/** Whether the sentence of token k has one of `words`. */
function sentenceHasAny(doc: Doc, lower: readonly string[], k: number, words: ReadonlySet<string>): boolean {
  const s = doc.sentences[doc.tokens[k]!.sentence]!;
  for (let j = s.tokenStart; j < s.tokenEnd; j++) if (words.has(lower[j]!)) return true;
  return false;
}

/** Words of athletics: a "meeting" among them is a competition ("indoor meeting", "the 60m at the … meeting"). */
const ATHLETICS = new Set(['clocked', 'indoor', 'outdoor', 'athletics', 'invitational', 'sprint', 'sprints', 'hurdles', 'relay', 'steeplechase', 'marathon', 'javelin', 'discus', 'pole', 'vault', 'heptathlon', 'decathlon']);
/** A race's distance or a height or length cleared: "60m", "800m", "10km", "2.16m". */
const RACE_DISTANCE = /^\d+(?:\.\d+)?(?:m|km)$/;
/** Words of a match or a draw: a "meeting with" a team or player among them (or a score) is the match. */
const MATCH_RESULTS = new Set(['round', 'seed', 'cup', 'game', 'match', 'fixture', 'tie', 'semi-final', 'quarter-final', 'final', 'derby', 'leg']);
/** A score: "6-3", "2-1". */
const SCORE = /^\d{1,2}-\d{1,2}$/;

const VISIT_VERBS = new Set(['visit', 'visits', 'visited', 'visiting']);
/** Words of the internet before "visits": "net visits", "online visits". */
const ONLINE = new Set(['net', 'internet', 'online', 'web-site', 'monthly', 'daily', 'unique']);
const WEB_PLACES = new Set(['site', 'sites', 'website', 'websites', 'web', 'page', 'pages', 'webpage', 'blog', 'blogs', 'forum', 'forums', 'homepage', 'url']);

/** Nouns that an event noun before them only describes: "the election campaign", "a consultation paper", "decision makers". */
const DESCRIBED = new Set([
  'campaign', 'campaigns', 'coordinator', 'coordinators', 'manifesto', 'manifestos', 'pledge', 'pledges', 'policy', 'policies', 'chief',
  'chiefs', 'agent', 'agents', 'candidate', 'candidates', 'broadcast', 'broadcasts', 'poster', 'posters', 'trail', 'strategy', 'strategist',
  'literature', 'leaflet', 'leaflets', 'chances', 'paper', 'papers', 'document', 'documents', 'makers', 'maker', 'making', 'room', 'rooms',
  // "Labour's election supremo", "election co-ordinator Alan Milburn", "Lib Dem election preparations", "the UK elections watchdog"
  'supremo', 'co-ordinator', 'co-ordinators', 'organiser', 'organisers', 'preparations', 'platform', 'platforms', 'role', 'planning',
  'slogan', 'slogans', 'gift', 'gifts', 'hopes', 'concerns', 'watchdog', 'team', 'machine', 'plans', 'promises', 'promise', 'spending',
  // "his sales pitch", "US bankruptcy judge Letitia Clark", "bankruptcy reform"
  'pitch', 'judge', 'judges', 'court', 'courts', 'reform', 'reforms', 'law', 'laws',
]);

/**
 * A noun trigger that only describes the noun after it ("Labour's election manifesto", "Monday's consultation paper",
 * "Europe's decision makers", "the election campaign"): that noun is what the phrase is about, not the event.
 */
export function describesNoun(doc: Doc, lower: readonly string[], te: number, pos: 'verb' | 'noun'): boolean {
  if (pos !== 'noun' || te >= lower.length || doc.tokens[te]!.sentence !== doc.tokens[te - 1]!.sentence) return false;
  return DESCRIBED.has(lower[te]!) && doc.tokens[te]!.text === lower[te];
}

/** Words of a chart before "summit" ("album summit", "box office summit"). */
const CHARTS = new Set(['album', 'albums', 'singles', 'single', 'chart', 'charts', 'cinema', 'office', 'table', 'league', 'download', 'downloads']);
/** Verbs before "summit" that make it a top reached ("reached the summit of the chart"). */
const SUMMIT_CLIMBS = new Set(['reach', 'reached', 'reaches', 'reaching', 'climb', 'climbed', 'climbs', 'scaled', 'sat', 'sits', 'top', 'topped']);
/** "a news conference at Molineux", "a press conference", "his monthly media conference": a statement to reporters, no summit. */
export function notSummit(doc: Doc, lower: readonly string[], ts: number): boolean {
  const w = lower[ts]!;
  if ((w === 'conference' || w === 'conferences') && (lower[ts - 1] === 'news' || lower[ts - 1] === 'press' || lower[ts - 1] === 'media')) return true;
  // "held a conference call": a telephone call, no gathering.
  if (w === 'conference' && (lower[ts + 1] === 'call' || lower[ts + 1] === 'calls')) return true;
  const named = doc.tokens[ts]!.text !== w; // capitalised: part of a name
  // "the UN Convention on refugees", "the Geneva Conventions", "the European Patent Convention": a treaty, no meeting.
  if ((w === 'convention' || w === 'conventions') && named && (lower[ts + 1] === 'on' || lower[ts - 1] === 'geneva' || lower[ts - 1] === 'patent')) return true;
  // "reached the summit of the chart", "sat on rugby's summit": the top of something, no meeting.
  if (w === 'summit' && !named) for (let k = ts - 1; k >= Math.max(0, ts - 4); k--) if (SUMMIT_CLIMBS.has(lower[k]!)) return true;
  // "Doves soar to UK album summit", "Robots march to US cinema summit": the top of a chart.
  if (w === 'summit' && CHARTS.has(lower[ts - 1] ?? '')) return true;
  // "guided Chester to the Conference title", "a Conference side": the football league, no meeting.
  return w === 'conference' && named && LEAGUE_NOUNS.has(lower[ts + 1] ?? '');
}
/** After "primary", what makes it the contest: "the New Hampshire primary in January", "the primary was won by …". */
const PRIMARY_AFTER = new Set(['.', ',', ';', ':', 'in', 'on', 'of', 'for', 'at', 'race', 'vote', 'votes', 'election', 'elections', 'contest', 'was', 'is', 'will', 'would', 'and', 'win', 'victory', 'defeat', 'results', 'season', 'voters', ')', '"', '”']);

/** "all four primary US TV networks", "the primary reason": the adjective, no primary election. */
export function notElection(lower: readonly string[], te: number, key: string): boolean {
  return (key === 'primary' || key === 'primaries') && te < lower.length && !PRIMARY_AFTER.has(lower[te]!);
}

/** "sources close to the negotiations", "close to a deal": the adjective, nothing closed. */
export function notClosure(lower: readonly string[], te: number, key: string, ts = te - 1): boolean {
  if (key === 'close' && lower[te] === 'to') return true;
  // "the bridge will be shut", "closed the road", "shut down the website": a place or a site shut, no business cut.
  if (!CLOSURE_VERBS.has(key)) return false;
  for (let k = Math.max(0, ts - 4); k < Math.min(lower.length, te + 4); k++) if (INFRASTRUCTURE.has(lower[k]!)) return true;
  return false;
}

const CLOSURE_VERBS = new Set(['closed', 'close', 'closing', 'shut']);
/** What is closed or shut that is no business: roads, bridges, airports, borders, web sites. */
const INFRASTRUCTURE = new Set([
  'bridge', 'bridges', 'road', 'roads', 'motorway', 'motorways', 'street', 'streets', 'tunnel', 'airport', 'airports', 'airspace',
  'border', 'borders', 'crossing', 'runway', 'runways', 'lane', 'lanes', 'website', 'websites', 'border', 'port', 'ports', 'embassy',
  'beach', 'beaches', 'park', 'route', 'routes', 'line', 'lines',
]);

/** A surgery that is a place: "a doctors' surgery", "his constituency surgery", "a GP surgery". */
export function surgeryPlace(lower: readonly string[], ts: number, key: string): boolean {
  const prev = lower[ts - 1] ?? '';
  return (key === 'surgery' || key === 'surgeries') && (SURGERY_PLACE_BEFORE.has(prev) || prev === "'" || prev === '’' || (prev === "'s" && lower[ts - 2] === 'doctor'));
}
const SURGERY_PLACE_BEFORE = new Set(['gp', 'gps', 'constituency', 'dental', 'dentist', "dentist's", 'doctors', "doctors'", 'local', 'mp', "mp's", 'advice', 'weekly', 'village']);

/** Nouns after the football Conference's name: "Conference title", "Conference side", "Conference play-offs". */
const LEAGUE_NOUNS = new Set(['title', 'side', 'sides', 'club', 'clubs', 'team', 'teams', 'champions', 'play-off', 'play-offs', 'football', 'league', 'status', 'outfit']);

/**
 * "D'Arcy has been ruled out of the Ireland team", "ruled out for a month", "has ruled out a comeback", "has not ruled
 * out charging": kept out (by injury) or excluded, no ruling. A ruling is "ruled that …", "ruled the act was valid".
 */
/** Parties voted for in an election: "voted Labour", "vote for the Tories", "the Lib Dem vote". */
const VOTED_PARTIES = new Set([
  'labour', 'conservative', 'conservatives', 'tory', 'tories', 'liberal', 'liberals', 'lib', 'democrat', 'democrats',
  'republican', 'republicans', 'green', 'greens', 'ukip', 'snp', 'plaid', 'bnp',
]);
const PARTY_ADJECTIVES = new Set(['labour', 'conservative', 'tory', 'liberal', 'democrat', 'republican', 'green', 'ukip', 'snp', 'bnp']);
/** A voter's support for a party or a party's share of the votes, no body's decision: "pensioners voted Conservative",
 *  "urged Muslims not to vote for Labour", "a Lib Dem vote could let the Tories in", "won 31% of the vote". */
function partyVote(lower: readonly string[], ts: number, te: number): boolean {
  let k = te;
  if (lower[k] === 'for') k++;
  if (lower[k] === 'a' || lower[k] === 'the') k++;
  if (VOTED_PARTIES.has(lower[k] ?? '')) return true;
  if (lower[ts] !== 'vote') return false;
  // "the Labour vote", "a Lib Dem vote" (a party's name as an adjective; "Democrats vote against" is the party deciding).
  if (PARTY_ADJECTIVES.has(lower[ts - 1] ?? '') || (lower[ts - 1] === 'dem' && lower[ts - 2] === 'lib')) return true;
  // "31% of the vote", "a third of the vote": a share of the votes cast.
  return lower[ts - 1] === 'the' && lower[ts - 2] === 'of' && /^(?:%|\d+(?:\.\d+)?%|per|cent|half|third|quarter|share|majority)$/.test(lower[ts - 3] ?? '');
}
export function notDecision(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  // "voted best film", "voted Record Of The Year", "voted Stone the winner", "voted off the show": a poll's honour or a
  // show's eviction, no body's decision.
  if (VOTE_VERBS.has(key)) return lower[te] === 'off' || honourNotPost(lower, te, false) || (lower[te] === 'out' && lower[te + 1] === 'of') || partyVote(lower, ts, te);
  // "ruling out British membership", "a broken arm ruling him out", "an injury which ruled him out": excluded, no ruling.
  if (key === 'ruling' || key === 'ruled') for (let k = te; k < te + 3 && k < lower.length; k++) {
    if (lower[k] === 'out') return true;
    if (!/^[\p{L}'’]+$/u.test(lower[k]!)) break;
  }
  // "Labour's ruling NEC", "the ruling party": the adjective of who governs, no ruling.
  if (key === 'ruling') return RULING_BODIES.has(lower[te] ?? '') || (te < lower.length && doc.tokens[te]!.sentence === doc.tokens[ts]!.sentence && /^\p{Lu}\p{Lu}+$/u.test(doc.tokens[te]!.text));
  if (key !== 'ruled') return false;
  if (lower[te] === 'out') return true;
  // "Bronchitis ruled Davenport, the 2000 champion, out of …": a name, then "out" in the clause.
  if (/^\p{Lu}/u.test(doc.tokens[te]?.text ?? '')) for (let k = te + 1; k < te + 10 && k < lower.length && lower[k] !== '.' && lower[k] !== ';'; k++) if (lower[k] === 'out' && (lower[k + 1] === 'of' || lower[k + 1] === 'for')) return true;
  // "ruled the roost", "Apple ruled the personal computing world", "he ruled the rucks": ruled over, no ruling (one
  // with an object right after it is a court's or an official's: "the High Court ruled the act was valid").
  if (lower[te] !== 'the' && lower[te] !== 'a') return false;
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (COURT.has(lower[k]!) || RULERS.has(lower[k]!)) return false;
  return true;
}

const VOTE_VERBS = new Set(['voted', 'vote', 'votes']);
/** Who governs, after the adjective "ruling": "the ruling party", "the ruling coalition", "the ruling council". */
const RULING_BODIES = new Set([
  'party', 'parties', 'coalition', 'council', 'body', 'bodies', 'class', 'classes', 'elite', 'elites', 'junta', 'family', 'families',
  'committee', 'government', 'administration', 'majority', 'regime', 'faction', 'factions', 'dynasty', 'military', 'group', 'alliance',
  'national', 'executive', 'communist', 'communists', 'socialist', 'socialists', 'conservative', 'conservatives', 'labour', 'liberal',
  'democratic', 'democrats', 'republican', 'republicans', 'nationalist', 'nationalists', 'clique', 'council', 'board', 'bloc',
]);

/** Who rules on something besides a court or a judge: "the Law Lords ruled the …", "the referee ruled". */
const RULERS = new Set(['lords', 'panel', 'tribunal', 'referee', 'umpire', 'speaker', 'commission', 'commissioner', 'regulator', 'watchdog', 'ombudsman', 'committee', 'board', 'authority', 'arbitrator', 'appeal', 'appeals', 'justices', 'magistrates', 'coroner', 'inquiry']);

/** Words that open the object of the verb "visiting" ("visiting the West Bank", "visiting a mixture of seats"). */
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'some', 'several', 'many', 'two', 'three', 'all', 'each', 'every', 'both', 'for', 'in', 'on', 'at', 'to', 'with', 'from']);

/**
 * A "trip" that is a journey: "a trip to Iraq", "trips abroad", "his Middle East trip", "Saturday's trip"; not a foul
 * in a match report ("his alleged trip that broke Abbott's leg", "a needless trip by Bainivalu") nor a "road trip
 * comedy".
 */
function journey(doc: Doc, lower: readonly string[], te: number): boolean {
  const next = lower[te] ?? '';
  if ((next === 'to' || next === 'abroad' || next === 'overseas' || next === 'home') && doc.tokens[te]!.sentence === doc.tokens[te - 1]!.sentence) return true;
  // A place, a team or a day just before it ("the Dublin trip", "his China trip", "Blues revenge trip", "Saturday's
  // trip"), not a sentence's first word.
  const first = doc.sentences[doc.tokens[te - 1]!.sentence]!.tokenStart;
  for (let k = te - 2; k >= te - 3 && k > first; k--) if (/^\p{Lu}/u.test(doc.tokens[k]!.text) || lower[k] === "'s" || lower[k] === '’s') return true;
  return false;
}

/** Nouns after "tour" that make it a modifier: "tour title", "tour bus", "tour squad". */
const TOUR_COMPOUNDS = new Set([
  'title', 'titles', 'bus', 'buses', 'squad', 'squads', 'party', 'match', 'matches', 'game', 'games', 'event', 'events', 'win',
  'wins', 'victory', 'victories', 'final', 'finals', 'card', 'record', 'manager', 'managers', 'operator', 'operators', 'guide',
  'guides', 'player', 'players', 'pro', 'pros', 'professional', 'debut', 'de', 'level', 'ranking', 'rankings', 'money', 'earnings',
]);

/** "visiting fans", "the visiting defence": the adjective (a lowercase noun right after it), not a visit. */
export function notVisit(doc: Doc, lower: readonly string[], te: number, key: string): boolean {
  // "let web users visit the site": a web page is visited, not a place.
  if (VISIT_VERBS.has(key) && objectAmong(doc, lower, te - 1, te, WEB_PLACES)) return true;
  // "sealed a quarter-final trip to Bolton", "Saturday's trip to France" after a score, "the visit of Switzerland" in a
  // 10-match series: a team's away match, no visit.
  if ((key === 'trip' || key === 'trips' || key === 'visit') && fixtureSentence(doc, lower, te - 1)) return true;
  if (key === 'trip' || key === 'trips') return !journey(doc, lower, te);
  // "all net visits per day", "blocking visits from overseas users", "page visits": traffic to a web site, no visit.
  if (key === 'visits' || key === 'visit') {
    const inSentence = sentenceOf(doc, lower, te - 1);
    for (let k = te - 2; k >= te - 3 && inSentence(k); k--) if (WEB_PLACES.has(lower[k]!) || ONLINE.has(lower[k]!)) return true;
    if (lower[te] === 'per') return true;
    if (lower[te] === 'from') for (let k = te + 1; k <= te + 3 && inSentence(k); k++) if (CROWDS.has(lower[k]!)) return true;
  }
  // "the UK's most visited museum": the adjective.
  if (key === 'visited' && VISITED_ADJ_BEFORE.has(lower[te - 2] ?? '')) return true;
  // "tourists who visit Cuba every year", "shoppers to have visited": the public's visits, no one's visit.
  if (VISIT_VERBS.has(key)) for (let k = te - 2; k >= te - 5 && k >= 0 && doc.tokens[k]!.sentence === doc.tokens[te - 1]!.sentence; k--) if (CROWDS.has(lower[k]!)) return true;
  // "his second tour title", "a tour bus", "the Lions tour squad": the noun modifying another, no visit made.
  if ((key === 'tour' || key === 'tours') && te < lower.length && doc.tokens[te]!.sentence === doc.tokens[te - 1]!.sentence && TOUR_COMPOUNDS.has(lower[te]!)) return true;
  if (key !== 'visiting' || te >= lower.length) return false;
  const t = doc.tokens[te]!;
  if (t.sentence !== doc.tokens[te - 1]!.sentence) return false;
  const c = t.text.charCodeAt(0);
  return c >= 97 && c <= 122 && !OBJECT_OPENERS.has(lower[te]!);
}

const VISITED_ADJ_BEFORE = new Set(['most', 'least', 'much', 'more', 'less', 'frequently', 'widely', 'well', 'often', 'rarely', 'seldom']);
/** The public, whose visits are a statistic: "tourists who visit Cuba", "150,000 shoppers to have visited". */
const CROWDS = new Set(['tourists', 'visitors', 'shoppers', 'holidaymakers', 'travellers', 'travelers', 'customers', 'users', 'fans', 'pilgrims', 'spectators', 'viewers']);
/** Words of a sports fixture: a team's "trip" or "visit" among them is an away match. */
const FIXTURE_CONTEXT = new Set([
  'quarter-final', 'semi-final', 'cup', 'division', 'premiership', 'league', 'match', 'fixture', 'derby', 'qualifier', 'penalties', 'squad',
  'championship', 'replay', 'kick-off', 'play-off',
]);
/** Whether the sentence of token k is about a sports fixture: a fixture word (or one ending a compound: "10-match") or a score. */
function fixtureSentence(doc: Doc, lower: readonly string[], k: number): boolean {
  const s = doc.sentences[doc.tokens[k]!.sentence]!;
  for (let j = s.tokenStart; j < s.tokenEnd; j++) {
    const w = lower[j]!;
    if (FIXTURE_CONTEXT.has(w) || (w.includes('-') && FIXTURE_CONTEXT.has(w.slice(w.lastIndexOf('-') + 1)))) return true;
    if (SCORE.test(w) && MONTHS[lower[j + 1] ?? ''] === undefined) return true; // a score, not a range of days ("10-13 February")
    if (w === 'nations' && doc.tokens[j]!.text === 'Nations') return true; // the Six Nations, not "poor nations"
  }
  return false;
}

const AGREE_VERBS = new Set(['agree', 'agreed', 'agrees', 'agreeing']);
const HONORIFIC_WORDS = new Set<string>(HONORIFICS);
/** What a bank approves by the thousand: its approvals are lending figures ("mortgages approved", "loan approvals"). */
const LENDING = new Set(['mortgage', 'mortgages', 'loan', 'loans', 'remortgage', 'remortgages', 'lending', 'credit']);
/** Who signs up for a service or a scheme: a subscription, not an agreement. */
const SUBSCRIBERS = new Set([
  'people', 'customers', 'users', 'subscribers', 'households', 'homes', 'schools', 'members', 'viewers', 'listeners', 'volunteers',
  'consumers', 'voters', 'students', 'pupils', 'parents', 'patients', 'readers', 'fans', 'who', 'britons', 'gamers', 'million', 'millions', 'thousands',
]);
const CLOSING_MARKS = new Set(['"', '”', '’', "'"]);
/** Words after "settled" that make it no settlement: "settled for silver", "settled into the team", "settled down". */
const SETTLED_NOT_DEAL = new Set(['for', 'into', 'down']);
/** What a match report says was settled: the game, the tie, the contest. */
const SETTLED_CONTESTS = new Set(['game', 'match', 'tie', 'contest', 'issue', 'nerves', 'it']);
const TO_OR_MODAL = new Set(['to', 'will', 'would', 'can', 'could', 'must', 'should', 'might', 'may', 'cannot', "'ll", '’ll', 'not']);
/** Words before "deal" that make it the verb: "to deal with", "we must deal with", "they deal with". */
const DEAL_VERB_BEFORE = new Set([...TO_OR_MODAL, 'we', 'they', 'i', 'you', 'better', 'help', 'able']);
/** Words before "sign(s)" that make it the noun: "a sign", "early signs", "no sign". */
const SIGN_NOUN_BEFORE = new Set(['a', 'the', 'any', 'no', 'first', 'early', 'clear', 'some', 'few', 'little', 'every', 'all', 'positive', 'encouraging', 'worrying', 'further', 'more', 'latest', 'other', 'warning']);
const SAID = new Set(['said', 'says', 'added', 'told', 'insisted', 'argued', 'warned', 'stressed']);
/** What an opinion is agreed with: "agreed with Dr Fox's view", "agree with his comments", "agree with him". */
const OPINIONS = new Set([
  'view', 'views', 'comments', 'assessment', 'analysis', 'policies', 'argument', 'arguments', 'criticism', 'remarks',
  'verdict', 'conclusion', 'conclusions', 'sentiment', 'sentiments', 'him', 'her', 'them', 'me', 'you', 'us',
]);
/** Words after "agreed that" that make it an undertaking ("agreed that she would not be minister"), not an opinion. */
const UNDERTAKING = new Set(['would', 'will', 'shall', 'should', 'must', 'be']);
/** Subject pronouns that open the clause an opinion agrees with ("agree she could …"). */
const AGREED_CLAUSE_SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'there']);
const CLAUSE_BREAKS = new Set([',', 'but', 'and', ';', ':', '.']);
/** Before "be", words that make it no subjunctive: "could be very popular", "to be", "not be". */
const NOT_SUBJUNCTIVE_BEFORE = new Set(['could', 'might', 'may', 'can', 'to', 'not']);

/**
 * "X agreed." / "X agreed, adding …", "agreed that the figures were stronger", "agreed it was of concern",
 * "agree with Dr Fox's view": agreeing with an opinion, not making an agreement. "agreed to buy", "agreed a deal",
 * "agreed with the minister to …" and "agreed that she would not be minister" stay agreements.
 */
export function notAgreement(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  const ends = (k: number) => !inSentence(k) || GROUP_ENDS.has(lower[k]!);
  // "…, Mrs Gescher concluded.": a speech verb after a quotation, not a concluded deal; "the survey concluded that …":
  // a finding.
  // "concluded by saying …": ending a speech, no deal.
  if (key === 'concluded' && lower[te] === 'by') return true;
  if (key === 'concluded') return (ends(te) && ts > 0 && !BE_FORMS.has(lower[ts - 1]!)) || (inSentence(te) && lower[te] === 'that');
  // "more people signed up for broadband", "schools have signed up for the mock elections": subscribing, not a deal.
  if ((key === 'signed' || key === 'signing' || key === 'signs' || key === 'sign') && lower[te] === 'up') {
    for (let k = ts - 1; k >= ts - 4 && inSentence(k); k--) if (SUBSCRIBERS.has(lower[k]!)) return true;
    return false;
  }
  // "the best way is to deal with the deficit", "we can deal with it": the verb, handling something, no deal.
  if (key === 'deal' && DEAL_VERB_BEFORE.has(lower[ts - 1] ?? '')) return true;
  // "signs of a slowdown", "a sign that …", "the first signs": the noun, an indication, nothing signed.
  // ("to signs of" is the noun: only "sign" is a verb after "to".)
  if ((key === 'sign' || key === 'signs') && ((inSentence(te) && (lower[te] === 'of' || lower[te] === 'that') && !(key === 'sign' && TO_OR_MODAL.has(lower[ts - 1] ?? ''))) || SIGN_NOUN_BEFORE.has(lower[ts - 1] ?? ''))) return true;
  // "settled the game on 68 minutes", "settled for silver", "get Gavin settled into the team", "scores to be settled":
  // a match decided, a place taken or a grudge, no settlement.
  if (key === 'settled' && (SETTLED_NOT_DEAL.has(lower[te] ?? '') || objectAmong(doc, lower, ts, te, SETTLED_CONTESTS, '', 3) || lower[ts - 3] === 'scores')) return true;
  // "settled on a price", "is settled on the test of …": chosen or decided, no settlement; but "settled on Friday",
  // "settled on 3 May" is one, dated (a capital or a digit after "on").
  if (key === 'settled' && lower[te] === 'on' && inSentence(te + 1) && /^\p{Ll}/u.test(doc.tokens[te + 1]!.text)) return true;
  // "the number of mortgages approved", "mortgage approvals", "loans approved but not yet made": lending figures, no deal.
  if ((key === 'approved' || key === 'approval' || key === 'approvals') && (LENDING.has(lower[ts - 1] ?? '') || (BE_FORMS.has(lower[ts - 1] ?? '') && LENDING.has(lower[ts - 2] ?? '')) || (lower[ts - 1] === 'been' && LENDING.has(lower[ts - 3] ?? '')))) return true;
  if (!AGREE_VERBS.has(key)) return false;
  // '"…," agreed Mr Morgenstern': a speech verb after a quotation.
  if (CLOSING_MARKS.has(lower[ts - 1] ?? '')) return true;
  let after = te;
  if (inSentence(after) && lower[after]!.endsWith('ly')) after++; // "agree wholeheartedly with"
  // "Mr Telford agreed." / "agreed, adding …" — but "have not been agreed." is an agreement not reached.
  if (ends(after)) return !BE_FORMS.has(lower[ts - 1] ?? '');
  const next = lower[after]!;
  // "Mr Wallace agreed and said the figures …": concurring, then speaking.
  if (next === 'and' && SAID.has(lower[after + 1] ?? '')) return true;
  // "agreed that the figures were stronger", "agreed it was of concern", "agree she could turn it to her advantage":
  // a clause agreed with (a pronoun right after the verb is a clause's subject: "agreed him a deal" is not written).
  if (next === 'that' || next === 'it' || next === 'this' || AGREED_CLAUSE_SUBJECTS.has(next)) {
    // Within the agreed clause only (up to "but", "and" or a comma: "agreed it was of concern but said nothing could be
    // done"); "be" of a subjunctive ("agreed that the money be returned"), not after "could", "might", "to".
    for (let k = after + 1; k < after + 12 && inSentence(k) && !CLAUSE_BREAKS.has(lower[k]!); k++) {
      if (UNDERTAKING.has(lower[k]!) && !(lower[k] === 'be' && NOT_SUBJUNCTIVE_BEFORE.has(lower[k - 1]!))) return false;
    }
    return true;
  }
  // "I agree about Angels", "agreed on them": an opinion shared.
  if (next === 'about' || (next === 'on' && OPINIONS.has(lower[after + 1] ?? '') && doc.tokens[after + 1]!.text === lower[after + 1])) return true;
  if (next === 'with') {
    for (let k = after + 1; k < after + 5 && inSentence(k); k++) {
      const w = lower[k]!;
      if (w === 'to' || w === 'on' || w === 'that' || w === 'in') return false; // "agreed with X to …", "… on a deal", "… in order to"
      // An opinion, or a pronoun as written (lowercase: "us", not "US").
      if ((OPINIONS.has(w) && doc.tokens[k]!.text === w) || w === '.') return true;
    }
    // A person named with an honorific ("agree with Mr Lakhani"): one agrees with a person's view, a deal is made with a party.
    return !inSentence(after + 4) || HONORIFIC_WORDS.has(lower[after + 1] ?? '');
  }
  return false;
}

/** Verbs that appoint to a post, and also give honours and names. */
const NAMING_VERBS = new Set(['named', 'names', 'nominated']);
/** Words that make what follows a naming verb an honour ("named best director", "Player of the Year award"). */
const HONOURS = new Set(['award', 'awards', 'prize', 'prizes', 'winner', 'winners', 'champion', 'trophy', 'oscar', 'oscars', 'bafta', 'baftas', 'grammy', 'grammys']);
const HONOUR_PERIODS = new Set(['year', 'century', 'decade', 'tournament', 'season', 'month', 'week', 'match', 'series', 'championship', 'games']);

/**
 * "named best director", "named Player of the Year", "nominated for an Oscar", "named after the director":
 * an honour or a name, not an appointment to a post. `k` is the token after the verb; `naming` also reads
 * "named after / for / in …" (a name or a list, not a post).
 */
function honourNotPost(lower: readonly string[], k: number, naming: boolean): boolean {
  const next = lower[k] ?? '';
  if (next === 'best' || (naming && (next === 'after' || next === 'for' || next === 'in'))) return true;
  for (let j = k; j < k + 8 && j < lower.length; j++) {
    const w = lower[j]!;
    if (w === '.' || w === ';' || w === ',') break;
    if (HONOURS.has(w) || w === 'best') return true;
    if (w === 'of' && lower[j + 1] === 'the' && HONOUR_PERIODS.has(lower[j + 2] ?? '')) return true;
  }
  return false;
}

/**
 * After "took over", these make it intransitive, a succession in a post ("took over as manager", "took over at
 * the club", "took over after three bosses stood down", "took over in 2003"); with an object it is a takeover.
 */
const SUCCESSION_AFTER = new Set(['as', 'at', 'from', 'after', 'following', 'when', 'in', 'on', 'last', 'this', 'earlier', 'later', ',', '.', ';', 'and', 'but', 'until', 'before', 'during', ')']);

/** Whether a naming verb (`key`) at the token before `k` gives an honour or a name rather than a post. */
export function isHonour(key: string, lower: readonly string[], k: number): boolean {
  return NAMING_VERBS.has(key) && honourNotPost(lower, k, key !== 'nominated');
}

/** What is taken over that is a post or a task, not a company: "the job", "the reins", "the kicking duties". */
const POSTS_TAKEN = new Set(['job', 'post', 'role', 'reins', 'duties', 'duty', 'shirt', 'captaincy', 'chairmanship', 'presidency', 'leadership', 'helm', 'responsibility', 'responsibilities', 'position', 'armband',
  'regulation', 'management', 'running', 'command', 'stewardship', 'mantle', 'baton']);

/** Whether "took over" followed by token `k` is a succession (intransitive, or a post or task taken over), not a takeover. */
export function isSuccession(lower: readonly string[], k: number): boolean {
  if (SUCCESSION_AFTER.has(lower[k] ?? '')) return true;
  // "took over the kicking duties", "took over the number 10 shirt", "took over the Valencia job": a post or a task.
  for (let j = k; j < k + 5 && j < lower.length; j++) {
    const w = lower[j]!;
    if (POSTS_TAKEN.has(w)) return true;
    if (w === ',' || w === '.' || w === ';' || w === 'and' || w === 'from' || w === 'in' || w === 'at') break;
  }
  return false;
}

/** Verbs of issuing a text: a statement issued, a letter sent, a report published, a speech delivered. */
const ISSUING_VERBS = new Set([
  'issued', 'issue', 'issues', 'issuing', 'published', 'publish', 'publishes', 'released', 'release', 'releases', 'sent', 'send',
  'sends', 'delivered', 'deliver', 'delivers', 'gave', 'give', 'gives', 'made', 'make', 'makes', 'wrote', 'write', 'writes', 'handed',
  'produced', 'produce', 'produces',
]);
/** Participles of issuing a text in the passive after the noun: "the report was published", "a letter has been sent". */
const ISSUED_PARTICIPLES = new Set(['issued', 'published', 'released', 'sent', 'delivered', 'handed', 'written', 'produced']);
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'has', 'have', 'had', 'been', 'being', 'be']);
/** Words that end a noun phrase before the noun: past one, the verb before is not the noun's. */
const PHRASE_ENDS = new Set(['.', ',', ';', ':', '"', '“', '”', '(', ')', '-', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'of', 'about', 'and', 'or', 'but', 'that', 'which', 'who']);

/**
 * Whether the noun at token ts is the object of a verb of issuing a text, at most four words before it in its
 * sentence with no preposition, conjunction or punctuation between: "issued a defiant statement", "sent a letter
 * to", "published a highly critical report", "delivered a speech". What someone issues is an act of its own, dated
 * or not; a statement that is only where something was said ("said in a statement") is an attribution.
 */
export function issuedObject(doc: Doc, lower: readonly string[], ts: number): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  if (issuedPassive(doc, lower, ts)) return true;
  for (let k = ts - 1; k >= ts - 5 && inSentence(k); k--) {
    const w = lower[k]!;
    if (ISSUING_VERBS.has(w)) return k < ts - 1 || w !== 'release'; // "a release statement" is no issuing
    if (PHRASE_ENDS.has(w)) return false;
  }
  return false;
}

/**
 * Whether the noun at token ts is the subject of a passive verb of issuing right after it: a form of "be" (after
 * "has"/"had" or not), then the participle ("the report was published", "an identical letter has been sent").
 */
export function issuedPassive(doc: Doc, lower: readonly string[], ts: number): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  let k = ts + 1;
  while (k < ts + 3 && inSentence(k) && PASSIVE_AUX.has(lower[k]!)) k++;
  const aux = lower[k - 1]!;
  return k > ts + 1 && aux !== 'has' && aux !== 'have' && aux !== 'had' && inSentence(k) && ISSUED_PARTICIPLES.has(lower[k]!);
}

/** Statement nouns that are events only as what someone issues: "sent a letter to", "published a report". */
export const ISSUED_ONLY = new Set(['letter', 'letters', 'report']);

/** Words of a court case: a "trial" in their sentence is one. */
const COURT = new Set([
  'court', 'courts', 'judge', 'judges', 'jury', 'jurors', 'charge', 'charges', 'charged', 'accused', 'guilty', 'prosecutor', 'prosecutors',
  'prosecution', 'defendant', 'defendants', 'fraud', 'murder', 'manslaughter', 'lawyer', 'lawyers', 'testimony', 'testified', 'libel',
  'libelling', 'verdict', 'sentence', 'sentenced', 'acquitted', 'convicted', 'crime', 'crimes', 'criminal', 'offences', 'evasion', 'case',
]);

/**
 * A "trial" that is no court case: "detention without trial" and "the right to a fair trial" (none held), a trial
 * of a product or a service ("a trial tool", "the ticketless trial"), a player "on trial" at a club. A trial is one
 * when it is someone's ("Mr Ebbers' trial", "his trial", "the trial of Mr Ebbers"), "for" a crime, or its sentence
 * speaks of a court, a jury, charges or a crime.
 */
export function notTrial(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  if (key !== 'trial') return false;
  const prev = lower[ts - 1] ?? '';
  if (prev === 'without' || prev === 'fair') return true;
  if (prev === "'s" || prev === "'" || prev === '’s' || prev === '’' || prev === 'his' || prev === 'her' || prev === 'their') return false;
  const inSentence = sentenceOf(doc, lower, ts);
  // "trial for fraud", "the trial of Mr Ebbers" (a name after "of"; "a trial of the service" is a test).
  if (inSentence(te) && lower[te] === 'for') return false;
  if (inSentence(te + 1) && lower[te] === 'of' && /^[A-Z]/.test(doc.tokens[te + 1]!.text)) return false;
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (COURT.has(lower[k]!)) return false;
  return true;
}

/** Words before "suit" that make it a lawsuit ("a class action suit", "a libel suit"). */
const SUIT_KINDS = new Set(['action', 'class-action', 'civil', 'legal', 'libel', 'antitrust', 'damages', 'negligence', 'patent', 'defamation']);
/** Words of bringing a lawsuit, besides a court's ("filed a suit", "settled the suit"). */
const SUING = new Set(['filed', 'file', 'files', 'filing', 'sued', 'sue', 'sues', 'suing', 'settle', 'settled', 'settlement', 'damages', 'lawsuit', 'plaintiff', 'plaintiffs']);

/**
 * "Suit" in its other senses: fitting ("conditions that suit his game", "could suit Bellamy") or clothes ("his
 * orange prison suit"). A suit is a lawsuit when it is "against" someone, of a legal kind ("class action suit"),
 * or in a sentence that speaks of a court or of suing.
 */
export function notLawsuit(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  if (key !== 'suit' && key !== 'suits') return false;
  const inSentence = sentenceOf(doc, lower, ts);
  if ((inSentence(te) && lower[te] === 'against') || SUIT_KINDS.has(lower[ts - 1] ?? '')) return false;
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (COURT.has(lower[k]!) || SUING.has(lower[k]!)) return false;
  return true;
}

/** Words after "charged" of a run or a price, not an accusation: "charged down the wing", "charged customers £5". */
/** Duties one is "charged with" (tasked), never offences: "charged with overseeing", "charged with drawing up". */
const TASK_GERUNDS = new Set([
  'overseeing', 'thinking', 'testing', 'investigating', 'examining', 'reviewing', 'monitoring', 'ensuring', 'drawing', 'drafting',
  'developing', 'implementing', 'regulating', 'enforcing', 'tackling', 'improving', 'promoting', 'coordinating', 'co-ordinating',
  'organising', 'organizing', 'advising', 'delivering', 'planning', 'supervising', 'preparing', 'looking', 'assessing',
  'evaluating', 'designing', 'devising', 'overhauling', 'reforming', 'modernising', 'safeguarding', 'protecting', 'policing',
  'rebuilding', 'reviving', 'restoring', 'finding', 'identifying', 'recommending', 'producing', 'setting', 'creating',
]);
const CHARGED_NOT_ACCUSED = new Set([
  'down', 'to', 'into', 'at', 'through', 'up', 'ahead', 'forward', 'out', 'off', 'across', 'past', 'towards', 'around',
  'clients', 'customers', 'users', 'consumers', 'passengers', 'patients', 'fees', 'fee', 'interest', 'more', 'less', 'rent',
  'prices', 'tenants', 'students', 'drivers', 'motorists', 'shoppers', 'buyers', 'subscribers', 'visitors', 'viewers',
  'vat', 'tax', 'taxes', 'duty', 'commission', 'premiums',
]);
/** Before "charged": a battery or a device kept charged ("kept charged by extra engine power", "fully charged"). */
const CHARGED_BATTERY_BEFORE = new Set(['kept', 'fully', 'constantly', 'partly', 'partially', 'recharged', 'stay', 'stays', 'remain', 'remains']);

/**
 * "the kick was charged down", "charged into the box", "charged clients for access", "charged £5 a month": a run or
 * a price, no charge in court ("charged with fraud", "was charged after …" stay).
 */
export function notCharge(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  if (BRINGING_VERBS.has(key)) return !chargesObject(doc, lower, te);
  if (key !== 'charged') return false;
  // "the prices it charged", "fees charged by banks": what is charged is a price.
  for (let k = ts - 1; k >= ts - 3 && k >= 0; k--) if (PRICE_NOUNS.has(lower[k]!)) return true;
  if (CHARGED_BATTERY_BEFORE.has(lower[ts - 1] ?? '')) return true;
  if (!sentenceOf(doc, lower, ts)(te)) return false;
  // "a team charged with overseeing the plan", "charged with thinking up ideas": tasked with a duty, no accusation.
  if (lower[te] === 'with' && TASK_GERUNDS.has(lower[te + 1] ?? '')) return true;
  return CHARGED_NOT_ACCUSED.has(lower[te]!) || amountAt(lower, te);
}

/**
 * Birth and death words in another sense: parties "born out of" feelings (an origin), "the birth rate" and "death
 * rates" (a measure).
 */
export function notVitalEvent(lower: readonly string[], te: number, key: string, pos: 'verb' | 'noun'): boolean {
  if (key === 'born') return lower[te] === 'out' && lower[te + 1] === 'of';
  return pos === 'noun' && (lower[te] === 'rate' || lower[te] === 'rates');
}

/** Verbs that bring charges against someone: "brought fraud charges against", "pressed charges", "laid charges". */
export const BRINGING_VERBS = new Set(['brought', 'pressed', 'laid']);
/** Words that may stand between such a verb and "charges": determiners, numbers and kinds of offence (a price is "a charge", never "brought charges"). */
const CHARGE_MODIFIERS = new Set(['criminal', 'fresh', 'new', 'further', 'formal', 'separate', 'more', 'the', 'no', 'any', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'multiple']);
/**
 * Whether the object right after a bringing verb (at token k) is charges: at most three words between, each a
 * modifier above or a lowercase word of the offence ("brought fraud charges", "pressed criminal charges").
 */
function chargesObject(doc: Doc, lower: readonly string[], k: number): boolean {
  const inSentence = sentenceOf(doc, lower, k);
  for (let j = k; j < k + 4 && inSentence(j); j++) {
    const w = lower[j]!;
    if (w === 'charges') return true;
    if (!CHARGE_MODIFIERS.has(w) && !(/^[a-z-]+$/.test(doc.tokens[j]!.text) && !PHRASE_ENDS.has(w))) return false;
  }
  return false;
}

/** Nouns of what a seller charges: "the prices it charged". */
const PRICE_NOUNS = new Set(['price', 'prices', 'fee', 'fees', 'rate', 'rates', 'tariff', 'tariffs', 'premium', 'premiums', 'commission', 'rent', 'rents']);
/** Words before "hearing" that make it the verb of listening: "we're hearing from", "on hearing he had been fined". */
const HEARING_VERB_BEFORE = new Set([...BE_FORMS, 'am', "'re", '’re', "'m", '’m', 'on', 'upon', 'after', 'while', 'when', 'without']);
/** Words after "hearing" that make it the verb of listening: "hearing from readers", "hearing that he had quit". */
const HEARING_VERB_AFTER = new Set(['from', 'that', 'what', 'how', 'about', 'rumours', 'reports', 'voices']);
/** Determiners before an adjectival "convicted": "a convicted paedophile", "the convicted killer". */
const ADJECTIVE_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'his', 'her', 'their', 'its']);

/**
 * Court words in another sense: "hearing" as listening ("we're hearing from a reader", "on hearing the news"), an
 * adjectival "convicted" that describes a person ("a convicted paedophile": a role, no conviction reported), and a
 * "conviction that" which is a belief.
 */
export function notCourtSense(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  const next = inSentence(te) ? lower[te]! : '';
  if (key === 'hearing') return HEARING_VERB_BEFORE.has(lower[ts - 1] ?? '') || HEARING_VERB_AFTER.has(next);
  if (key === 'convicted') return ADJECTIVE_DETERMINERS.has(lower[ts - 1] ?? '') && /^\p{Ll}/u.test(doc.tokens[te]?.text ?? '') && inSentence(te);
  if (key === 'conviction') return next === 'that';
  return false;
}

/** Object pronouns of people, as written: a verb with one of them as its object moves no figure. */
const PERSON_OBJECTS = new Set(['him', 'her', 'them', 'me', 'us', 'himself', 'herself', 'themselves']);

/** What a company reports as its results ("reported a 6% rise in profits", "reported strong sales"). */
const RESULT_WORDS = new Set([
  'profit', 'profits', 'loss', 'losses', 'earnings', 'revenue', 'revenues', 'sales', 'results', 'turnover', 'income', 'deficit',
  'surplus', 'dividend', 'rise', 'rises', 'increase', 'increases', 'fall', 'falls', 'drop', 'decline', 'growth', 'jump', 'surge',
]);
/** Words before "reported" that make it an adjective or a passive: "a reported $85m", "is reported to", "the reported average". */
const NOT_REPORTING_BEFORE = new Set(['a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'widely', 'also', 'its', 'in', 'of']);

/** Units after a number that make it an amount or a change: "2.5%", "$646m", "5.45m Euros", "2 points". */
const AMOUNT_UNITS = new Set(['%', 'per', 'percent', 'bn', 'm', 'million', 'billion', 'euros', 'dollars', 'pounds', 'yen', 'pence', 'cents', 'points']);
/** What is made that is no financial result: a donation, an offer, an order, a proposal, a request… */
const NOT_RESULT_OBJECTS = new Set(['donation', 'offer', 'order', 'proposal', 'request', 'bid', 'contract', 'payment', 'payments', 'progress', 'decision', 'decisions']);

const OBJECT_ENDS = new Set(['and', 'but', ',', '.', ';', ':']);

/** Whether token k is or starts an amount of money or a percentage ("£347m", "$", "2.5 %", "7%"). */
function amountAt(lower: readonly string[], k: number): boolean {
  const w = lower[k] ?? '';
  if (w === '£' || w === '$' || w === '€' || /^[£$€]/.test(w)) return true;
  return /^\d/.test(w) && (/(?:%|bn|m)$/.test(w) || AMOUNT_UNITS.has(lower[k + 1] ?? ''));
}

/**
 * "Made" as a financial result only where what is made is money or a result: "made a profit", "made £347m", "made
 * an operating loss". Not "made accounting decisions", "made the announcement", "made clear", "made a £2m donation".
 * "Lost" only loses its financial sense before a contest, a job or a life ("lost her case", "lost their jobs"; the
 * wider test on its object moved merges of market moves on the TimeBank held-out fifth; docs/events.md); any word,
 * before a chart's places ("fell two places").
 */
export function notFinancialVerb(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  // "to drop him for the final", "raised them": a person as the object, no figure that moved.
  if (PERSON_OBJECTS.has(doc.tokens[te]?.text ?? '') && sentenceOf(doc, lower, ts)(te)) return true;
  if (key === 'lost') return lostContest(doc, lower, ts, te) || chartMove(doc, lower, ts, te);
  if (RAISE_VERBS.has(key) && raisedNoResult(doc, lower, ts, te)) return true;
  if (key !== 'made') return chartMove(doc, lower, ts, te);
  const inSentence = sentenceOf(doc, lower, ts);
  // What is made, up to the phrase's end ("made £2bn and cut 20,000 jobs": not the jobs).
  for (let k = te; k < te + 6 && inSentence(k) && !OBJECT_ENDS.has(lower[k]!); k++) if (NOT_RESULT_OBJECTS.has(lower[k]!)) return true;
  // "made £347m", "made more than $2bn": the amount right after the verb (or after "about", "more than", "nearly").
  let k = te;
  while (k < te + 3 && inSentence(k) && (lower[k] === 'about' || lower[k] === 'more' || lower[k] === 'than' || lower[k] === 'nearly' || lower[k] === 'almost' || lower[k] === 'some' || lower[k] === 'around')) k++;
  if (inSentence(k) && amountAt(lower, k)) return false;
  for (let j = te; j < te + 4 && inSentence(j); j++) if (RESULT_WORDS.has(lower[j]!)) return false;
  return true;
}

/** Verbs of raising or lowering that take an object: "increase interest rates", "increased production". */
const RAISE_VERBS = new Set(['increase', 'increased', 'increases', 'decrease', 'decreased', 'decreases']);
/** Words right after such a verb that show it takes no object: "increased by 5%", "increased to £2m", "increased sharply". */
const NO_OBJECT_AFTER = new Set(['by', 'to', 'from', 'in', 'of', 'for', 'on', 'at', 'over', 'during', 'since', 'last', 'this', 'year-on-year', 'again', 'slightly', 'sharply', 'steadily', 'significantly', 'dramatically', 'markedly', 'substantially', 'tenfold', 'threefold', 'twofold', 'fivefold']);

/**
 * "hopes to increase the number of mobile users", "may increase interest rates", "increased support for Africa": an
 * agent raising something that is no result (a decision or a plan) — the object right after the verb, up to the end
 * of its phrase, names no profit, sales, revenue or other result. A verb with no object ("increased by 5%", "sales
 * increased") or a result object ("increased its dividend", "increase profits") stays a result.
 */
function raisedNoResult(doc: Doc, lower: readonly string[], ts: number, te: number): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  if (!inSentence(te)) return false;
  const next = lower[te]!;
  if (NO_OBJECT_AFTER.has(next) || OBJECT_ENDS.has(next) || amountAt(lower, te) || /^\d/.test(next) || !/^[a-z]/.test(next)) return false;
  // "increase" and "increases" are nouns too ("a price increase", "tax increases hit"): a verb only after "to" or a modal.
  if (!lower[ts]!.endsWith('ed') && !(ts > 0 && inSentence(ts - 1) && TO_OR_MODAL.has(lower[ts - 1]!))) return false;
  for (let k = te; k < te + 6 && inSentence(k) && !OBJECT_ENDS.has(lower[k]!); k++) {
    if (RESULT_WORDS.has(lower[k]!) || lower[k] === 'dividends' || lower[k] === 'margins' || lower[k] === 'margin') return false;
    if (k > te && (lower[k] === 'by' || lower[k] === 'to' || lower[k] === 'from')) break;
  }
  return true;
}

/** What is lost that is no money: a case, a vote, a match, a seat, a job, a life. */
const LOST_CONTESTS = new Set([
  'case', 'cases', 'appeal', 'appeals', 'battle', 'fight', 'bid', 'challenge', 'vote', 'votes', 'election', 'elections', 'match',
  'matches', 'game', 'games', 'seat', 'seats', 'title', 'final', 'semi-final', 'lawsuit', 'tie', 'race', 'contest', 'job', 'jobs',
  'life', 'lives', 'sight', 'touch', 'way', 'control', 'patience', 'confidence', 'faith', 'interest', 'argument', 'debate',
]);

const LOST_PHRASE_ENDS = new Set(['against', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'of', 'after', 'before', 'since', 'over', 'than', 'as', 'when', 'while', 'because']);

/** "lost her sex discrimination case", "lost their jobs", "lost the vote": no financial loss. */
function lostContest(doc: Doc, lower: readonly string[], ts: number, te: number): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  // (An amount may stand before the noun: "lost her £7.5m sex discrimination case".)
  // The object's phrase only, up to a preposition ("had lost 7% against the euro in the final three months").
  for (let k = te; k < te + 12 && inSentence(k) && !OBJECT_ENDS.has(lower[k]!) && !LOST_PHRASE_ENDS.has(lower[k]!); k++) if (LOST_CONTESTS.has(lower[k]!)) return true;
  return false;
}

/** Units of a chart or a table, not of money: "fell two places", "climbed three spots", "rose to fourth position". */
const RANKS = new Set(['place', 'places', 'spot', 'spots', 'position', 'positions', 'rung', 'rungs', 'notch', 'notches']);

/** "fell two places to fourth position", "rose one spot": a move in a chart or a league table, no financial result. */
function chartMove(doc: Doc, lower: readonly string[], ts: number, te: number): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  for (let k = te; k < te + 5 && inSentence(k) && !OBJECT_ENDS.has(lower[k]!); k++) if (RANKS.has(lower[k]!)) return true;
  return false;
}

/** Punctuation right after "reported": no object follows. */
const REPORT_ENDS = new Set(['.', ',', ';', ':', ')', '"', '”', "'", '’']);

/** "a reported $85m", "the reported average income": "reported" as an adjective, no event of any kind. */
export function adjectivalReported(lower: readonly string[], ts: number, key: string): boolean {
  const prev = lower[ts - 1] ?? '';
  return key === 'reported' && (prev === 'a' || prev === 'an' || prev === 'the');
}

/**
 * "Reported" and "reports" as a financial result only where a company reports its results: an active verb whose
 * object, within a few words, is a profit, sales, a rise… Not a newspaper's report ("the Financial Times
 * reported."), hearsay ("is reported to be ready", "according to reports"), nor an adjective ("a reported $85m").
 */
export function notFinancialReport(doc: Doc, lower: readonly string[], ts: number, te: number, key: string): boolean {
  if (key !== 'reported' && key !== 'reports' && key !== 'report' && key !== 'reporting') return false;
  if (NOT_REPORTING_BEFORE.has(lower[ts - 1] ?? '')) return true;
  const inSentence = sentenceOf(doc, lower, ts);
  if (!inSentence(te) || REPORT_ENDS.has(lower[te]!)) return true; // "…, the Financial Times reported." (no object)
  for (let k = te; k < te + 7 && inSentence(k); k++) {
    if (RESULT_WORDS.has(lower[k]!)) return false;
    if (lower[k] === '.' || lower[k] === ';' || lower[k] === 'that') break;
  }
  return true;
}

/** "quit playing", "quits smoking": stopping a habit, not leaving a post. */
/** Words before "appointment" of a visit or a consultation: "an outpatient appointment", "a routine appointment". */
const VISIT_APPOINTMENT = new Set(['outpatient', 'routine', 'hospital', 'medical', 'doctor', "doctor's", 'dental', 'dentist', 'gp', 'clinic', 'missed', 'first']);
/** What a film or a performer is nominated for: "nominated for her supporting role", "nominated for period drama". */
const NOMINATED_WORK = new Set(['role', 'roles', 'film', 'films', 'drama', 'album', 'albums', 'single', 'song', 'performance', 'performances', 'category', 'categories', 'actor', 'actress', 'director', 'picture', 'screenplay', 'documentary']);
/** What is promoted that is no person: "promoted the news", "promoted the album". */
const PROMOTED_NOT_PERSON = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'new', 'this']);

/**
 * PERSONNEL words in their other senses: an appointment one keeps ("an outpatient appointment", "a routine
 * appointment at the immigration office"), a nomination for an award ("an Oscar nomination", "a best director
 * nomination", "nominated for her supporting role"), and a product, a film or the news promoted ("promoted the
 * news in Edinburgh"; "was promoted to assistant manager" stays).
 */
export function notPersonnel(lower: readonly string[], ts: number, te: number, key: string): boolean {
  if (key === 'appointment' || key === 'appointments') return VISIT_APPOINTMENT.has(lower[ts - 1] ?? '') || lower[te] === 'with';
  if (key === 'nomination' || key === 'nominations') {
    for (let k = ts - 1; k >= ts - 3 && k >= 0; k--) if (HONOURS.has(lower[k]!) || lower[k] === 'best') return true;
    return honourNotPost(lower, te, false) || nominatedForWork(lower, te);
  }
  if (key === 'nominated') return nominatedForWork(lower, te);
  if (key === 'promoted') return PROMOTED_NOT_PERSON.has(lower[te] ?? '') && !BE_FORMS.has(lower[ts - 1] ?? '');
  // "the appointed bodies", "87 appointed members", "the sacked workers": the participle describes the noun after it.
  if ((key === 'appointed' || key === 'sacked') && ts > 0 && (PARTICIPLE_DETERMINERS.has(lower[ts - 1]!) || /^\d/.test(lower[ts - 1]!))) return /^\p{Ll}+$/u.test(lower[te] ?? '') && !PERSONNEL_OBJECT_OPENERS.has(lower[te]!);
  // "dismissed claims that", "dismissed the idea", "was dismissed as a publicity stunt": rejected, no one sacked.
  if (key === 'dismissed') {
    // "dismissed the Conservatives as a fading force": judged, not sacked ("dismissed as chairman" is a post).
    for (let k = te; k < te + 6 && k < lower.length - 1; k++) if (lower[k] === 'as' && /^(?:a|an|the|"|“|'|‘|mere|pure|simply|nonsense|rubbish)$/.test(lower[k + 1]!)) return true;
    for (let k = te; k < te + 4 && k < lower.length; k++) {
      if (DISMISSED_THINGS.has(lower[k]!)) return true;
      if (!/^\p{Ll}[\p{Ll}'’-]*$/u.test(lower[k]!)) break;
    }
  }
  return false;
}

/** Words before a participle that make it a modifier: "the appointed bodies", "a newly appointed judge". */
const PARTICIPLE_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'newly', 'recently', 'specially', 'directly', 'democratically', 'politically']);
/** Words right after "appointed" that open its object or a phrase, not a noun it describes. */
const PERSONNEL_OBJECT_OPENERS = new Set(['as', 'to', 'by', 'in', 'on', 'at', 'for', 'from', 'with', 'after', 'before', 'last', 'this', 'earlier', 'and', 'or', 'but', 'him', 'her', 'them', 'me', 'us', 'the', 'a', 'an']);
/** What is dismissed when nobody loses a post: a claim, a suggestion, a fear. */
const DISMISSED_THINGS = new Set([
  'claim', 'claims', 'report', 'reports', 'suggestion', 'suggestions', 'speculation', 'allegation', 'allegations', 'rumour', 'rumours',
  'rumor', 'rumors', 'fear', 'fears', 'concern', 'concerns', 'criticism', 'criticisms', 'call', 'calls', 'idea', 'ideas', 'talk', 'accusation',
  'accusations', 'charge', 'charges', 'case', 'appeal', 'appeals', 'complaint', 'complaints', 'notion', 'warning', 'warnings', 'argument',
  'arguments', 'plan', 'plans', 'proposal', 'proposals', 'threat', 'threats', 'worries', 'doubts', 'question', 'questions', 'bets', 'view', 'views',
]);

/** "nominated for her supporting role", "nominated for period drama Vera Drake": an award's category, no post. */
function nominatedForWork(lower: readonly string[], k: number): boolean {
  if (lower[k] !== 'for') return false;
  for (let j = k + 1; j < k + 6 && j < lower.length; j++) {
    const w = lower[j]!;
    if (w === '.' || w === ';' || w === ',') break;
    if (NOMINATED_WORK.has(w)) return true;
  }
  return false;
}

export function notDeparture(lower: readonly string[], te: number, key: string): boolean {
  // "is resigned to defeat", "seemed resigned to": the adjective, no resignation.
  if (key === 'resigned' && lower[te] === 'to' && RESIGNED_ADJ_BEFORE.has(lower[te - 2] ?? '')) return true;
  return (key === 'quit' || key === 'quits') && (lower[te] ?? '').endsWith('ing');
}

const RESIGNED_ADJ_BEFORE = new Set([...BE_FORM_WORDS, 'seemed', 'seems', 'looked', 'looks', 'appeared', 'appears', 'sounded', 'became', 'become', 'becoming', 'grown', 'grew', 'seem', 'look', 'appear', 'remained', 'remain', 'remains', 'felt', 'feel', 'feels', 'now', 'already', 'largely']);

/** What collapses in an accident: a building, a bridge, a roof, a mine. */
const STRUCTURES = new Set([
  'building', 'buildings', 'bridge', 'roof', 'tunnel', 'wall', 'walls', 'stand', 'mine', 'dam', 'tower', 'crane', 'ceiling', 'stage',
  'scaffolding', 'floor', 'stadium', 'hotel', 'school', 'house', 'houses', 'block', 'flats', 'church', 'mosque', 'temple', 'factory',
  'balcony', 'structure', 'embankment', 'shaft',
]);
/** Words of a business: "the collapse of the firm", "the company collapsed". */
const FIRM_WORDS = new Set([
  'firm', 'firms', 'company', 'companies', 'bank', 'banks', 'group', 'airline', 'carrier', 'business', 'businesses', 'giant', 'retailer',
  'maker', 'insurer', 'broker', 'fund', 'empire', 'conglomerate', 'operator', 'supplier', 'manufacturer', 'chain', 'lender',
]);
/** Words of a blast that hurt or destroyed: an explosion among them is an accident, not "an explosion in sales". */
const DAMAGE = new Set([
  'killed', 'killing', 'injured', 'injuring', 'injuries', 'dead', 'died', 'wounded', 'blast', 'bomb', 'bombs', 'fire', 'gas', 'damage',
  'damaged', 'destroyed', 'factory', 'plant', 'mine', 'building', 'pipeline', 'tanker', 'rocked', 'casualties', 'victims', 'hurt', 'debris',
]);
/** Before "crashed": a computer system ("the network crashed"). */
const COMPUTERS = new Set(['network', 'networks', 'computer', 'computers', 'system', 'systems', 'server', 'servers', 'website', 'websites', 'site', 'sites', 'software', 'pc', 'pcs', 'machine', 'machines']);
/** Before "crash": a market, not a vehicle ("a property crash", "the stock market crash"). */
const MARKETS = new Set(['market', 'markets', 'property', 'stock', 'share', 'shares', 'housing', 'house', 'price', 'prices', 'dotcom', 'dot-com', 'currency', 'oil']);
/** Before "crash": a vehicle ("a car crash", "the Hatfield rail crash"). */
const VEHICLES = new Set(['car', 'plane', 'air', 'rail', 'train', 'helicopter', 'road', 'motorway', 'motorcycle', 'motorbike', 'bus', 'coach', 'lorry', 'truck', 'jet', 'boat', 'aircraft', 'airliner']);
/** What sinks in an accident. */
const VESSELS = new Set(['ship', 'ships', 'boat', 'boats', 'vessel', 'vessels', 'ferry', 'submarine', 'tanker', 'trawler', 'yacht', 'liner', 'dinghy', 'canoe']);

/**
 * The sense of an ACCIDENT trigger: an accident, a business's collapse (a bankruptcy), or neither. A collapse is an
 * accident when a structure collapses (a building, a bridge, a mine within eight words), a bankruptcy when a company
 * does ("WorldCom's collapse", "the collapse of Parmalat", "the firm collapsed": an organisation or a word of business
 * next to it), and neither otherwise ("the collapse of the Soviet Union", "talks collapsed", "a collapsed lung").
 * A crash in a match ("crashed a drive against the bar", "crashed 6-2 6-4") or of a market ("a property crash") is
 * none; an explosion is one only among words of damage ("the gadget explosion", "an explosion in consumer
 * technology" are growth); "sank" only with a vessel ("sales sank 12.7%").
 */
export function accidentSense(doc: Doc, lower: readonly string[], ts: number, te: number, key: string, organisationAt: (k: number) => boolean): 'accident' | 'bankruptcy' | null {
  const inSentence = sentenceOf(doc, lower, ts);
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  const near = (words: ReadonlySet<string>, reach: number) => {
    for (let k = Math.max(s.tokenStart, ts - reach); k < Math.min(s.tokenEnd, te + reach); k++) if (words.has(lower[k]!)) return true;
    return false;
  };
  if (key === 'sank') return near(VESSELS, 8) ? 'accident' : null;
  if (key === 'crash' || key === 'crashed' || key === 'crashes') {
    if (VEHICLES.has(lower[ts - 1] ?? '')) return 'accident'; // "a car crash", whatever the sentence is about
    if (MARKETS.has(lower[ts - 1] ?? '')) return null;
    // "the internal network crashed", "the website crashed": a computer failure, no accident.
    for (let k = ts - 1; k >= ts - 3 && inSentence(k); k--) if (COMPUTERS.has(lower[k]!)) return null;
    if (inSentence(te) && (/^\d/.test(lower[te]!) || lower[te] === 'out' || lower[te] === 'over')) return null;
    return matchPlay(doc, lower, doc.tokens[ts]!.sentence) ? null : 'accident';
  }
  if (key === 'explosion' || key === 'exploded') return near(DAMAGE, 12) ? 'accident' : null;
  if (key === 'collapse' || key === 'collapsed') {
    if (near(STRUCTURES, 8)) return 'accident';
    // The company whose collapse it is: its possessor, what follows "of", or the subject right before the verb.
    const whose = [ts - 2, ts - 1, te + 1, te + 2];
    if (/^['’]s?$/.test(lower[ts - 1] ?? '') || lower[te] === 'of' || key === 'collapsed') {
      for (const k of whose) if (inSentence(k) && organisationAt(k)) return 'bankruptcy';
    }
    return near(FIRM_WORDS, 4) ? 'bankruptcy' : null;
  }
  return 'accident';
}

/** What follows "demonstrated" when it means showed: "demonstrated why he has never scored", "demonstrated its power". */
const SHOWN_AFTER = new Set(['why', 'how', 'that', 'what', 'its', 'his', 'her', 'their', 'our', 'the', 'a', 'an', 'this', 'some', 'great', 'real']);

/**
 * A PROTEST trigger in another sense: "demonstrated why …", "demonstrated the value of": shown, not a demonstration;
 * "has protested his innocence": a denial, no protest.
 */
export function notProtest(lower: readonly string[], te: number, key: string): boolean {
  if ((key === 'demonstrated' || key === 'demonstrate' || key === 'demonstrates') && SHOWN_AFTER.has(lower[te] ?? '')) return true;
  return (key === 'protested' || key === 'protest' || key === 'protests' || key === 'protesting') && lower[te + 1] === 'innocence';
}

/** Works whose plot a sentence may tell: "in the film", "in the sixth book", "in his new game". */
const WORKS = new Set(['film', 'films', 'movie', 'movies', 'novel', 'novels', 'book', 'books', 'series', 'episode', 'episodes', 'sequel', 'drama', 'soap', 'comic', 'plot', 'trilogy', 'cartoon', 'musical', 'opera']);
/** Words before "game" that make it a video game, not a match ("in the game against Leeds"). */
const GAME_KINDS = new Set(['video', 'computer', 'console', 'online']);
/** People of a plot or a game: "a character will be killed", "the hero is attacked". */
const PLOT_PEOPLE = new Set(['character', 'characters', 'hero', 'heroine', 'villain', 'villains', 'avatar']);
/** Verbs by which a work shows a happening: "depicts a bomb attack". */
const DEPICTING = new Set(['depicts', 'depicted', 'depicting', 'depict', 'portrays', 'portrayed', 'portraying', 'dramatises', 'dramatizes', 'dramatised', 'dramatized', 'imagines', 'imagined']);
/** Verbs by which a game lets its players act: "lets players kill", "allows you to attack". */
const LETTING = new Set(['lets', 'let', 'letting', 'allows', 'allowed', 'allowing', 'enables', 'enabling']);

/**
 * Whether a killing, attack or death at tokens [ts, te) happens in a work's plot or a game, not in the world: the
 * sentence puts it "in the film/book/game" before it, its subject is a character, a game's player is let do it, the
 * reader is ("each time you are killed"), or a work depicts one ("depicts a bomb attack": an invented one; a work about
 * "the 1972 killings" names real ones).
 */
export function inFiction(doc: Doc, lower: readonly string[], ts: number, te: number): boolean {
  const inSentence = sentenceOf(doc, lower, ts);
  const s = doc.sentences[doc.tokens[ts]!.sentence]!;
  // "In the film, he murders", "will be killed in the sixth book": a work after "in the", anywhere in the sentence
  // ("in his book" may be a memoir's true account: not read).
  for (let k = s.tokenStart; k < s.tokenEnd - 1; k++) {
    if (lower[k] !== 'in' || !/^(?:the|this)$/.test(lower[k + 1] ?? '')) continue;
    for (let j = k + 2; j <= k + 4 && j < s.tokenEnd; j++) {
      if (WORKS.has(lower[j]!) || ((lower[j] === 'game' || lower[j] === 'games') && GAME_KINDS.has(lower[j - 1]!))) return true;
      if (!/^[\p{Ll}\p{N}-]+$/u.test(doc.tokens[j]!.text)) break;
    }
  }
  for (let k = ts - 1; k >= ts - 5 && inSentence(k); k--) {
    const w = lower[k]!;
    if (PLOT_PEOPLE.has(w) || w === 'you' || w === 'gamers') return true;
    if (w === 'players' && LETTING.has(lower[k - 1] ?? '')) return true;
    if (DEPICTING.has(w)) return lower[k + 1] === 'a' || lower[k + 1] === 'an';
    if (w === ',' || w === ';') break;
  }
  return false;
}
