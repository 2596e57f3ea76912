/** Closed-class English words: articles, determiners, pronouns, prepositions, subordinators. */

export const ARTICLES = ['the', 'a', 'an'] as const;
export const DEMONSTRATIVES = ['this', 'that', 'these', 'those'] as const;
export const POSSESSIVE_DETERMINERS = ['my', 'your', 'his', 'her', 'its', 'our', 'their'] as const;
/** Numbers and quantifiers that open a noun phrase ("two officials", "several sources"). */
export const QUANTIFIERS = ['one', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'another', 'all', 'most', 'few'] as const;

/** Subject pronouns a speaker or an agent can be named by. */
export const SUBJECT_PRONOUNS = ['he', 'she', 'they', 'we', 'i', 'it', 'you'] as const;
/** Pronouns of one person, in every case ("he", "him", "his"…): what can refer back to a named person. */
export const PERSON_PRONOUNS = ['he', 'she', 'his', 'her', 'him'] as const;
/** Relative pronouns that open a clause describing the preceding noun phrase. */
export const RELATIVE_PRONOUNS = ['who', 'which', 'whom', 'whose', 'that'] as const;

/** Prepositions (and "as", "like", "than", "per", which govern noun phrases the same way). */
export const PREPOSITIONS = [
  'in', 'at', 'on', 'from', 'to', 'with', 'without', 'of', 'for', 'by', 'about', 'against', 'near', 'over', 'under', 'into',
  'between', 'among', 'amid', 'across', 'after', 'before', 'during', 'since', 'until', 'toward', 'towards', 'through', 'within',
  'like', 'unlike', 'than', 'via', 'outside', 'inside', 'around', 'upon', 'despite', 'following', 'as', 'per',
] as const;

/** Conjunctions that open an adverbial clause ("while", "because"…); "after", "since", "as" are prepositions too. */
export const SUBORDINATORS = ['while', 'when', 'where', 'if', 'because', 'although', 'though'] as const;

/** The forms of "be" (auxiliary of the passive and the progressive). */
export const BE_FORMS = ['is', 'are', 'was', 'were', 'be', 'been', 'being'] as const;
