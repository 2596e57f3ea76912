/**
 * The learned cue detector and reported-speech content tagger: training on a
 * tiny hand-made set is deterministic and the file loads back to the same
 * bytes; the folded run-time score equals the trained model's; and with the
 * shipped model, reported speech whose cue the rules do not know is found,
 * while negated cues still give none.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/quotes/context.js';
import { clauseAfter, CONTENT_FEATURES, contentFeatureRows, contentScores, contentWindow, CUE_FEATURES, cueFeatures, CueModel, detectCues, loadCueModel, useCueModel } from '../../src/quotes/learned/reported.js';
import { prepareArticle, trainCueModel, CUE_TRAIN_DEFAULTS } from '../../src/quotes/learned/train-cues.js';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { gold, quotesOf, type EntitySpec } from './helpers.js';
import { looksLikeClause, reviewTrace } from '../../src/quotes/review.js';


const SET: { text: string; gold: Parameters<typeof gold>[1][] }[] = [
  { text: 'Mary Jones argued the plan would fail. She argued it twice.', gold: [{ source: 'Mary Jones', cue: 'argued', content: 'the plan would fail' }] },
  { text: 'The minister warned taxes would rise next year.', gold: [{ source: 'The minister', cue: 'warned', content: 'taxes would rise next year' }] },
  { text: 'Peter Brown warned that the vote was unfair. The dog warned nobody.', gold: [{ source: 'Peter Brown', cue: 'warned', content: 'the vote was unfair' }] },
  { text: 'Anna Lee argued that the deal was bad for workers.', gold: [{ source: 'Anna Lee', cue: 'argued', content: 'the deal was bad for workers' }] },
];

function articles() {
  return SET.map((a, i) => prepareArticle(`a${i}`, a.text, a.gold.map((g) => gold(a.text, g))));
}

describe('cue model training', () => {
  const opts = { ...CUE_TRAIN_DEFAULTS, minShare: 0.05 };
  const model = trainCueModel(articles(), opts);
  const bytes = model.toBytes();

  it('is deterministic: the same data and options give the same bytes', () => {
    expect(Buffer.from(trainCueModel(articles(), opts).toBytes()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('loads back to the same bytes and parameters', () => {
    const back = CueModel.fromBytes(bytes);
    expect(Buffer.from(back.toBytes()).equals(Buffer.from(bytes))).toBe(true);
    expect(back.params).toEqual(model.params);
    expect(back.vocabulary).toEqual(model.vocabulary);
  });

  it('learns its vocabulary from the words inside gold cues', () => {
    expect(model.vocabulary).toEqual(expect.arrayContaining(['argued', 'warned']));
  });
});

describe('shipped cue model', () => {
  const model = loadCueModel();

  it('scores a token with its folded weights exactly as with its features', () => {
    const doc = createDoc({ text: 'Officials said on Monday the talks, which began in May, had stalled. Critics argued otherwise.' });
    runPipeline(doc, { until: 'marks' });
    const ctx = buildContext(doc);
    const buf = new Uint32Array(CUE_FEATURES);
    let scored = 0;
    for (let k = 0; k < ctx.lower.length; k++) {
      const i = model.kinds.get(ctx.lower[k]!);
      if (i === undefined || i < 0) continue;
      cueFeatures(ctx, k, buf);
      expect(model.fastCueScore(ctx, k, i)).toBeCloseTo(model.cue.score(buf), 4);
      scored++;
    }
    expect(scored).toBeGreaterThan(0);
  });

  it('scores content tokens from its small tables exactly as from their feature rows', () => {
    const doc = createDoc({ text: 'The mayor said that the plan, which costs “too much”, would fail, and critics agreed. He argued it had worked.' });
    runPipeline(doc, { until: 'marks' });
    const ctx = buildContext(doc);
    let compared = 0;
    for (let ce = 1; ce < ctx.lower.length; ce++) {
      const to = contentWindow(ctx, ce);
      if (to <= ce) continue;
      const rows = new Uint32Array((to - ce) * CONTENT_FEATURES);
      contentFeatureRows(ctx, model, ce, to, rows);
      const fast = new Float64Array(to - ce);
      contentScores(ctx, model, ce, to, 0.25, fast);
      for (let t = 0; t < to - ce; t++) {
        // The same weights summed in the same order: the same number, bit for bit.
        expect(fast[t]).toBe(model.content.score(rows, t * CONTENT_FEATURES, (t + 1) * CONTENT_FEATURES) + 0.25);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('bounds a score by the floor only when the look-ahead cannot lift it above', () => {
    const doc = createDoc({ text: 'Polls show most voters are angry. Officials reported investigators examined emails. The show went on.' });
    runPipeline(doc, { until: 'marks' });
    const ctx = buildContext(doc);
    for (let k = 0; k < ctx.lower.length; k++) {
      const i = model.kinds.get(ctx.lower[k]!);
      if (i === undefined || i < 0) continue;
      const exact = model.fastCueScore(ctx, k, i);
      for (const floor of [exact - 1, exact + 0.5, exact + 50]) {
        const bounded = model.fastCueScore(ctx, k, i, undefined, floor);
        if (bounded > floor) expect(bounded).toBeCloseTo(exact, 6);
        else expect(exact).toBeLessThanOrEqual(floor + 1e-9);
      }
    }
  });

  it('reads whether a clause follows a cue word from the words after it', () => {
    const doc = createDoc({ text: 'Polls show most voters are angry. Officials reported investigators examined emails. Polls show the way.' });
    runPipeline(doc, { until: 'marks' });
    const ctx = buildContext(doc);
    const at = (w: string, from = 0) => ctx.lower.indexOf(w, from);
    expect(clauseAfter(ctx, at('show'))).toBe(1); // "are": an auxiliary
    expect(clauseAfter(ctx, at('reported'))).toBe(2); // "examined": a past form
    expect(clauseAfter(ctx, at('show', at('emails')))).toBe(0); // "the way": no verb before the full stop
  });

  it('reads a present in -s after a subject pronoun as a clause, not a plural noun after a determiner', () => {
    const doc = createDoc({ text: 'He asked if that remains his view. She asked about the remains of his views.' });
    runPipeline(doc, { until: 'marks' });
    const ctx = buildContext(doc);
    const that = ctx.lower.indexOf('that');
    expect(looksLikeClause(ctx, that, that + 4)).toBe(true); // "that remains his view"
    const the = ctx.lower.indexOf('the');
    expect(looksLikeClause(ctx, the, the + 5)).toBe(false); // "the remains of his views"
  });

  it('detects no cue inside quotation marks', () => {
    const doc = createDoc({ text: 'She said: “Officials said the talks had stalled.”' });
    runPipeline(doc, { until: 'marks' });
    const ctx = buildContext(doc);
    for (const c of detectCues(model, ctx).cues) expect(ctx.quoteOf[c.tokenStart]).toBe(-1);
  });
});

describe('learned reported speech in the quotation stage', () => {
  const PARK: EntitySpec = { name: 'Ellen Park', type: 'PERSON', aliases: ['Park'] };
  // ("is convinced that" served here until quotes13, when stance adjectives after "be" became a rule: lexicon.ts.)
  const text = 'Ellen Park is persuaded that voters will reward the party in November.';

  it('finds reported speech with a cue the rules miss, with the rules’ speaker and without the complementiser', () => {
    const qs = quotesOf(text, [PARK]);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.kind).toBe('indirect');
    expect(qs[0]!.text).toBe('voters will reward the party in November');
    expect(qs[0]!.cue?.text).toBe('persuaded');
    expect(qs[0]!.speaker?.name).toBe('Ellen Park');
    expect(qs[0]!.speaker_confidence).toBeGreaterThan(0.5);
  });

  it('is the learned detector’s: without additions the rules find nothing there', () => {
    useCueModel(loadCueModel().withParams({ add: Infinity }));
    try {
      expect(quotesOf(text, [PARK])).toHaveLength(0);
    } finally {
      useCueModel(null);
    }
  });

  it('gives no reported speech for negated cues', () => {
    for (const t of [
      'Ellen Park is not convinced that voters will reward the party in November.',
      'Ellen Park was never convinced that voters would reward the party in November.',
    ]) {
      expect(quotesOf(t, [PARK]).filter((q) => q.kind === 'indirect')).toEqual([]);
    }
  });

  it('adds nothing where the word can only be a noun: after a determiner or a preposition, or "there are"', () => {
    for (const t of [
      'There are also concerns about the number of workers from eastern European countries.',
      'The Australian government is in talks about whether to allow Singapore Airlines to fly the route.',
    ]) {
      expect(quotesOf(t, []).filter((q) => q.kind === 'indirect')).toEqual([]);
    }
  });

  it('adds nothing inside quotation marks or where the rules found speech', () => {
    const qs = quotesOf('Park said: “The voters are convinced that the party will win in November.”', [PARK]);
    expect(qs.map((q) => q.kind)).toEqual(['direct']);
  });
});

describe('learned reported speech: bare objects of verbs of saying and attitude (clause 2)', () => {
  const HALIFAX: EntitySpec = { name: 'Halifax', type: 'ORGANIZATION' };
  const AIRBUS: EntitySpec[] = [{ name: 'Airbus', type: 'ORGANIZATION' }, { name: 'Boeing', type: 'ORGANIZATION' }];
  const indirect = (text: string, specs: EntitySpec[] = []) => quotesOf(text, specs).filter((q) => q.kind === 'indirect').map((q) => q.text);
  const withParams = <T>(p: Parameters<CueModel['withParams']>[0], f: () => T): T => {
    useCueModel(loadCueModel().withParams(p));
    try {
      return f();
    } finally {
      useCueModel(null);
    }
  };

  it('the shipped model adds reported speech whose verb is an irregular past', () => {
    // "rose": no auxiliary, no -ed, but a past form all the same.
    expect(indirect('Halifax said prices rose by 3% in the month.', [HALIFAX])).toEqual(['prices rose by 3% in the month']);
  });

  it('an irregular past reads as a clause; a bare object of a verb of attitude needs clause 2', () => {
    // (Which the shipped model uses is chosen on the held-out slice: clause 1 since 2026-12-06's fifth session.)
    withParams({ clause: 1 }, () => {
      expect(indirect('Halifax said prices rose by 3% in the month.', [HALIFAX])).toEqual(['prices rose by 3% in the month']);
      expect(indirect('Airbus and Boeing accuse each other of benefiting from illegal subsidies.', AIRBUS)).toEqual([]);
    });
    withParams({ clause: 1, accept: -Infinity, minSpeaker: 0 }, () => {
      expect(indirect('Airbus and Boeing accuse each other of benefiting from illegal subsidies.', AIRBUS)).toEqual([]);
    });
    // (The other thresholds are the held-out slice's choice too, and move with each retrain: this tests the clause test alone.)
    withParams({ clause: 2, accept: -Infinity, minSpeaker: 0 }, () => {
      expect(indirect('Airbus and Boeing accuse each other of benefiting from illegal subsidies.', AIRBUS)).toEqual(['each other of benefiting from illegal subsidies']);
    });
  });

  it('takes no bare object after "said": "said the word twice" is no speech reported', () => {
    const wide = { detect: -99, add: -99, accept: -Infinity, minSpeaker: 0 };
    withParams({ ...wide, clause: 0 }, () => expect(indirect('Smith said the word twice before leaving.', [{ name: 'John Smith', type: 'PERSON', aliases: ['Smith'] }])).toHaveLength(1));
    withParams({ ...wide, clause: 2 }, () => expect(indirect('Smith said the word twice before leaving.', [{ name: 'John Smith', type: 'PERSON', aliases: ['Smith'] }])).toEqual([]));
  });

  it('takes no bare object after an inverted or passive verb, nor one opening with a preposition', () => {
    const junk = [
      'The share of surfers using Explorer has dropped to below 90%, say web analysts.',
      'GDP is expected at 3.2% in 2004.',
    ];
    // (Since quotes36 the rules read this one as a trailing attribution; the object "at the …" is still never content.)
    const trailing = 'Sales totalled 3.9 million units, the company said at the Detroit Motor Show.';
    // Every detected cue tried and every candidate accepted: only the candidate generation decides.
    const wide = { detect: -99, add: -99, accept: -Infinity, minSpeaker: 0 };
    withParams({ ...wide, clause: 0 }, () => {
      for (const t of junk) expect(indirect(t)).toHaveLength(1);
    });
    withParams({ ...wide, clause: 2 }, () => {
      for (const t of junk) expect(indirect(t)).toEqual([]);
      expect(indirect(trailing)).toEqual(['Sales totalled 3.9 million units']);
      expect(indirect('Halifax said prices rose by 3% in the month.', [HALIFAX])).toEqual(['prices rose by 3% in the month']);
    });
  });

  it('reports what became of each detected cue to the analysis hook', () => {
    const seen: string[] = [];
    reviewTrace.fn = (_cs, _ce, _score, outcome) => seen.push(outcome);
    try {
      quotesOf('Ellen Park is persuaded that voters will reward the party in November.', [{ name: 'Ellen Park', type: 'PERSON' }]);
    } finally {
      reviewTrace.fn = null;
    }
    expect(seen).toContain('added');
  });
});
