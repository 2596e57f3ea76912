/** Words that make a clause negated, hypothetical or intended rather than reported as fact. */

export const NEGATORS = ['not', "n't", 'n’t', 'never', 'no', 'neither', 'nor', 'without', 'nobody', 'none'] as const;
export const MODALS = ['would', 'could', 'should', 'might', 'may', 'must', 'can', 'cannot', 'ought'] as const;
/** Modifiers that make a noun hypothetical: "any strike", "a possible meeting". */
export const IRREALIS_NOUN_MODIFIERS = ['any', 'possible', 'potential', 'future', 'planned', 'proposed', 'prospective', 'hypothetical', 'no'] as const;
/** Words that put a clause under a condition or doubt. */
export const IRREALIS_CLAUSE_WORDS = ['if', 'unless', 'whether', 'impossible', 'unlikely', 'hypothetical', 'lest'] as const;
/** Verbs of intention and directive (all forms): what they govern has not happened yet. */
export const INTENTION_WORDS = [
  'plan', 'plans', 'planned', 'planning', 'prioritised', 'prioritized', 'prioritises', 'prioritizes', 'propose', 'proposed', 'proposes',
  'seek', 'seeks', 'sought', 'seeking', 'want', 'wants', 'wanted', 'hope', 'hopes', 'hoped', 'demand', 'demands', 'demanded', 'demanding',
  'urge', 'urges', 'urged', 'urging', 'aim', 'aims', 'aimed', 'push', 'pushed', 'pushing', 'consider', 'considering', 'considered', 'threaten', 'threatened',
] as const;
/** "be to", "scheduled to", "due to": words before an infinitive that report a scheduled event rather than an intention. */
export const SCHEDULING_WORDS = ['is', 'are', 'was', 'were', 'be', 'scheduled', 'due', 'set', 'slated', 'expected', 'poised', 'have', 'has', 'had'] as const;
