import { describe, expect, it } from 'vitest';
import { TRIGGERS } from '../../src/events/lexicon.js';
import { inflect, MONTH_PATTERN, SPEECH_FORMS, verbForms, WEEKDAY_PATTERN } from '../../src/lang/en/index.js';
import { SPEECH_FORMS as QUOTE_SPEECH_FORMS } from '../../src/quotes/lexicon.js';

describe('English language data (src/lang/en)', () => {
  it('inflects regular and irregular verbs', () => {
    expect(verbForms('deny')).toEqual({ third: 'denies', past: ['denied'], ing: 'denying' });
    expect(verbForms('admit')).toEqual({ third: 'admits', past: ['admitted'], ing: 'admitting' });
    expect(verbForms('stress')).toEqual({ third: 'stresses', past: ['stressed'], ing: 'stressing' });
    expect(verbForms('announce')).toEqual({ third: 'announces', past: ['announced'], ing: 'announcing' });
    expect(inflect('write')).toEqual(['write', 'writes', 'wrote', 'written', 'writing']);
    expect(inflect('put')).toEqual(['put', 'puts', 'putting']);
  });

  it('the quote cues and the statement triggers read the same verb forms', () => {
    expect(QUOTE_SPEECH_FORMS).toBe(SPEECH_FORMS);
    const statement = TRIGGERS.find((t) => t.type === 'STATEMENT')!.verbs.split(' ');
    for (const form of statement) expect(SPEECH_FORMS.has(form), form).toBe(true);
    expect(statement).toEqual(expect.arrayContaining(['said', 'told', 'wrote', 'denied', 'admitted', 'announcing']));
    // Present forms that are mostly nouns are no statement triggers.
    expect(statement).not.toContain('reports');
  });

  it('calendar patterns match names, not lower-case words', () => {
    const month = new RegExp(`^${MONTH_PATTERN}$`);
    expect(['January', 'MAY', 'Sept.', 'Dec'].every((m) => month.test(m))).toBe(true);
    expect(month.test('may')).toBe(false);
    expect(month.test('march')).toBe(false);
    expect(new RegExp(`^${WEEKDAY_PATTERN}$`).test('Friday')).toBe(true);
  });
});
