/**
 * English language data, read by every stage: function words, calendar words,
 * verbs of saying with their inflections, titles and role nouns, modality words.
 * A second language would be a second folder beside this one with the same exports.
 */
export * from './awards.js';
export * from './calendar.js';
export * from './function-words.js';
export * from './modality.js';
export * from './titles.js';
export * from './verbs.js';
