/**
 * Awards and prizes named by one word or a fixed phrase. News text names them
 * like people or places ("won an Oscar", "Bafta nominations", "a Grammy"); as
 * names they are MISC (CoNLL-2003's convention for awards, events and titles).
 * Lowercase name keys; plurals are listed where news writes them ("the Oscars").
 * Words that are as often a person's or a company's name ("Tony", "Booker",
 * "Whitbread") are left out: a name ending in Award or Prize is one anyway.
 */
export const AWARD_NAMES: readonly string[] = [
  'oscar', 'oscars', 'academy award', 'academy awards',
  'bafta', 'baftas', 'emmy', 'emmys', 'grammy', 'grammys',
  'golden globe', 'golden globes',
  'palme d\'or', 'golden bear', 'golden lion', 'ballon d\'or', 'victoria cross', 'george cross',
];

/** Last words that make a multi-word name an award ("Mobo Awards", "Whitbread Prize"). */
export const AWARD_HEADS: readonly string[] = ['award', 'awards', 'prize', 'prizes'];

/**
 * Names of one award news uses interchangeably, the canonical first: the statuette and the ceremony
 * ("won an Oscar", "the Oscars") are one thing to count.
 */
export const AWARD_ALIASES: readonly (readonly string[])[] = [
  ['Academy Awards', 'Academy Award', 'Oscars', 'Oscar'],
  ['Bafta Awards', 'Bafta Award', 'Baftas', 'Bafta'],
  ['Grammy Awards', 'Grammy Award', 'Grammys', 'Grammy'],
  ['Emmy Awards', 'Emmy Award', 'Emmys', 'Emmy'],
  ['Golden Globe Awards', 'Golden Globe Award', 'Golden Globes', 'Golden Globe'],
  ['Brit Awards', 'Brit Award'],
];
