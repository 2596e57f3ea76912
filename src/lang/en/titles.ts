/**
 * Titles, forms of address and role nouns: the words that stand before a name
 * ("Deputy Foreign Minister Sergey Ryabkov", "Mr Blair") or describe a speaker
 * by role ("the spokesman", "a senior official").
 */

/** Forms of address that precede names but are not part of them (CoNLL convention). */
export const HONORIFICS = ['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'mme', 'mme.', 'herr', 'frau', 'sen.', 'rep.', 'gov.', 'rev.'] as const;

/** Common title heads in news: the noun a role ends in ("minister", "spokesman"). */
export const TITLE_HEADS = (
  'president minister premier chancellor secretary spokesman spokeswoman spokesperson director general colonel ' +
  'lieutenant major captain sergeant admiral commander marshal brigadier officer chief head leader chairman chairwoman chair ' +
  'ceo cfo founder analyst economist ambassador envoy diplomat governor mayor senator congressman congresswoman representative ' +
  'lawmaker judge justice prosecutor attorney lawyer king queen prince princess emperor sultan sheikh emir ayatollah pope bishop ' +
  'archbishop cardinal rabbi imam professor researcher scientist journalist correspondent editor reporter columnist coach manager ' +
  'striker midfielder defender goalkeeper president-elect commissioner inspector superintendent deputy vice-president ' +
  'administrator adviser advisor aide strategist consultant executive official negotiator mediator activist ' +
  // Occupations news puts before a name ("singer Sheila Ferguson", "Chelsea boss Jose Mourinho", "Hollywood star Tom Hanks").
  'singer actress comedian presenter broadcaster producer author writer novelist playwright poet artist musician rapper ' +
  'drummer guitarist designer chef pilot soldier golfer sprinter hurdler winger skipper fly-half scrum-half full-back flanker ' +
  'batsman bowler boss star'
).split(' ');

/** Words that extend a title leftwards ("Deputy Foreign Minister", "Lt. Gen."). */
export const TITLE_MODIFIERS = (
  'deputy vice prime foreign interior defence defense finance economy trade justice health education energy security ' +
  'state federal national regional chief senior former acting interim first second top assistant associate executive ' +
  'general lt. lt gen. maj. col. capt. sgt. adm. brig. lieutenant major supreme high ministry department party military ' +
  'police intelligence press army navy air force political ' +
  // Portfolios and departments of British and company titles: "Home Secretary", "shadow chancellor", "managing director".
  'shadow home culture environment transport treasury cabinet junior managing marketing sales technical technology ' +
  'creative artistic financial commercial communications news sports business economics industry'
).split(' ');

/** Words before names that are no role: forms of address, family relations, and nouns the training data mislabels. */
export const NOT_TITLES = ['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir', 'dame', 'lady', 'lord', 'wife', 'husband', 'father', 'mother', 'son', 'daughter', 'brother', 'sister', 'mate', 'beat', 'seed', 'st', 'st.', 'centre', 'wing', 'affairs', 'compatriot', 'counterpart', 'veteran'] as const;

/** Nouns that name a speaker by role: "the spokesman", "a senior official", "the ministry". */
export const ROLE_NOUNS = (
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
  'commission council court department office team group party ' +
  // Sport and the markets: "the England coach said", "Karachi brokers said".
  'coach captain skipper boss striker midfielder defender goalkeeper winger prop medallist ' +
  'champion brokers trader traders dealer dealers'
).split(/\s+/);

/** Words inside a noun phrase between a preposition and the name it governs ("in the top senior", "with his foreign counterpart"). */
export const NOUN_PHRASE_TITLE_WORDS = ['top', 'senior', 'former', 'late', 'president', 'minister', 'official', 'officials', 'leader', 'prime', 'foreign', 'chief', 'counterpart'] as const;

/**
 * Roles only an organisation has: "consultant at Cisco", "a spokesman for Unison", "chief executive of Marsh".
 * (Not "president", "mayor" or "minister": those are of places too.)
 */
export const ORGANISATION_ROLE_HEADS = (
  'spokesman spokeswoman spokesperson spokesmen chairman chairwoman ceo cfo coo cto founder co-founder executive executives ' +
  'analyst analysts economist economists strategist strategists consultant consultants employee employees engineer engineers ' +
  'researcher researchers director directors manager managers shareholder shareholders boss bosses'
).split(' ');
