/**
 * Where reported content starts and ends (branch quotes26): content never holds its own attribution set off by
 * commas, and a relative clause, a name given or a phrase opening with a preposition between commas attributes nothing.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';

interface Reported {
  texts: string[];
  group: string | null;
  speaker: string | null;
}

/** Reported speech of a text, the pieces of one quotation together. */
function reported(text: string): Reported[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  const byGroup = new Map<string, Reported>();
  const out: Reported[] = [];
  for (const q of doc.quotes) {
    if (q.kind !== 'indirect') continue;
    const key = q.group ?? q.id;
    const piece = text.slice(q.start, q.end);
    const cur = byGroup.get(key);
    if (cur) cur.texts.push(piece);
    else {
      const r = { texts: [piece], group: q.group, speaker: q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null };
      byGroup.set(key, r);
      out.push(r);
    }
  }
  return out;
}

describe('an attribution set off by commas inside the reported sentence', () => {
  it('leaves an inverted speaker after the cue out of the content (quotes28)', () => {
    const [a] = reported('The answer, says Prof Adeyemi, is cheaper batteries.');
    expect(a!.texts).toEqual(['The answer', 'is cheaper batteries']);
    expect(a!.speaker).toBe('Adeyemi');
    const [b] = reported('Currently, says Dr Lindqvist, the equipment that powers the network is very expensive.');
    expect(b!.texts.at(-1)).toBe('the equipment that powers the network is very expensive');
    expect(b!.speaker).toBe('Lindqvist');
  });

  it('is cut out of the content: the words on both sides are two pieces of one quotation', () => {
    const [r] = reported('The new bridge, he said, would open to traffic in the spring.');
    expect(r!.texts).toEqual(['The new bridge', 'would open to traffic in the spring']);
    expect(r!.group).not.toBeNull();
    expect(r!.speaker).toBe('he');
  });

  it('is cut out after a clause, the rest of the sentence the second piece', () => {
    const [r] = reported('Sales of the new phone rose sharply, Mr Jones said, but prices fell in the autumn.');
    expect(r!.texts).toEqual(['Sales of the new phone rose sharply', 'but prices fell in the autumn']);
    expect(r!.speaker).toBe('Jones');
  });

  it('leaves an "according to" phrase and the relative clause about its source out of the content', () => {
    expect(reported('The harbour, according to the local council, will be dredged next month.')[0]!.texts).toEqual(['The harbour', 'will be dredged next month']);
    expect(reported('The museum, according to Ann Lee, who runs the gallery, will reopen in May.')[0]!.texts).toEqual(['The museum', 'will reopen in May']);
  });

  it('keeps only the clause the attribution sits in, after a relative pronoun', () => {
    const [r] = reported('The council will sell its stake in the park, which, critics say, will push up rents for the shops.');
    expect(r!.texts).toEqual(['will push up rents for the shops']);
    expect(r!.speaker).toBe('critics');
  });

  it('leaves out a second verb of saying that has a content of its own', () => {
    const [r] = reported('The plan would cut costs, the mayor said, but warned that jobs would go.');
    expect(r!.texts[0]).toBe('The plan would cut costs');
    expect(r!.texts.join(' ')).not.toContain('warned');
  });

  it('leaves a content before a trailing attribution as one piece', () => {
    const [r] = reported('The new bridge would open to traffic in the spring, he said.');
    expect(r!.texts).toEqual(['The new bridge would open to traffic in the spring']);
    expect(r!.group).toBeNull();
  });
});

describe('no attribution between commas', () => {
  it('in a relative clause about the noun before it', () => {
    expect(reported('She won the prize for her first novel, which she wrote, edited and printed at home.')).toEqual([]);
    expect(reported('The old plans for the road, which the council opposed, were dropped last week.')).toEqual([]);
  });

  it('but a relative clause ending the sentence with its cue still denies or claims what precedes', () => {
    expect(reported('She now faces charges of fraud, which she denies.')[0]!.texts).toEqual(['She now faces charges of fraud']);
  });

  it('in a name given after a noun', () => {
    expect(reported('The small robot, called Pip, can climb the stairs of an ordinary house.')).toEqual([]);
  });

  it('in a phrase opening with a preposition or a participle, whose last word is a noun', () => {
    expect(reported('The town hall will close in May, under the Smith plans, to save money.')).toEqual([]);
    expect(reported('The town hall will close in May, unveiled in the Smith report, to save money.')).toEqual([]);
  });
});
