import { describe, expect, it } from 'vitest';
import { nameFilter } from '../../src/entities/training/names.js';
import { decodeSpans } from '../../src/entities/labels.js';
import { buildLexicon, decodeLexicon, encodeLexicon, HashTable, type LexiconFile } from '../../src/entities/lexicon.js';
import { CompactModel, viterbi } from '../../src/entities/model.js';
import { goldDoc, type TaggedSentence } from '../../src/entities/training/corpus.js';
import { toTraining } from '../../src/entities/training/examples.js';
import { meanWeights, PerceptronTrainer, prng, quantise } from '../../src/entities/training/perceptron.js';

// A tiny hand-made training set: what train-ner does, on data a test can hold.
const lexFile: LexiconFile = {
  caps: [['the', 'said', 'in'], [], [], [], ['paris', 'moscow', 'putin']],
  gazetteer: { PER: ['Vladimir Putin'], ORG: ['United Nations'], LOC: ['Paris', 'Moscow'], MISC: ['Russian'] },
  firstNames: ['Vladimir', 'Anna'],
  lastNames: ['Putin', 'Novak'],
  titles: { heads: ['president'], modifiers: ['russian'] },
  clusters: [['moscow', 'paris'], ['said', 'works']],
  nameEnds: { PER: [], ORG: ['nations'], LOC: [], MISC: [] },
  nameStarts: { PER: ['vladimir'], ORG: ['united'], LOC: [], MISC: [] },
};
const tagged = (line: string): TaggedSentence => {
  const pairs = line.split(' ').map((p) => p.split('/'));
  return { words: pairs.map((p) => p[0]!), tags: pairs.map((p) => p[1] ?? 'O') };
};
const SENTENCES = [
  'Vladimir/B-PER Putin/I-PER met/O officials/O in/O Moscow/B-LOC ./O',
  'The/O United/B-ORG Nations/I-ORG said/O Russian/B-MISC troops/O left/O Paris/B-LOC ./O',
  'Anna/B-PER Novak/I-PER works/O for/O the/O United/B-ORG Nations/I-ORG in/O Paris/B-LOC ./O',
  'Putin/B-PER said/O the/O Russian/B-MISC economy/O grew/O ./O',
].map(tagged);

function train(seed: number) {
  const lex = buildLexicon(lexFile);
  const examples = SENTENCES.map((s) => goldDoc([s])).flatMap((gd) => toTraining(gd, lex));
  const order = prng(seed);
  const trainer = new PerceptronTrainer();
  for (let epoch = 0; epoch < 8; epoch++) {
    const idx = examples.map((_, k) => k).sort(() => order() - 0.5);
    for (const k of idx) trainer.learn(examples[k]!);
  }
  return { model: quantise(meanWeights([trainer.averaged()]), 10000), examples };
}

describe('training (npm run train:ner, on a tiny set)', () => {
  it('is deterministic for a seed: the model file is the same byte for byte', () => {
    expect(Buffer.compare(train(13).model.toBuffer(), train(13).model.toBuffer())).toBe(0);
  });

  it('writes a model file that loads back with the same weights', () => {
    const { model, examples } = train(13);
    const loaded = CompactModel.fromBuffer(model.toBuffer());
    expect([...loaded.transitions]).toEqual([...model.transitions]);
    for (const ex of examples) {
      const a = new Float32Array(17);
      const b = new Float32Array(17);
      model.addScores(ex.ids, 0, ex.ids.length, a, 0);
      loaded.addScores(ex.ids, 0, ex.ids.length, b, 0);
      expect([...b]).toEqual([...a]);
    }
  });

  it('prunes the rows with the smallest largest weight, keeping the others exactly', () => {
    const { model } = train(13);
    const rowsOf = (m: CompactModel) => {
      const out = new Map<number, { norm: number; weights: number[]; scale: number }>();
      for (let s = 0; s < m.slotKeys.length; s++) {
        if (m.slotKeys[s] === 0) continue;
        const weights = [...m.slotWeights.subarray(s * 17, (s + 1) * 17)];
        out.set(m.slotKeys[s]!, { norm: Math.fround(Math.max(...weights.map(Math.abs)) * m.slotScales[s]!), weights, scale: m.slotScales[s]! });
      }
      return out;
    };
    const all = rowsOf(model);
    const half = model.pruned(0.5);
    const kept = rowsOf(half);
    expect(half.rows).toBe(kept.size);
    expect(kept.size).toBeGreaterThanOrEqual(Math.ceil(all.size / 2));
    expect(kept.size).toBeLessThan(all.size);
    // Every kept row is unchanged, and no dropped row outweighs a kept one.
    const minKept = Math.min(...[...kept.values()].map((r) => r.norm));
    for (const [key, row] of all) {
      const k = kept.get(key);
      if (k) expect(k).toEqual(row);
      else expect(row.norm).toBeLessThan(minKept);
    }
    expect([...half.transitions]).toEqual([...model.transitions]);
    // Deterministic, and nothing is dropped at 0.
    expect(Buffer.from(model.pruned(0.5).toBuffer())).toEqual(Buffer.from(half.toBuffer()));
    expect(model.pruned(0).rows).toBe(model.rows);
  });

  it('learns its training sentences', () => {
    const { model, examples } = train(13);
    for (const ex of examples) {
      const n = ex.gold.length;
      const scores = new Float32Array(n * 17);
      for (let i = 0; i < n; i++) model.addScores(ex.ids, ex.offsets[i]!, ex.offsets[i + 1]!, scores, i * 17);
      const labels = new Uint8Array(n);
      viterbi(scores, n, model.transitions, labels);
      expect(decodeSpans(labels)).toEqual(decodeSpans(ex.gold));
    }
  });

  it('writes a lexicon file that loads back with the same tables', () => {
    const built = buildLexicon(lexFile);
    const { lexicon, titles } = decodeLexicon(encodeLexicon(lexFile));
    expect(titles).toEqual(lexFile.titles);
    expect(lexicon.gazMaxLen).toBe(built.gazMaxLen);
    for (const key of ['caps', 'gaz', 'gazPrefixes', 'firstNames', 'lastNames', 'clusters', 'nameEnds', 'nameStarts'] as const) {
      const table = built[key] as Map<number, number>;
      expect(lexicon[key].size, key).toBe(table.size);
      for (const [k, v] of table) expect(lexicon[key].get(k), key).toBe(v);
    }
    expect(HashTable.from([[7, 1]]).get(8)).toBeUndefined();
  });
});

describe('name-list filter (npm run train:ner --name-filter)', () => {
  it('keeps a word news text mostly writes lowercase out of the name lists, and role words out of the given names', () => {
    const keep = nameFilter(new Set(['the', 'young']), new Set(['governor']));
    expect([keep.given('The'), keep.given('Governor'), keep.given('Aretha')]).toEqual([false, false, true]);
    expect([keep.surname('Young'), keep.surname('Governor'), keep.surname('Franklin')]).toEqual([false, true, true]);
  });
});
