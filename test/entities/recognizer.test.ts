import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { loadRecognizer } from '../../src/entities/index.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { plainRuns } from '../../src/entities/recognizer.js';
import { viterbi } from '../../src/entities/model.js';
import { EDGE_AFTER, EDGE_BEFORE, featurizer, neighbourIds, Side, tokenInfo, wordContextIds } from '../../src/entities/features.js';

const run = (text: string) => {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  return { ...doc, ...documentLayers(doc) };
};
const find = (doc: ReturnType<typeof run>, name: string) => doc.entities.find((e) => e.name === name);

describe('recogniser', () => {
  it('loads the shipped model', () => {
    const rec = loadRecognizer();
    expect(rec.lexicon.gaz.size).toBeGreaterThan(1000);
    expect(rec.weights.transitions.length).toBe(18 * 17);
  });

  it('finds people, organisations and places in news text', () => {
    const doc = run(
      'German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Tuesday. ' +
        'The two leaders discussed the European Union budget and support for Ukraine. ' +
        'Scholz later told reporters at the Chancellery that NATO must stay united.',
    );
    expect(find(doc, 'Olaf Scholz')?.type).toBe('PERSON');
    expect(find(doc, 'Emmanuel Macron')?.type).toBe('PERSON');
    expect(find(doc, 'Berlin')?.type).toBe('LOCATION');
    expect(find(doc, 'Ukraine')?.type).toBe('LOCATION');
    expect(find(doc, 'European Union')?.type).toBe('ORGANIZATION');
    expect(find(doc, 'NATO')?.type).toBe('ORGANIZATION');
    // The sentence-initial "Scholz" joins the full name.
    expect(find(doc, 'Olaf Scholz')?.aliases).toContain('Scholz');
    expect(find(doc, 'Olaf Scholz')?.mention_count).toBe(2);
    // Sentence-initial function words are never entities.
    expect(doc.entities.map((e) => e.name)).not.toContain('The');
  });

  it('fills mentions with token indices and offsets that match the text', () => {
    const doc = run('Shares of Apple rose in New York after Tim Cook spoke.');
    expect(doc.mentions.length).toBeGreaterThanOrEqual(3);
    for (const m of doc.mentions) {
      const text = doc.text.slice(m.start, m.end);
      expect(doc.tokens[m.tokenStart]!.start).toBe(m.start);
      expect(doc.tokens[m.tokenEnd - 1]!.end).toBe(m.end);
      expect(text.trim()).toBe(text);
    }
    for (const e of doc.entities) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('strips possessives from names', () => {
    const doc = run('Russia’s defence ministry said on Monday that Russia would respond. Iran\'s envoy agreed.');
    const russia = find(doc, 'Russia');
    expect(russia?.type).toBe('LOCATION');
    expect(russia?.mention_count).toBe(2);
    expect(doc.entities.some((e) => /['’]s$/.test(e.name))).toBe(false);
  });

  it('drops forms of address and joins them to the full name', () => {
    const doc = run('Labour leader Tony Blair spoke in London. Mr Blair said the party would win. Ms Jowell agreed with Mr Blair.');
    const blair = find(doc, 'Tony Blair');
    expect(blair?.type).toBe('PERSON');
    expect(blair?.mention_count).toBe(3);
    expect(blair?.roles).toEqual(['Labour leader']);
    expect(doc.entities.some((e) => /^M[rs]\b/.test(e.name))).toBe(false);
  });

  it('types a name after a geographic feature noun as a place, not a building named after one', () => {
    const types = (text: string) => {
      const doc = runPipeline(createDoc({ text }), { until: 'entities' });
      return Object.fromEntries(doc.entities.map((e) => [e.name, e.type]));
    };
    expect(types('The River Avon burst its banks near Bath.')['River Avon']).toBe('LOCATION');
    expect(types('Climbers on Mount Kenya were rescued on Monday.')['Mount Kenya']).toBe('LOCATION');
    expect(types('Students at Lake Forest College protested.')['Lake Forest College']).toBe('ORGANIZATION');
    // Dams, reservoirs, roads and stadiums are places too.
    expect(types('Work on the Harlow Gorge Dam was finished in 2003.')['Harlow Gorge Dam']).toBe('LOCATION');
    expect(types('Fans packed the Fenmoor Stadium on Saturday.')['Fenmoor Stadium']).toBe('LOCATION');
    // A city's name and a word clubs add to it is the club, and its short form joins it; a place of that whole name stays one.
    const clubs = types('Exeter City held the leaders to a draw. Exeter will travel north next. Dundee United lost, and fans flew in from Mexico City.');
    expect([clubs['Exeter City'], clubs['Dundee United'], clubs['Mexico City'], clubs['Exeter']]).toEqual(['ORGANIZATION', 'ORGANIZATION', 'LOCATION', undefined]);
    expect(types('Many families living in Truro City and the villages around it voted.')['Truro City']).toBe('LOCATION');
  });

  it('splits "Given Surname of Organisation" into a person and an organisation', () => {
    const doc = runPipeline(createDoc({ text: 'Alvin Yeung of Civic Party won a seat, and the Bank of America lent money.' }), { until: 'entities' });
    const types = Object.fromEntries(doc.entities.map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ 'Alvin Yeung': 'PERSON', 'Civic Party': 'ORGANIZATION', 'Bank of America': 'ORGANIZATION' });
  });

  it('types a web domain as an organisation and drops a sentence-opening -ly adverb', () => {
    const doc = runPipeline(createDoc({ text: 'CBC.ca reported the story first. Usually Microsoft answers quickly.' }), { until: 'entities' });
    const types = Object.fromEntries(doc.entities.map((e) => [e.name, e.type]));
    expect(types['CBC.ca']).toBe('ORGANIZATION');
    expect(Object.keys(types)).not.toContain('Usually');
  });

  it('types a "place" or "person" named like a newspaper as the outlet, not a person with such a surname', () => {
    const doc = runPipeline(createDoc({ text: 'The Saudi Gazette reported the deal on Monday. The Jakarta Post said it was wrong.' }), { until: 'entities' });
    expect(doc.entities.find((e) => e.name === 'Saudi Gazette')).toMatchObject({ type: 'ORGANIZATION', subtype: 'media' });
    expect(doc.entities.find((e) => e.name === 'Jakarta Post')).toMatchObject({ type: 'ORGANIZATION', subtype: 'media' });
    const press = runPipeline(createDoc({ text: 'Chrysler vice chairman Jim Press said on Monday that he would retire.' }), { until: 'entities' });
    expect(press.entities.find((e) => e.name === 'Jim Press')?.type).toBe('PERSON');
  });

  it('splits a person from the company or portfolio read into the name after "chairman of", "minister of"', () => {
    const doc = runPipeline(createDoc({ text: 'The deal was announced by the chairman of Chrysler LLC Jim Press.' }), { until: 'entities' });
    const types = Object.fromEntries(doc.entities.map((e) => [e.name, e.type]));
    expect(types).toEqual({ 'Chrysler LLC': 'ORGANIZATION', 'Jim Press': 'PERSON' });
  });

  it('ends a company\'s name at its legal form: a given name after it starts a person\'s name, whatever the span', () => {
    const doc = runPipeline(createDoc({ text: 'The head of Ostin Corp Bill Marsh spoke.' }), { until: 'entities' });
    expect(Object.fromEntries(doc.entities.map((e) => [e.name, e.type]))).toEqual({ 'Ostin Corp': 'ORGANIZATION', 'Bill Marsh': 'PERSON' });
  });

  it('handles empty and punctuation-only text', () => {
    expect(run('').entities).toEqual([]);
    expect(run('… — !!').entities).toEqual([]);
  });

  it('stays fast on a long single-line text', () => {
    const text = 'Vladimir Putin met officials in Moscow and Tehran, '.repeat(4000);
    const t = performance.now();
    const doc = run(text);
    expect(doc.entities.length).toBeGreaterThan(0);
    expect(performance.now() - t).toBeLessThan(20000);
  });
});

describe('plainRuns (tokens the model is not consulted for)', () => {
  it('skips lowercase words except before a capitalised word or between two, with compounds glued to them', () => {
    const doc = createDoc({ text: 'The minister said the talks with the Bank of the West in 2024 went well after U.S.-led talks with van Gogh experts.' });
    const skip = plainRuns(doc)!;
    const kept = doc.tokens.filter((_, i) => !skip[i]).map((t) => t.text);
    expect(kept).toEqual(['The', 'the', 'Bank', 'of', 'the', 'West', 'after', 'U.S.', '-', 'led', 'with', 'van', 'Gogh']);
  });

  it('with the lexicon, also skips a first word capitalised only by its position', () => {
    const doc = createDoc({ text: 'The minister said the talks went well. He left. The Hague was next. Apple shares rose.' });
    const skip = plainRuns(doc, loadRecognizer().lexicon)!;
    const kept = doc.tokens.filter((_, i) => !skip[i]).map((t) => t.text);
    expect(kept).not.toContain('He');
    expect(kept.filter((w) => w === 'The')).toEqual(['The']); // "The Hague" keeps its article: a capitalised word follows
    expect(kept).toContain('Apple'); // a name is never a word news text writes lowercase
    expect(run('The minister met Andrew Bailey. He left for London.').entities.map((e) => e.name)).toEqual(['Andrew Bailey', 'London']);
  });

  it('skips numbers, but not one right after a name', () => {
    const doc = createDoc({ text: 'Shares rose 7,000 points in 2024 as the FTSE 100 gained 1.5 percent.' });
    const kept = doc.tokens.filter((_, i) => !plainRuns(doc)![i]).map((t) => t.text);
    expect(kept).not.toContain('7,000');
    expect(kept).not.toContain('1.5');
    expect(kept).toContain('100');
    expect(run('Shares rose in 2024 as the FTSE 100 gained 1.5 percent.').entities.map((e) => e.name)).toContain('FTSE 100');
  });

  it('is off for a text with almost no capitals, where it would hide every name', () => {
    expect(plainRuns(createDoc({ text: 'putin met pezeshkian in ashgabat on friday and talked about the war for an hour.' }))).toBeNull();
  });

  it('never changes what the recogniser finds next to the skipped runs', () => {
    const doc = run('after a long and quiet day of talks about the weather, the officials of the Bank of England met Andrew Bailey.');
    expect(find(doc, 'Bank of England')?.type).toBe('ORGANIZATION');
    expect(find(doc, 'Andrew Bailey')?.type).toBe('PERSON');
  });
});

/** All tokens' features of `doc` (`wordLevel`: with the ids scored once per word form; `skip`: tokens left out). */
const featuresOf = (doc: ReturnType<typeof createDoc>, wordLevel: boolean, skip: Uint8Array | null = null) =>
  featurizer(doc, loadRecognizer().lexicon, tokenInfo(doc), wordLevel, skip)(0, doc.tokens.length);

describe('featurizer with skipped tokens', () => {
  it('gives every scored token exactly the features it gets when nothing is skipped', () => {
    const text =
      'After a long and quiet day of talks about the weather and the harvest in the north, the officials of the Bank of England ' +
      'met Andrew Bailey in London. He said the talks with the minister of the interior had gone on for most of the afternoon.';
    const doc = createDoc({ text });
    const skip = plainRuns(doc)!;
    expect(skip.some((x, i) => x && skip[i - 1] && skip[i - 2] && skip[i + 1] && skip[i + 2])).toBe(true); // some words are never looked up
    const full = featuresOf(doc, true);
    const part = featuresOf(doc, true, skip);
    const ids = (f: typeof full, i: number) => [...f.ids.subarray(f.offsets[i]!, f.offsets[i + 1]!)];
    for (let i = 0; i < doc.tokens.length; i++) {
      if (skip[i]) expect(ids(part, i)).toEqual([]);
      else expect(ids(part, i)).toEqual(ids(full, i));
    }
  });
});

describe('other occurrences of a capitalised word (document context)', () => {
  /** The feature ids of the first "Zorvex" of the text (word-level ids left out, as the recogniser asks). */
  const firstZorvexIds = (text: string) => {
    const doc = createDoc({ text });
    const i = doc.tokens.findIndex((t) => t.text === 'Zorvex');
    const f = featuresOf(doc, false);
    return [...f.ids.subarray(f.offsets[i]!, f.offsets[i + 1]!)];
  };

  it('lend their neighbours to each occurrence, each neighbour id once, from the first twelve occurrences only', () => {
    const base = 'Zorvex opened a plant. Analysts praised Zorvex shares.';
    const ids = firstZorvexIds(base);
    // Another occurrence with new neighbours adds their two ids; one with neighbours already lent adds none.
    expect(firstZorvexIds(`${base} Buyers liked Zorvex bonds.`).length).toBe(ids.length + 2);
    expect(firstZorvexIds(`${base} Analysts praised Zorvex shares.`).length).toBe(ids.length);
    // A different word there lends nothing to "Zorvex".
    expect(firstZorvexIds(`${base} Buyers liked Quindle bonds.`)).toEqual(ids);
    // The neighbours of a thirteenth occurrence are not read.
    const twelve = `${base} ${'Zorvex rose. '.repeat(10)}`;
    expect(firstZorvexIds(`${twelve}Buyers liked Zorvex bonds.`)).toEqual(firstZorvexIds(twelve));
  });
});

describe('features scored once per word form', () => {
  it('are exactly the ids the full feature set has and the per-token set leaves out', () => {
    // The recogniser adds cached per-word scores for these ids (wordRow), so
    // the two sets must partition each token's features: a feature in neither
    // would be lost, one in both counted twice.
    const text =
      'WASHINGTON (Reuters) - Ohio-based KeyCorp said on Monday that John Smith, its chief executive, would leave.\n\n' +
      'SHARES FELL 3 PERCENT IN NEW YORK. "We are sorry," Smith told reporters at the Bank of England.';
    const doc = createDoc({ text });
    const info = tokenInfo(doc);
    const full = featuresOf(doc, true);
    const part = featuresOf(doc, false);
    const words = part.words!;
    const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
    let caps = 0;
    for (const s of doc.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const ctx = info.initial[i]! * 2 + info.capsLine[i]!;
        caps += info.capsLine[i]!;
        const single = [
          ...words[i]!.ids,
          ...wordContextIds(words[i]!, ctx),
          ...neighbourIds(i - 1 >= s.tokenStart ? words[i - 1]! : EDGE_BEFORE, Side.Prev),
          ...neighbourIds(i + 1 < s.tokenEnd ? words[i + 1]! : EDGE_AFTER, Side.Next),
          ...neighbourIds(i - 2 >= s.tokenStart ? words[i - 2]! : EDGE_BEFORE, Side.Prev2),
          ...neighbourIds(i + 2 < s.tokenEnd ? words[i + 2]! : EDGE_AFTER, Side.Next2),
        ];
        const perToken = part.ids.subarray(part.offsets[i]!, part.offsets[i + 1]!);
        expect(sorted([...perToken, ...single])).toEqual(sorted(full.ids.subarray(full.offsets[i]!, full.offsets[i + 1]!)));
      }
    }
    expect(caps).toBeGreaterThan(0); // the caps-line context is exercised too
  });
});

describe('viterbi over the stretches between skipped tokens', () => {
  it('finds the same labels as decoding the whole sentence with those tokens forced to O', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 10 - 5;
    const N = 17;
    for (let trial = 0; trial < 200; trial++) {
      const n = 12;
      const trans = Float32Array.from({ length: (N + 1) * N }, rand);
      const scores = Float32Array.from({ length: n * N }, rand);
      const skipped = [3, 4, 8].filter(() => rand() > -2.5);
      for (const k of skipped) for (let l = 0; l < N; l++) scores[k * N + l] = l === 0 ? 0 : -1e9;
      const whole = new Uint8Array(n);
      viterbi(scores, n, trans, whole);
      const parts = new Uint8Array(n);
      let a = 0;
      while (a < n) {
        if (skipped.includes(a)) {
          a++;
          continue;
        }
        let b = a + 1;
        while (b < n && !skipped.includes(b)) b++;
        viterbi(scores, b - a, trans, parts, a, a * N, a > 0 ? 0 : N, b < n ? 0 : -1);
        a = b;
      }
      expect([...parts]).toEqual([...whole]);
    }
  });
});

describe('document-level typing (harmonize)', () => {
  it('gives a name its majority type, and on a tie the type the gazetteer lists it under', async () => {
    const { harmonize } = await import('../../src/entities/consistency.js');
    const doc = createDoc({ text: 'Sony sold more. Analysts at Sony agreed. Sony said so.' });
    const at = (k: number) => doc.tokens.map((t, i) => (t.text === 'Sony' ? i : -1)).filter((i) => i >= 0)[k]!;
    const span = (k: number, type: number) => ({ start: at(k), end: at(k) + 1, type });
    // 2 ORG (1) against 1 LOC (2): the majority.
    expect(harmonize(doc, [span(0, 1), span(1, 2), span(2, 1)]).map((s) => s.type)).toEqual([1, 1, 1]);
    // 1 against 1: without the lexicon both stay; with it, the gazetteer's organisation wins.
    expect(harmonize(doc, [span(0, 2), span(1, 1)]).map((s) => s.type)).toEqual([2, 1]);
    expect(harmonize(doc, [span(0, 2), span(1, 1)], loadRecognizer().lexicon).map((s) => s.type)).toEqual([1, 1]);
  });
});
