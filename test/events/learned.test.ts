import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorEvents } from '../../src/events/learned/anchoring.js';
import { classifyFactuality } from '../../src/events/learned/factuality.js';
import { wordInfo } from '../../src/events/learned/features.js';
import { LinearModel } from '../../src/events/learned/linear-model.js';
import { detectEventMentions } from '../../src/events/learned/mentions.js';
import { loadEventModels, MENTION_MODEL } from '../../src/events/learned/models.js';
import type { TimeSpan, TokenView } from '../../src/events/learned/tokens.js';
import { alignToTokens, readMeantime, readTimeML, type AlignedText } from '../../src/events/training/corpus.js';
import { anchorData, factualityData, matchSpans, trainAnchors, trainFactuality, trainMentions, wordClasses } from '../../src/events/training/train.js';
import { createDoc } from '../../src/text/create-doc.js';
import { resolveModelPath } from '../../src/models.js';

// A tiny hand-made TimeML set: what train-events does, on data a test can hold.
const tml = (body: string, links = '') =>
  `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-02" functionInDocument="CREATION_TIME">2024-05-02</TIMEX3></DCT><TEXT>${body}</TEXT>${links}</TimeML>`;
const DOCS = [
  tml(
    'Police <EVENT eid="e1" class="OCCURRENCE">arrested</EVENT> a man on <TIMEX3 tid="t1" type="DATE" value="2024-05-01">Wednesday</TIMEX3>, officials <EVENT eid="e2" class="REPORTING">said</EVENT>.',
    '<MAKEINSTANCE eventID="e1" eiid="ei1" polarity="POS"/><MAKEINSTANCE eventID="e2" eiid="ei2" polarity="POS"/>' +
      '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/><TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei2"/>' +
      '<SLINK lid="l3" relType="EVIDENTIAL" eventInstanceID="ei2" subordinatedEventInstance="ei1"/>',
  ),
  tml(
    'The company did not <EVENT eid="e1" class="OCCURRENCE">sell</EVENT> the plant. It may <EVENT eid="e2" class="OCCURRENCE">close</EVENT> the factory.',
    '<MAKEINSTANCE eventID="e1" eiid="ei1" polarity="NEG"/><MAKEINSTANCE eventID="e2" eiid="ei2" polarity="POS" modality="may"/>',
  ),
  tml(
    'The band <EVENT eid="e1" class="I_ACTION">cancelled</EVENT> its <EVENT eid="e2" class="OCCURRENCE">tour</EVENT>. Workers <EVENT eid="e3" class="I_ACTION">plan</EVENT> to <EVENT eid="e4" class="OCCURRENCE">strike</EVENT>.',
    '<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e2" eiid="ei2"/><MAKEINSTANCE eventID="e3" eiid="ei3"/><MAKEINSTANCE eventID="e4" eiid="ei4"/>' +
      '<SLINK lid="l1" relType="MODAL" eventInstanceID="ei3" subordinatedEventInstance="ei4"/>',
  ),
];

const texts = (): AlignedText[] => DOCS.map((x, k) => alignToTokens(readTimeML(x, `doc${k}`, 'timebank')));
const opts = { epochs: 6, seed: 13, maxRows: 5000 };

function trainAll() {
  const t = texts();
  const classes = wordClasses(t);
  const fData = factualityData(t, classes);
  const aData = anchorData(t, classes);
  return {
    texts: t,
    mentions: trainMentions(t, t, opts).model,
    factuality: trainFactuality(fData, fData, opts).model,
    anchors: trainAnchors(aData, aData, opts).model,
  };
}

describe('event corpora (TimeML, MEANTIME)', () => {
  it('reads events, classes, factuality from polarity, modality and SLINKs, and time anchors', () => {
    const [a, b, c] = DOCS.map((x, k) => readTimeML(x, `doc${k}`, 'timebank'));
    expect(a!.events.map((e) => [a!.text.slice(e.start, e.end), e.cls, e.factuality])).toEqual([
      ['arrested', 'OCCURRENCE', 'reported'],
      ['said', 'REPORTING', 'asserted'],
    ]);
    expect(a!.anchors.get('e1')).toBe('t1');
    expect(a!.linkedElsewhere.has('e2')).toBe(true); // linked to the creation time only
    expect(b!.events.map((e) => e.factuality)).toEqual(['negated', 'possible']);
    expect(c!.events.map((e) => e.factuality)).toEqual(['asserted', 'asserted', 'asserted', 'possible']);
    // "cancelled its tour": the cue list marks the tour cancelled where the corpus has no COUNTER_FACTIVE link.
    const t = alignToTokens(c!);
    expect(factualityData([t], wordClasses([t]))[0]!.labels).toEqual(['asserted', 'cancelled', 'asserted', 'possible']);
  });

  it('maps gold spans onto the project tokenizer', () => {
    const t = texts()[0]!;
    expect(t.events.map((e) => t.view.texts.slice(e.start, e.end).join(' '))).toEqual(['arrested', 'said']);
    expect(t.times.map((x) => t.view.texts.slice(x.start, x.end).join(' '))).toEqual(['Wednesday']);
  });

  it('reads MEANTIME: tokens rebuilt into text, annotated sentences, certainty and polarity', () => {
    const xml = `<Document doc_name="x"><token t_id="1" sentence="0" number="0">Apple</token><token t_id="2" sentence="0" number="1">may</token><token t_id="3" sentence="0" number="2">launch</token><token t_id="4" sentence="0" number="3">it</token><token t_id="5" sentence="0" number="4">.</token><token t_id="6" sentence="1" number="5">Ignored</token><Markables><EVENT_MENTION m_id="9" certainty="POSSIBLE" polarity="POS"><token_anchor t_id="3"/></EVENT_MENTION><TIMEX3 m_id="10" type="DATE" value="2008-03-06" functionInDocument="CREATION_TIME"></TIMEX3></Markables></Document>`;
    const m = readMeantime(xml, 'x');
    expect(m.text).toBe('Apple may launch it.\n\nIgnored');
    expect(m.dct).toBe('2008-03-06');
    expect(m.events.map((e) => [m.text.slice(e.start, e.end), e.factuality])).toEqual([['launch', 'possible']]);
    const t = alignToTokens(m);
    expect([...t.annotated]).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('scores spans strictly and relaxed, one to one', () => {
    const s = matchSpans([{ start: 1, end: 2 }, { start: 4, end: 6 }], [{ start: 1, end: 2 }, { start: 5, end: 6 }, { start: 8, end: 9 }]);
    expect(s).toEqual({ gold: 2, system: 3, strict: 1, relaxed: 2 });
  });
});

describe('training the event models (npm run train:events, on a tiny set)', () => {
  it('is deterministic for a seed: the model files are the same byte for byte', () => {
    const a = trainAll();
    const b = trainAll();
    for (const k of ['mentions', 'factuality', 'anchors'] as const) expect(Buffer.compare(a[k].toBuffer(), b[k].toBuffer())).toBe(0);
  });

  it('writes model files that load back with the same scores', () => {
    const m = trainAll();
    for (const k of ['mentions', 'factuality', 'anchors'] as const) {
      const loaded = LinearModel.fromBuffer(m[k].toBuffer(), m[k].magic);
      expect(loaded.rows).toBe(m[k].rows);
      const ids = [1, 2, 3, 12345, 0xdeadbeef];
      expect([...loaded.scores(ids)]).toEqual([...m[k].scores(ids)]);
    }
    expect(() => LinearModel.fromBuffer(m.mentions.toBuffer(), 'EVF1')).toThrow(/not a EVF1 model/);
  });

  it('learns its training set: mentions, factuality and anchors', () => {
    const m = trainAll();
    const t = m.texts;
    for (const x of t) expect(detectEventMentions(m.mentions, x.view).map((e) => [e.start, e.end])).toEqual(x.events.map((e) => [e.start, e.end]));
    const classes = wordClasses(t);
    for (const d of factualityData(t, classes)) expect(classifyFactuality(m.factuality, d.text.view, d.events)).toEqual(d.labels);
    const first = t[0]!;
    const events = detectEventMentions(m.mentions, first.view);
    expect(anchorEvents(m.anchors, first.view, events, first.times)).toEqual([0, -1]);
  });
});

const shipped = (() => {
  try {
    return existsSync(resolveModelPath(MENTION_MODEL.file));
  } catch {
    return false;
  }
})();

describe.skipIf(!shipped)('the shipped event models (models/event-*.bin)', () => {
  const view = (text: string): TokenView & { times: (w: string) => TimeSpan } => {
    const doc = createDoc({ text });
    const texts = doc.tokens.map((t) => t.text);
    return {
      texts,
      sentence: doc.tokens.map((t) => t.sentence),
      times: (w: string) => {
        const i = texts.indexOf(w);
        return { start: i, end: i + 1, type: 'DATE' };
      },
    };
  };
  const words = (v: TokenView, spans: Array<{ start: number; end: number }>) => spans.map((s) => v.texts.slice(s.start, s.end).join(' '));

  it('finds verbal and nominal events, not names or function words', () => {
    const { mentions } = loadEventModels();
    const v = view('The protest began after police arrested two students in Tehran. The election was held on Sunday.');
    const found = words(v, detectEventMentions(mentions, v));
    expect(found).toEqual(expect.arrayContaining(['protest', 'arrested', 'election']));
    for (const w of ['The', 'police', 'two', 'Tehran', 'on', 'Sunday']) expect(found).not.toContain(w);
  });

  it('tells asserted, negated, possible and reported events apart', () => {
    const { mentions, factuality } = loadEventModels();
    const v = view('The army attacked the town. The army did not attack the city. The army may attack the port. The army will bomb the port, officials said.');
    const events = detectEventMentions(mentions, v);
    const f = classifyFactuality(factuality, v, events);
    const of = (w: string) => f[events.findIndex((e) => v.texts[e.start] === w)];
    expect(of('attacked')).toBe('asserted');
    expect(of('attack')).toBe('negated');
    expect(f[events.findIndex((e, k) => v.texts[e.start] === 'attack' && k > 1)]).toBe('possible');
    expect(of('bomb')).toBe('reported');
  });

  it('dates a reporting verb by its own time, not by a date inside what was said', () => {
    const { mentions, anchors } = loadEventModels();
    const v = view('On Tuesday the minister said the plant closed in 2005.');
    const events = detectEventMentions(mentions, v);
    const times = [v.times('Tuesday'), v.times('2005')];
    const chosen = anchorEvents(anchors, v, events, times, wordInfo(v));
    const at = (w: string) => chosen[events.findIndex((e) => v.texts[e.start] === w)];
    expect(at('said')).toBe(0);
    expect(at('closed')).toBe(1);
  });

  it('scores a sentence the same after one article brought more word forms than the form table holds', () => {
    const { mentions, factuality } = loadEventModels();
    const s = 'The army did not attack the city, but police arrested two students.';
    const alone = view(s);
    const before = detectEventMentions(mentions, alone);
    const beforeFactuality = classifyFactuality(factuality, alone, before);
    // 150,000 distinct forms (the table starts with 131,072 slots and grows at half full), then the same sentence.
    const filler = Array.from({ length: 150_000 }, (_, k) => `w${k.toString(36)}`);
    const big: TokenView = { texts: [...filler, '.', ...alone.texts], sentence: [...filler.map(() => 0), 0, ...Array.from(alone.sentence, (x) => x + 1)] };
    const shift = filler.length + 1;
    const after = detectEventMentions(mentions, big).filter((e) => e.start >= shift);
    expect(after.map((e) => ({ ...e, start: e.start - shift, end: e.end - shift, margin: +e.margin.toFixed(4) }))).toEqual(before.map((e) => ({ ...e, margin: +e.margin.toFixed(4) })));
    const all = detectEventMentions(mentions, big);
    expect(classifyFactuality(factuality, big, all).slice(all.length - after.length)).toEqual(beforeFactuality);
    // And the next article still finds its forms.
    expect(detectEventMentions(mentions, view(s))).toEqual(before);
  });
});
