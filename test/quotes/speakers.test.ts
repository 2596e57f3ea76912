/**
 * The learned speaker check: training on a tiny hand-made set is
 * deterministic, the file loads back to the same bytes and decisions, the
 * shipped model gives every quote with a speaker a confidence in [0, 1], and
 * the decisions keep what the rules read from a fixed pattern.
 */
import { describe, expect, it } from 'vitest';
import { documentLayers } from '../../src/document/build.js';
import { toRows } from '../../src/datasets/tables.js';
import { extract, runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import { fitPlatt } from '../../src/quotes/learned/linear.js';
import { decide, dot, loadSpeakerModel, rulesOnly, scoreQuery, SpeakerModel, useSpeakerModel, CALIBRATION_FEATURES } from '../../src/quotes/learned/speakers.js';
import { gold } from './helpers.js';
import { fitLogistic, labelArticle, trainRanker, type LabelledQuery } from '../../src/quotes/learned/train-speakers.js';


const SET: { text: string; gold: Parameters<typeof gold>[1][] }[] = [
  { text: 'After meeting Tom Smith in London, Mary Jones said that the plan would fail.', gold: [{ source: 'Mary Jones', cue: 'said', content: 'the plan would fail' }] },
  { text: 'The minister told Peter Brown that taxes would rise next year.', gold: [{ source: 'The minister', cue: 'told', content: 'taxes would rise next year' }] },
  { text: 'Peter Brown, the party chairman, said that the vote in Paris was fair.', gold: [{ source: 'Peter Brown', cue: 'said', content: 'the vote in Paris was fair' }] },
  { text: '“The talks will resume in May,” a spokesman for Acme Corp said.', gold: [{ source: 'a spokesman', cue: 'said', content: 'The talks will resume in May,' }] },
  { text: 'Anna Lee met John Kerry in Rome. He argued that the deal was unfair to workers.', gold: [{ source: 'He', cue: 'argued', content: 'the deal was unfair to workers' }] },
  { text: 'Sarah Green, who spoke to Bob White in Berlin, warned that the river could flood.', gold: [{ source: 'Sarah Green', cue: 'warned', content: 'the river could flood' }] },
];

function labelled(): LabelledQuery[] {
  return SET.flatMap((a, i) => labelArticle(`a${i}`, a.text, a.gold.map((g) => gold(a.text, g))));
}

function train(data: LabelledQuery[], seed: number): SpeakerModel {
  const ranker = trainRanker(data, { epochs: 5, seed, lr: 0.1, l2: 1e-4, maxFeatures: 5000 });
  const params = { margin: 0.5, adopt: 0.5, plattA: 1, plattB: 0 };
  const xs: Float64Array[] = [];
  const ys: boolean[] = [];
  for (const x of data) {
    const d = decide(x.query, scoreQuery(ranker, x.query), params);
    if (d.chosen < 0) continue;
    xs.push(d.z);
    ys.push(x.right[d.chosen] === 1);
  }
  const calibration = fitLogistic(xs, ys, 1);
  const platt = fitPlatt(xs.map((z) => dot(calibration, z)), ys);
  return new SpeakerModel(ranker, calibration, { ...params, plattA: platt.a, plattB: platt.b });
}

describe('speaker model training', () => {
  const data = labelled();
  const model = train(data, 7);
  const bytes = model.toBytes();

  it('labels the candidates of every rule-found quote against the gold source', () => {
    expect(data.length).toBe(SET.length);
    for (const x of data) {
      expect(x.right.length).toBe(x.query.candidates.length);
      expect(x.right.some((r) => r === 1)).toBe(true);
      // Features only where the ranker is consulted: a choice, and a rules' speaker that is not settled.
      if (x.query.candidates.length > 1 && !x.query.settled) for (const c of x.query.candidates) expect(c.feats.length).toBeGreaterThanOrEqual(18);
    }
  });

  it('trains deterministically: the same set and seed give the same bytes', () => {
    const again = train(labelled(), 7).toBytes();
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(model.ranker.size).toBeGreaterThan(0);
    expect(model.calibration.length).toBe(CALIBRATION_FEATURES);
  });

  it('loads back to the same bytes and decisions', () => {
    const loaded = SpeakerModel.fromBytes(bytes);
    expect(Buffer.from(loaded.toBytes()).equals(Buffer.from(bytes))).toBe(true);
    for (const x of data) {
      const a = decide(x.query, scoreQuery(model.ranker, x.query), model.params);
      const b = decide(x.query, scoreQuery(loaded.ranker, x.query), loaded.params);
      expect(b.chosen).toBe(a.chosen);
      expect(loaded.confidence(b.z)).toBeCloseTo(model.confidence(a.z), 5);
    }
  });

  it('rejects a file that is not a speaker model', () => {
    expect(() => SpeakerModel.fromBytes(new Uint8Array(16))).toThrow(/not a speaker model/);
    expect(() => SpeakerModel.fromBytes(bytes.slice(0, bytes.length - 3))).toThrow();
  });
});

describe('speaker_confidence from the shipped model', () => {
  const text =
    'Mary Jones, the finance minister, said on Monday that taxes would rise. “We have no choice,” she told reporters in London. ' +
    'A spokesman for Acme Corp said the company would appeal. The ruling was criticised by Tom Smith.';

  it('is a probability on every quote with a speaker, null without one, in JSON and the quotes table', () => {
    const doc = createDoc({ text });
    runPipeline(doc);
    const quotes = documentLayers(doc).quotes;
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    for (const q of quotes) {
      if (q.speaker) {
        expect(q.speaker_confidence).not.toBeNull();
        expect(q.speaker_confidence!).toBeGreaterThanOrEqual(0);
        expect(q.speaker_confidence!).toBeLessThanOrEqual(1);
      } else expect(q.speaker_confidence).toBeNull();
    }
    const full = extract(text, { sourceIdentity: 'speakers-test.txt' });
    expect(full.quotes.map((q) => q.speaker_confidence)).toEqual(quotes.map((q) => q.speaker_confidence));
    expect(toRows(full).quotes.map((r) => r.speaker_confidence)).toEqual(quotes.map((q) => q.speaker_confidence));
  });

  it('keeps the rules\' speakers when told to, with the same quotes', () => {
    const m = loadSpeakerModel();
    try {
      useSpeakerModel(rulesOnly(m));
      const a = createDoc({ text });
      runPipeline(a);
      useSpeakerModel(m);
      const b = createDoc({ text });
      runPipeline(b);
      expect(a.quotes.map((q) => [q.start, q.end])).toEqual(b.quotes.map((q) => [q.start, q.end]));
    } finally {
      useSpeakerModel(null);
    }
  });
});

describe('the source of "according to"', () => {
  const speakerOf = (text: string) => {
    const doc = createDoc({ text });
    runPipeline(doc, { until: 'quotes' });
    const q = doc.quotes.find((x) => x.cue && text.slice(x.cue.start, x.cue.end).toLowerCase() === 'according to');
    expect(q).toBeTruthy();
    return q!.speaker?.mention ? text.slice(q!.speaker.mention.start, q!.speaker.mention.end) : null;
  };

  it('is the phrase after the cue, never the subject of the words it attributes', () => {
    expect(speakerOf('According to the official statement, Anna Berg met the minister on Monday.')).toBe('the official statement');
    expect(speakerOf('According to some on the board, Anna Berg was “deeply upset” by the move.')).not.toBe('Anna Berg');
    expect(speakerOf('According to several of her aides, Anna Berg was deeply upset by the move.')).toBe('several of her aides');
  });
});
