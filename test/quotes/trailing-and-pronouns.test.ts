/**
 * Branch quotes36 (a journalist's recall audit of 15 BBC articles): reported speech before a trailing attribution is
 * kept when it holds a scare quote the quotation stage rejected, a participle after a comma is no trailing
 * attribution, and a he/she is read after the person a sentence opened with "he"/"she" stands for.
 */
import { describe, expect, it } from 'vitest';
import { quotesOf } from './helpers.js';

const people = [
  { name: 'Arthur Penrose', type: 'PERSON' as const, aliases: ['Penrose', 'Lord Penrose'] },
  { name: 'Delia Marsh', type: 'PERSON' as const, aliases: ['Marsh', 'Ms Marsh'] },
  { name: 'Tobias Rennet', type: 'PERSON' as const, aliases: ['Rennet'] },
  { name: 'Hollin Mills', type: 'ORGANIZATION' as const, aliases: [] },
];

describe('a trailing attribution', () => {
  it('keeps reported speech that holds a rejected scare quote', () => {
    const text = 'The council should stop "punishing" small traders in the old market, Lord Penrose has said.';
    const q = quotesOf(text, people).find((x) => x.text.startsWith('The council should stop'));
    expect(q?.text).toBe('The council should stop "punishing" small traders in the old market');
    expect(q?.speaker?.name).toBe('Arthur Penrose');
  });

  it('keeps the opening mark of a scare quote that opens the content', () => {
    const text = 'The mill owners met on Monday. "Serious shortages" are likely in the coming winter as the old looms wear out, it said.';
    expect(quotesOf(text, people).some((x) => x.text === '"Serious shortages" are likely in the coming winter as the old looms wear out')).toBe(true);
  });

  it('may end with a circumstance after a plain subject', () => {
    const text = 'The mills reported on Monday. Sales of cloth rose sharply during the last year, the company said in a statement.';
    expect(quotesOf(text, people).some((x) => x.text === 'Sales of cloth rose sharply during the last year')).toBe(true);
  });

  it('may tell a programme named with a possessive', () => {
    const text = 'The rates would be cut to half by the spring, Ms Marsh told Radio Hollin\'s Morning programme.';
    expect(quotesOf(text, people).find((x) => x.text.startsWith('The rates would'))?.speaker?.name).toBe('Delia Marsh');
  });

  it('is never a participle after a comma', () => {
    const text = 'Hollin Mills rejected the offer from its rival in March, saying it undervalued the business.';
    const quotes = quotesOf(text, people);
    expect(quotes.some((x) => x.text.startsWith('Hollin Mills rejected'))).toBe(false);
    expect(quotes.find((x) => x.text === 'it undervalued the business')?.speaker?.name).toBe('Hollin Mills');
  });

  it('takes no antecedent of its he/she from its own content', () => {
    const text =
      'Tobias Rennet spoke to the farmers on Friday. The harvest and his neighbour Delia Marsh would be his first concern even if the rain came early, he said.';
    expect(quotesOf(text, people).find((x) => x.text.startsWith('The harvest'))?.speaker?.name).toBe('Tobias Rennet');
  });
});

describe('a he/she after a sentence that opens with he/she', () => {
  it('is not the person named after that pronoun in the same sentence', () => {
    const text =
      'Arthur Penrose, chairman of the board, said: "Nobody knows the trade better." ' +
      'He hoped Tobias Rennet would "take the firm into its next century", he added.';
    expect(quotesOf(text, people).find((x) => x.text.startsWith('take the firm'))?.speaker?.name).toBe('Arthur Penrose');
  });

  it('is not the person named later in the sentence before', () => {
    const text =
      'Arthur Penrose said he would "rather not" appear in the film. ' +
      'He had a small part in the last one, in which his role went to Tobias Rennet. ' +
      '"This is much more than the music," he said.';
    expect(quotesOf(text, people).find((x) => x.text.startsWith('This is much more'))?.speaker?.name).toBe('Arthur Penrose');
  });

  it('is read again once the sentence before it is attributed', () => {
    const text =
      'Tobias Rennet has failed to fix the "old unfairness" in the rates, Delia Marsh has said. ' +
      'How could it be right that the poorest paid more, the party leader asked. ' +
      'The new rebate did nothing to fix the "unfair rates", she added. ' +
      'The council could not go on "patching up" the system, she added.';
    expect(quotesOf(text, people).find((x) => x.text.startsWith('The council could not'))?.speaker?.name).toBe('Delia Marsh');
  });
});

describe('an object after a verb of saying', () => {
  it('runs past a comma inside a number', () => {
    const text = 'Hollin Mills has threatened to cut 12,000 jobs at its northern sites.';
    expect(quotesOf(text, people).some((x) => x.text === 'to cut 12,000 jobs at its northern sites')).toBe(true);
  });
});
