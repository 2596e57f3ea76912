/**
 * What the speaker ranker learns and chooses among: its training labels credit the head of the gold source (the
 * person a role, place or possessor belongs to), and the names, roles and places that belong to the rules' speaker
 * are no rival candidates.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { ruleQuotes } from '../../src/quotes/index.js';
import { speakerQuery } from '../../src/quotes/learned/speakers.js';
import { labelArticle } from '../../src/quotes/learned/train-speakers.js';
import { entitiesFromNames, gold, type EntitySpec } from './helpers.js';

/** The rules' drafts and the speaker query of each (no ranker: candidates and flags only). */
function queries(text: string, specs: EntitySpec[]) {
  const doc = createDoc({ text });
  doc.entities = entitiesFromNames(doc, specs);
  runPipeline(doc, { until: 'marks', disable: ['entities'], given: ['entities'] });
  const { ctx, drafts } = ruleQuotes(doc);
  return drafts
    .filter((d) => d.cue)
    .map((d) => {
      const q = speakerQuery(ctx, d.cue!, d.kind, d.start, d.end, d.speaker);
      return { rule: d.speaker && text.slice(d.speaker.start, d.speaker.end), settled: q.settled, candidates: q.candidates.map((c) => ({ text: text.slice(c.start, c.end), inRule: c.inRule })) };
    });
}

/** Each candidate's words with its training label. */
function labels(text: string, source: string, content: string): Record<string, number> {
  const [x] = labelArticle('a', text, [gold(text, { source, cue: 'said', content })]);
  const out: Record<string, number> = {};
  x!.query.candidates.forEach((c, i) => (out[text.slice(c.start, c.end)] = x!.right[i]!));
  return out;
}

describe('training labels: the head of the gold source', () => {
  it('credits the person a role or a place describes, not the role or the place', () => {
    const a = labels('Green party spokeswoman for rivers Anna Kowal said that the dam would fail.', 'Green party spokeswoman for rivers Anna Kowal', 'the dam would fail');
    expect(a['Anna Kowal']).toBe(1);
    expect(a['spokeswoman']).toBe(0);
    const b = labels('Peter Oduya, 41, from Millbrook, Kent, said that the field had flooded twice.', 'Peter Oduya, 41, from Millbrook, Kent', 'the field had flooded twice');
    expect(b['Peter Oduya']).toBe(1);
    expect(b['Kent']).toBe(0);
    const c = labels("Norway's Prime Minister, Lars Berntsen, said that the ferry would run.", "Norway's Prime Minister, Lars Berntsen", 'the ferry would run');
    expect(c['Lars Berntsen']).toBe(1);
  });

  it('credits the role, not its possessor, and the author of a statement', () => {
    const a = labels("Mr Berntsen's spokesman said that the ferry would run.", "Mr Berntsen's spokesman", 'the ferry would run');
    expect(a['spokesman']).toBe(1);
    expect(a['Berntsen']).toBe(0);
    const b = labels("Mr Berntsen's statement said that the ferry would run.", "Mr Berntsen's statement", 'the ferry would run');
    expect(b['Berntsen']).toBe(1);
  });
});

describe('candidates of the speaker check', () => {
  const PEOPLE: EntitySpec[] = [
    { name: 'Tomas Varga', type: 'PERSON', aliases: ['Varga'] },
    { name: 'Lumina Systems', type: 'ORGANIZATION' },
    { name: 'Ruth Ambler', type: 'PERSON' },
    { name: 'Kessel Park', type: 'LOCATION' },
    { name: 'Ivo Petrak', type: 'PERSON' },
    { name: 'Ardent Radio', type: 'ORGANIZATION' },
  ];

  it('drops an organisation tied by of/from to the person before it, one after a possessive determiner, and a document its author owns', () => {
    const [a] = queries('Tomas Varga, from Lumina Systems, told the paper that the chips would ship in May.', PEOPLE);
    expect(a!.rule).toBe('Tomas Varga');
    expect(a!.candidates.map((c) => c.text)).not.toContain('Lumina Systems');
    const [b] = queries('Ruth Ambler left her Kessel Park post in June and vowed that she would coach again.', PEOPLE);
    expect(b!.candidates.map((c) => c.text)).not.toContain('Kessel Park');
    // A document speaks for its author: "Mr Varga's statement said".
    const [c] = queries('"We are sorry," Mr Varga\'s statement said.', PEOPLE);
    expect(c!.candidates.map((x) => x.text)).not.toContain('statement');
  });

  it('drops a place that is the object of a preposition, a possessor or a modifier, and keeps one that is a subject', () => {
    const PLACES: EntitySpec[] = [...PEOPLE, { name: 'Dunmore', type: 'LOCATION' }, { name: 'Norway', type: 'LOCATION' }];
    const texts = (t: string) => queries(t, PLACES).flatMap((q) => q.candidates.map((c) => c.text));
    expect(texts('Ruth Ambler, who teaches piano in Dunmore, wrote to the council and said fewer children were taking lessons.')).not.toContain('Dunmore');
    expect(texts('The company, which drilled three wells in the Dunmore field, said the new well could yield much oil.')).not.toContain('Dunmore');
    expect(texts("Norway's biggest bank said rates would rise.")).not.toContain('Norway');
    expect(texts('The Norway firm said rates would rise.')).not.toContain('Norway');
    expect(texts('According to Norway, the ships had left.').concat(texts('Norway has said the ships had left.'))).toContain('Norway');
  });

  it('counts the roles and places of an appositive, and post-nominal letters, as the person\'s own words', () => {
    const [a] = queries('Ivo Petrak, Ardent Radio president and veteran presenter said the station would close.', PEOPLE);
    expect(a!.rule).toBe('Ivo Petrak');
    const role = a!.candidates.find((c) => c.text === 'president');
    expect(role?.inRule).toBe(true);
    const [b] = queries('Former minister Ruth Ambler MP said the station would close.', PEOPLE);
    expect(b!.rule).toBe('Ruth Ambler');
    expect(b!.candidates.find((c) => c.text === 'MP')?.inRule).toBe(true);
    // A lowercase role after a name is the head the name modifies, no post-nominal ("A Five spokesman", the channel
    // read as a person).
    const [c] = queries('A Ruth Ambler spokesman said the station would close.', PEOPLE);
    expect(c!.candidates.find((x) => x.text === 'spokesman')?.inRule).not.toBe(true);
  });

  it('settles the one a source quotes as saying', () => {
    const [a] = queries('"The talks will fail," Ardent Radio quoted one trader as saying.', PEOPLE);
    expect(a!.rule).toBe('one trader');
    expect(a!.settled).toBe(true);
  });
});

describe('a description ending in a person\'s name', () => {
  const speakers = (text: string) => {
    const doc = createDoc({ text });
    runPipeline(doc);
    return doc.quotes.map((q) => [q.speaker?.entity?.name ?? null, q.speaker?.description ?? null]);
  };

  it('is that person when the name stands in apposition to the title, not after a preposition', () => {
    expect(speakers('"We will fight on," said chair of the Marlow Tenants Association Greta Finch.')).toEqual([['Greta Finch', 'chair of the Marlow Tenants Association Greta Finch']]);
    expect(speakers('"We will fight on," said a spokesman for Mr Darwell Finch.')[0]![0]).toBeNull();
  });
});
