/**
 * Participants and coreference learned from MEANTIME (issue 12, points 4 and 5): the stage keeps every trigger of
 * a merged event in its output, the learned decisions stay inside the rules that are simply right, and training is
 * deterministic. (Accuracy is measured by `npm run train:event-links` and `npm run eval:events`, not asserted here.)
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashString } from '../../src/entities/hash.js';
import { toRows } from '../../src/datasets/tables.js';
import { documentLayers } from '../../src/document/build.js';
import { LinearModel } from '../../src/events/learned/linear-model.js';
import { PARTICIPANT_LABELS } from '../../src/events/participants.js';
import { bestThreshold, defaultLinkOptions, pruneRare, readLinkDocs, trainLinkModels, withLinkModels } from '../../src/events/training/links.js';
import { extract, runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import { oracleEntities, type NamedThing } from './oracle-entities.js';

const THINGS: NamedThing[] = [
  { name: 'Vladimir Putin', type: 'PERSON', aliases: ['Putin'] },
  { name: 'Masoud Pezeshkian', type: 'PERSON', aliases: ['Pezeshkian'] },
  { name: 'John Smith', type: 'PERSON', aliases: ['Smith'] },
  { name: 'Ashgabat', type: 'LOCATION', subtype: 'city' },
  { name: 'Iran', type: 'LOCATION', subtype: 'country' },
  { name: 'Russia', type: 'LOCATION', subtype: 'country' },
  { name: 'Acme Holdings', type: 'ORGANIZATION', aliases: ['Acme'] },
  { name: 'Mary Jones', type: 'PERSON', aliases: ['Jones'] },
  { name: 'Borex', type: 'ORGANIZATION' },
];

function events(text: string) {
  const doc = createDoc({ text, publishedAt: '2024-10-14' });
  doc.entities = oracleEntities(doc, THINGS);
  runPipeline(doc, { disable: ['entities'], given: ['entities'] });
  return documentLayers(doc).events;
}
const names = (e: { participants: Array<{ name: string; role: string }> }) => e.participants.map((p) => `${p.role}:${p.name}`).sort();

/** A participant model whose only weight says "none" by `margin` for every pair (the bias feature). */
const noneModel = (margin: number) => {
  const w = new Int8Array(PARTICIPANT_LABELS.length);
  w[0] = 127;
  return LinearModel.fromRows('EVP1', PARTICIPANT_LABELS.length, Uint32Array.of(hashString('participant:bias')), Float32Array.of(margin / 127), w);
};

describe('different happenings by their words are never merged (events43)', () => {
  const mentions = (text: string) => events(text).map((e) => `${e.type} ${e.mentions.map((m) => m.text).join('+')}`);
  it('two untyped events of different words stay two, by the rule too (same date, place and person)', () => {
    expect(mentions('In 2019 John Smith painted a mural in Ashgabat. In 2019 Smith sang in Ashgabat.')).toEqual(['OTHER painted', 'OTHER sang']);
    expect(mentions('On Friday John Smith hosted a dinner where Jones lost her temper.')).toEqual(['OTHER hosted', 'OTHER lost']);
  });
  it('a mention introduced with "also" is another occurrence, not the earlier one', () => {
    expect(mentions('Police arrested John Smith in Ashgabat on Friday. Police also arrested Mary Jones.')).toEqual(['ARREST arrested', 'ARREST arrested']);
    expect(mentions('Smith was charged with fraud on Monday. Jones has also been charged with fraud.')).toEqual(['LEGAL charged', 'LEGAL charged']);
  });
  it('two changes by different amounts are different happenings; the same amount may still merge', () => {
    expect(mentions('Acme profits rose 12% in the third quarter. Borex profits rose 3% in the same period.')).toEqual(['FINANCIAL_RESULT rose', 'FINANCIAL_RESULT rose']);
    expect(mentions('Acme profits rose 12% in the third quarter. The profits rose 12% on higher sales.')).toEqual(['FINANCIAL_RESULT rose+rose']);
  });
});

describe('merged events keep every trigger', () => {
  it('a later mention of the same meeting merges into the first, and the event lists both triggers', () => {
    const text = 'Putin met Pezeshkian at Ashgabat on Friday. At the Ashgabat meeting, Putin smiled.';
    const evs = events(text).filter((e) => e.type === 'MEETING');
    expect(evs).toHaveLength(1);
    expect(evs[0]!.mentions.map((m) => m.text)).toEqual(['met', 'meeting']);
    for (const m of evs[0]!.mentions) expect([...text].slice(m.start, m.end).join('')).toBe(m.text);
    expect(evs[0]!.mentions[0]).toEqual(evs[0]!.trigger);
  });
  it('the events table counts the mentions of each event', () => {
    const doc = extract('Putin met Pezeshkian at Ashgabat on Friday. At the Ashgabat meeting, Putin smiled.', { publishedAt: '2024-10-14' });
    const rows = toRows(doc).events;
    expect(rows).toHaveLength(doc.events.length);
    rows.forEach((r, i) => expect(r.mention_count).toBe(doc.events[i]!.mentions.length));
  });
  it('a threatened attack and the attack that happened stay two events (different factuality)', () => {
    const evs = events('Iran could attack Russia. On Friday Iran attacked Russia.').filter((e) => e.type === 'ATTACK');
    expect(evs.map((e) => e.factuality).sort()).toEqual(['asserted', 'possible']);
  });
  it('the steps of a legal case stay apart: an investigation, charges, a plea, a trial', () => {
    const legal = events('Russia opened an investigation into Pezeshkian. Pezeshkian was charged with fraud by Russia. Pezeshkian pleaded guilty to fraud in Ashgabat. His trial in Ashgabat ended.').filter((e) => e.type === 'LEGAL');
    expect(legal.map((e) => e.trigger.text)).toEqual(['investigation', 'charged', 'pleaded guilty', 'trial']);
    // Nor in one clause.
    const clause = events('Russia opened an investigation in Ashgabat after Pezeshkian was charged with fraud.').filter((e) => e.type === 'LEGAL');
    expect(clause.map((e) => e.trigger.text)).toEqual(['investigation', 'charged']);
    // A hearing where the verdict was given is its place, not another step.
    expect(events('Pezeshkian was found guilty at a hearing in Ashgabat.').filter((e) => e.type === 'LEGAL')).toHaveLength(1);
    // Two mentions of one step still merge.
    const suits = events('Putin sued Pezeshkian in Ashgabat on Friday. The lawsuit Putin filed against Pezeshkian in Ashgabat on Friday asks for $5m.').filter((e) => e.type === 'LEGAL');
    expect(suits).toHaveLength(1);
  });

  it('two meetings on different days stay two events', () => {
    const evs = events('Putin met Pezeshkian on Friday. Putin met Pezeshkian again on Sunday.').filter((e) => e.type === 'MEETING');
    expect(evs).toHaveLength(2);
  });
});

describe('learned participants inside the rules that are simply right', () => {
  it('a person before "died" is its patient', () => {
    const evs = events('John Smith died in Ashgabat on Friday.');
    expect(evs[0]).toMatchObject({ type: 'DEATH' });
    expect(names(evs[0]!)).toEqual(['patient:John Smith']);
  });
  it('a place is never the patient of a death', () => {
    for (const e of events('Iran died on Friday.').filter((x) => x.type === 'DEATH')) expect(names(e)).toEqual([]);
  });
  it('a model sure that nothing takes part drops the positional guesses but not names tied by a preposition', () => {
    const text = 'On Friday Putin met with Pezeshkian.';
    const doc = createDoc({ text, publishedAt: '2024-10-14' });
    doc.entities = oracleEntities(doc, THINGS);
    const evs = withLinkModels(noneModel(50), null, () => {
      runPipeline(doc, { disable: ['entities'], given: ['entities'] });
      return documentLayers(doc).events;
    });
    const met = evs.find((e) => e.type === 'MEETING')!;
    expect(names(met)).toEqual(['participant:Masoud Pezeshkian']); // the subject (a guess by position) dropped, "with" kept
    expect(names(events(text).find((e) => e.type === 'MEETING')!)).toContain('agent:Vladimir Putin'); // the shipped model keeps it
  });
});

describe('the source of a report, a place before a noun, a name in the subject\'s phrase (issue 12, point 4)', () => {
  const parties = (text: string, type: string) => events(text).filter((e) => e.type === type).map(names);
  it('the subject of a verb of saying is no party of what it reports', () => {
    for (const p of parties('Putin said 30 protesters were arrested in Ashgabat on Monday.', 'ARREST')) expect(p).not.toContain('patient:Vladimir Putin');
    for (const p of parties('John Smith says 300 people died in Ashgabat on Friday.', 'DEATH')) expect(p).toEqual([]);
    for (const p of parties('According to Pezeshkian, Acme bought a stake in Ashgabat on Monday.', 'ACQUISITION')) expect(p).toEqual(['agent:Acme Holdings']);
  });
  it('unless a pronoun before the trigger takes it up', () => {
    expect(parties('John Smith said he had resigned on Monday.', 'PERSONNEL')).toEqual([['agent:John Smith']]);
    expect(parties('Acme said it had bought a stake in Ashgabat on Monday.', 'ACQUISITION')).toEqual([['agent:Acme Holdings']]);
  });
  it('a place before the common noun that heads the subject is where, not who', () => {
    const legal = events('An Ashgabat grand jury indicted Pezeshkian on Monday.').filter((e) => e.type === 'LEGAL');
    expect(legal).toHaveLength(1);
    expect(names(legal[0]!)).not.toContain('agent:Ashgabat');
    expect(legal[0]!.location?.name).toBe('Ashgabat');
    // A time phrase between a name and its verb is no noun of the subject.
    expect(parties('Russia last week attacked Iran.', 'ATTACK')).toEqual([['agent:Russia', 'patient:Iran']]);
  });
  it('a name in a phrase of the subject\'s noun is a party, not the agent', () => {
    expect(parties('Two directors at Acme resigned on Friday.', 'PERSONNEL')).toEqual([['participant:Acme Holdings']]);
  });
});

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
describe('the coreference threshold on held-out scores', () => {
  it('is the one nearest the boundary (here the grid start) within one standard error of the best, whether their F1 rounds up or down', () => {
    const up = (2 * 23) / 141; // 0.32624…: rounds up to 0.326
    expect(bestThreshold([0.1, up, up, up, up, 0.31], 50)).toBe(1);
    const down = 2 / 6; // 0.3333…: rounds down to 0.333
    expect(bestThreshold([0.1, down, down, down, down, 0.31], 50)).toBe(1);
    // A point two pairs lower is within the error of ~50 gold pairs; one far lower is not.
    expect(bestThreshold([0.3143, 0.3143, 0.3165, 0.3188, 0.3066], 50)).toBe(0);
    expect(bestThreshold([0.1, 0.2, 0.3188, 0.3066], 50)).toBe(2);
  });

  it("stays at the model's own boundary when the scores do not tell thresholds apart, not at the grid's edge", () => {
    // A grid of 33 thresholds (−8 … 8), the boundary 0 at index 16; pooled F1 flat within a point, as on MEANTIME.
    const flat = Array.from({ length: 33 }, (_, k) => 0.15 + k * 0.0005);
    expect(bestThreshold(flat, 50, 16)).toBe(16);
    // When the best is far from the boundary, the nearest threshold of the band: no further than the evidence says.
    const high = Array.from({ length: 33 }, (_, k) => (k < 24 ? 0.1 : 0.4));
    expect(bestThreshold(high, 50, 16)).toBe(24);
    const low = Array.from({ length: 33 }, (_, k) => (k > 6 ? 0.1 : 0.4));
    expect(bestThreshold(low, 50, 16)).toBe(6);
  });
});

describe('rare features left out of link training (events40)', () => {
  const ex = (ids: number[], label = 0) => ({ ids: Uint32Array.from(ids), label });
  it('drops a feature seen in fewer examples than the cut, counted over all documents, and keeps the rest', () => {
    // Feature 1 in every example (a bias), 2 in two examples of two documents, 3 in one example (twice in it: counted once).
    const perDoc = [[ex([1, 2, 3, 3], 1), ex([1])], [ex([1, 2], 0)]];
    const kept = pruneRare(perDoc, 2);
    expect(kept.map((d) => d.map((x) => [...x.ids]))).toEqual([[[1, 2], [1]], [[1, 2]]]);
    expect(kept.map((d) => d.map((x) => x.label))).toEqual([[1, 0], [0]]);
    expect(pruneRare(perDoc, 3).flat().map((x) => [...x.ids])).toEqual([[1], [1], [1]]);
  });
  it('keeps everything at a cut of 1', () => {
    const perDoc = [[ex([5, 6])], [ex([7])]];
    expect(pruneRare(perDoc, 1)).toBe(perDoc);
  });
});

describe.skipIf(!existsSync(join(dataDir, 'meantime-en')))('training (MEANTIME; skipped when absent)', () => {
  it('is deterministic: the same documents and seed give the same model files byte for byte', () => {
    const docs = [...readLinkDocs(dataDir, 'apple', 3), ...readLinkDocs(dataDir, 'gm', 3)];
    const opts = { ...defaultLinkOptions(), epochs: 3 };
    const a = trainLinkModels(docs, opts);
    const b = trainLinkModels(docs, opts);
    expect(a.participants.rows).toBeGreaterThan(0);
    expect(a.participants.toBuffer().equals(b.participants.toBuffer())).toBe(true);
    expect(a.coreference.toBuffer().equals(b.coreference.toBuffer())).toBe(true);
    expect(a.report).toEqual(b.report);
  });

  it('with rare features cut (events40) stays deterministic and keeps fewer feature rows', () => {
    const docs = [...readLinkDocs(dataDir, 'apple', 3), ...readLinkDocs(dataDir, 'gm', 3)];
    const opts = { ...defaultLinkOptions(), epochs: 3, minCount: { participants: 3, coreference: 3 } };
    const a = trainLinkModels(docs, opts);
    const b = trainLinkModels(docs, opts);
    const all = trainLinkModels(docs, { ...opts, minCount: { participants: 1, coreference: 1 } });
    expect(a.participants.toBuffer().equals(b.participants.toBuffer())).toBe(true);
    expect(a.coreference.toBuffer().equals(b.coreference.toBuffer())).toBe(true);
    expect(a.participants.rows).toBeLessThan(all.participants.rows);
    expect(a.coreference.rows).toBeLessThan(all.coreference.rows);
  });
});
