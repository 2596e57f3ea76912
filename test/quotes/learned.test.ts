/**
 * The learned quotation models: training on a tiny hand-made set is
 * deterministic, the file loads back to the same bytes and decisions, and the
 * pieces the decisions rest on (negation, span decoding, calibration) behave.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { viewOfDoc } from '../../src/quotes/learned/input.js';
import { fitPlatt, applyPlatt } from '../../src/quotes/learned/linear.js';
import { bestRun, contentOf, detectCues, isNegated, QuoteModels, rankSpeakers } from '../../src/quotes/learned/model.js';
import type { GoldAttribution, Range } from '../../src/quotes/learned/polnear.js';
import { prepareArticle, trainModels } from '../../src/quotes/learned/training.js';

/** An attribution given by its words: each must occur once in the text (after `from`). */
function gold(text: string, parts: { source?: string; cue: string; content: string }): GoldAttribution {
  const at = (s: string): Range[] => {
    const i = text.indexOf(s);
    if (i < 0) throw new Error(`"${s}" not in "${text}"`);
    return [[i, i + s.length]];
  };
  return { source: parts.source ? at(parts.source) : [], cue: at(parts.cue), content: at(parts.content), quoted: false };
}

const SET: { text: string; gold: Parameters<typeof gold>[1][] }[] = [
  { text: 'Mary Jones said the plan would fail.', gold: [{ source: 'Mary Jones', cue: 'said', content: 'the plan would fail' }] },
  { text: 'The minister told reporters that taxes would rise next year.', gold: [{ source: 'The minister', cue: 'told', content: 'taxes would rise next year' }] },
  { text: 'Peter Brown, the party chairman, said the vote was fair.', gold: [{ source: 'Peter Brown', cue: 'said', content: 'the vote was fair' }] },
  { text: 'The talks will resume in May, a spokesman said.', gold: [{ source: 'a spokesman', cue: 'said', content: 'The talks will resume in May' }] },
  { text: 'He argued that the deal was unfair to workers.', gold: [{ source: 'He', cue: 'argued', content: 'the deal was unfair to workers' }] },
  { text: 'According to the report, prices rose sharply.', gold: [{ source: 'the report', cue: 'According to', content: 'prices rose sharply' }] },
  { text: 'The company said profits fell. Shares dropped on Monday.', gold: [{ source: 'The company', cue: 'said', content: 'profits fell' }] },
  { text: 'Sarah Green warned that the river could flood.', gold: [{ source: 'Sarah Green', cue: 'warned', content: 'the river could flood' }] },
];

function articles() {
  return SET.map((a, i) => prepareArticle(`a${i}`, a.text, a.gold.map((g) => gold(a.text, g))));
}

describe('learned quotation models', () => {
  const arts = articles();
  const first = trainModels(arts, 5, 7);
  const bytes = first.toBytes();

  it('trains deterministically: the same set and seed give the same bytes', () => {
    const again = trainModels(articles(), 5, 7).toBytes();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const otherSeed = trainModels(articles(), 5, 8).toBytes();
    expect(otherSeed.length).toBeGreaterThan(0); // a different seed may or may not differ; it must still train
  });

  it('loads back to the same bytes, tables and decisions', () => {
    const loaded = QuoteModels.fromBytes(bytes);
    expect(Buffer.from(loaded.toBytes()).equals(Buffer.from(bytes))).toBe(true);
    expect([...loaded.cueVocab]).toEqual([...first.cueVocab]);
    expect(loaded.cue.size).toBe(first.cue.size);
    const view = arts[0]!.view;
    expect(detectCues(loaded, view)).toEqual(detectCues(first, view));
  });

  it('learns its sentences: the cue, the reported content and the speaker', () => {
    const m = QuoteModels.fromBytes(bytes);
    const view = arts[0]!.view; // Mary Jones said the plan would fail.
    const cues = detectCues(m, view);
    expect(cues.map((c) => view.texts.slice(c.tokenStart, c.tokenEnd).join(' '))).toEqual(['said']);
    const content = contentOf(m, view, cues[0]!);
    expect(content.right && view.texts.slice(content.right.tokenStart, content.right.tokenEnd).join(' ')).toBe('the plan would fail');
    const sp = rankSpeakers(m, view, cues[0]!);
    expect(sp.best).toBeGreaterThanOrEqual(0);
    const c = sp.candidates[sp.best]!;
    expect(view.texts.slice(c.tokenStart, c.tokenEnd).join(' ')).toBe('Mary Jones');
    expect(sp.probability).toBeGreaterThan(0);
    expect(sp.probability).toBeLessThanOrEqual(1);
  });

  it('rejects a file that is not a quotation model', () => {
    expect(() => QuoteModels.fromBytes(new Uint8Array(16))).toThrow(/not a quotation model/);
    const cut = bytes.slice(0, bytes.length - 3);
    expect(() => QuoteModels.fromBytes(cut)).toThrow();
  });
});

describe('negated and refused speech', () => {
  const cueIn = (text: string, word: string) => {
    const doc = createDoc({ text });
    const view = viewOfDoc(doc);
    const k = view.lower.indexOf(word);
    return isNegated(view, { tokenStart: k, tokenEnd: k + 1 });
  };
  it('marks "did not say", "would not confirm", "declined to comment", "never said" as negated', () => {
    expect(cueIn('Marsh did not say when the talks would end.', 'say')).toBe(true);
    expect(cueIn('It would not confirm that Sizzla was among them.', 'confirm')).toBe(true);
    expect(cueIn('The ministry declined to comment on the report.', 'comment')).toBe(true);
    expect(cueIn("He didn't say whether he would run.", 'say')).toBe(true);
    expect(cueIn('She has never said that in public.', 'said')).toBe(true);
  });
  it('leaves plain and contrastive cues alone', () => {
    expect(cueIn('Marsh said the talks would end.', 'said')).toBe(false);
    expect(cueIn('Obama, not Clinton, said the talks would end.', 'said')).toBe(false);
    expect(cueIn('He said he would not run.', 'said')).toBe(false);
  });
});

describe('span decoding and calibration', () => {
  it('bestRun finds the maximum-sum contiguous run, or none', () => {
    expect(bestRun([-1, 2, 3, -10, 4], 0, 5)).toEqual({ start: 1, end: 3, sum: 5 });
    expect(bestRun([-1, -2], 0, 2)).toBeNull();
    expect(bestRun([1, -1, 5], 1, 3)).toEqual({ start: 2, end: 3, sum: 5 });
  });
  it('fitPlatt maps higher scores to higher probabilities that match observed rates', () => {
    // Scores 0..99; the chance of being right rises with the score.
    const xs: number[] = [];
    const ys: boolean[] = [];
    for (let i = 0; i < 1000; i++) {
      const x = (i * 37) % 100;
      xs.push(x);
      ys.push((i * 7919) % 100 < x);
    }
    const p = fitPlatt(xs, ys);
    expect(p.a).toBeGreaterThan(0);
    expect(applyPlatt(p, 90)).toBeGreaterThan(applyPlatt(p, 10));
    const mean = xs.reduce((s, x) => s + applyPlatt(p, x), 0) / xs.length;
    const observed = ys.filter(Boolean).length / ys.length;
    expect(Math.abs(mean - observed)).toBeLessThan(0.02);
  });
});
