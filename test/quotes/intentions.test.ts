/**
 * An infinitive after a verb of intention, expectation or decision reports a plan or an act, not words said
 * (branch quotes33): "Torvale plans to open …", "Meridia is expected to face …", "agreed to pay …", "Talks aimed at
 * ending …", "pleaded guilty to fraud". Verbs of saying that take an infinitive stay speech ("promised to").
 */
import { describe, expect, it } from 'vitest';
import { quotesOf } from './helpers.js';

const people = [
  { name: 'Torvale Systems', type: 'ORGANIZATION' as const, aliases: ['Torvale'] },
  { name: 'Meridia', type: 'LOCATION' as const },
  { name: 'Anna Kestrel', type: 'PERSON' as const, aliases: ['Kestrel'] },
];

const texts = (text: string) => quotesOf(text, people).map((q) => q.text);

describe('intentions are no speech', () => {
  it('drops a plan, a hope and a decision in the infinitive', () => {
    expect(texts('Torvale plans to open three new stores in the north next spring.')).toEqual([]);
    expect(texts('Ms Kestrel hopes to win back her seat at the next election.')).toEqual([]);
    expect(texts('Torvale decided to close its oldest factory last month.')).toEqual([]);
  });

  it('drops an expectation and an agreement', () => {
    expect(texts('Meridia is expected to face renewed pressure over its currency this week.')).toEqual([]);
    expect(texts('Torvale agreed to pay $40m to settle the claims of its former staff.')).toEqual([]);
  });

  it('drops a purpose and the charge of a plea', () => {
    expect(texts('Talks aimed at ending the long dispute over pensions will begin on Friday.')).toEqual([]);
    expect(texts('Ms Kestrel pleaded guilty to taking part in a fraud at the firm.')).toEqual([]);
  });

  it('keeps speech in the infinitive and the clause after a verb of intention', () => {
    expect(texts('Ms Kestrel promised to cut the tax on fuel if she won.')).toEqual(['cut the tax on fuel if she won']);
    expect(texts('Torvale said it plans to open three new stores.')).toEqual(['it plans to open three new stores']);
  });
});
