import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRIGGERS } from '../../src/events/lexicon.js';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { toRows } from '../../src/datasets/tables.js';
import { oracleEntities, type NamedThing } from './oracle-entities.js';
import { hashString } from '../../src/entities/hash.js';
import { LinearModel } from '../../src/events/learned/linear-model.js';
import { PARTICIPANT_LABELS } from '../../src/events/participants.js';
import { withLinkModels } from '../../src/events/training/links.js';

const MONDAY = '2024-10-14';
const THINGS: NamedThing[] = [
  { name: 'Vladimir Putin', type: 'PERSON', aliases: ['Putin'] },
  { name: 'Masoud Pezeshkian', type: 'PERSON', aliases: ['Pezeshkian'] },
  { name: 'Benjamin Netanyahu', type: 'PERSON', aliases: ['Netanyahu'] },
  { name: 'Qassem Soleimani', type: 'PERSON', aliases: ['Soleimani'] },
  { name: 'Apple', type: 'ORGANIZATION' },
  { name: 'BRICS', type: 'ORGANIZATION' },
  { name: 'Reuters', type: 'ORGANIZATION' },
  { name: 'Kazan', type: 'LOCATION', subtype: 'city' },
  { name: 'Ashgabat', type: 'LOCATION', subtype: 'city' },
  { name: 'Iran', type: 'LOCATION', subtype: 'country' },
  { name: 'Russia', type: 'LOCATION', subtype: 'country' },
  { name: 'Israel', type: 'LOCATION', subtype: 'country' },
  { name: 'Israeli', type: 'MISC', subtype: 'nationality' },
];

/** A hand-built Doc: entities by string search, times by the time stage, then events. */
function events(text: string, publishedAt: string | null = MONDAY) {
  const doc = createDoc({ text, publishedAt });
  doc.entities = oracleEntities(doc, THINGS);
  runPipeline(doc, { disable: ['entities'], given: ['entities'] });
  const out = documentLayers(doc);
  return { doc: { ...doc, ...out }, events: out.events };
}
const names = (e: { participants: Array<{ name: string; role: string }> }) => e.participants.map((p) => `${p.role}:${p.name}`).sort();
/** The events of a text run through the whole pipeline, entity stage included. */
function pipelineEvents(text: string) {
  const doc = createDoc({ text, publishedAt: MONDAY });
  runPipeline(doc);
  return documentLayers(doc).events;
}
/** The types of the events of a text. */
const types = (text: string) => events(text).events.map((e) => e.type);

describe('event fields', () => {
  it('a meeting with date, place and participants', () => {
    const { events: evs } = events('Putin met Pezeshkian in Kazan on Friday.');
    expect(evs).toHaveLength(1);
    const e = evs[0]!;
    expect(e).toMatchObject({ event_id: 'ev1', type: 'MEETING', cameo: '04', trigger: { text: 'met' }, location: { name: 'Kazan' }, date: { start: '2024-10-11', end: '2024-10-11' } });
    expect(names(e)).toEqual(['agent:Vladimir Putin', 'participant:Masoud Pezeshkian']);
    expect(e.evidence.type).toContain('lexicon:meeting');
    expect(e.evidence.date).toContain('"Friday"');
    expect(e.evidence.location).toContain('in Kazan');
  });
  it('a meeting noun with "between X and Y" and "at" place', () => {
    const { events: evs } = events('The meeting between Putin and Pezeshkian at Ashgabat on Friday was short.');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'MEETING', location: { name: 'Ashgabat' }, date: { start: '2024-10-11' } });
    expect(names(evs[0]!)).toEqual(['participant:Masoud Pezeshkian', 'participant:Vladimir Putin']);
  });
  it('a scheduled summit with a date range; the meeting at it is the same event', () => {
    const { events: evs } = events('The two leaders are to meet in Kazan on the sidelines of the BRICS Summit on 22-24 October.');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'SUMMIT', location: { name: 'Kazan' }, date: { start: '2024-10-22', end: '2024-10-24' } });
    expect(names(evs[0]!)).toEqual(['participant:BRICS']);
  });
  it('a lawsuit: agent is the subject, and a possessor inside the object is no participant', () => {
    const { events: evs } = events('Iran filed a $4 billion lawsuit against Russia’s defence export agency.');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'LEGAL', cameo: '11', date: null, location: null });
    expect(names(evs[0]!)).toEqual(['agent:Iran']);
  });
  it('an assassination: the possessor is the patient', () => {
    const { events: evs } = events('They vowed justice for Soleimani’s assassination.');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'ATTACK', cameo: '18' });
    expect(names(evs[0]!)).toEqual(['patient:Qassem Soleimani']);
  });
  it('an approval dated in its clause', () => {
    const { events: evs } = events('Putin is known to have approved the draft agreement as far back as 18 September.');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ type: 'AGREEMENT', date: { start: '2024-09-18', end: '2024-09-18' } });
    expect(names(evs[0]!)).toEqual(['agent:Vladimir Putin']);
  });
  it('a dated statement is an event; an undated one is a quote attribution only', () => {
    expect(events('On Sunday, Pezeshkian repeated that Iran would respond.').events.map((e) => e.type)).toEqual(['STATEMENT']);
    expect(events('Pezeshkian repeated that Iran would respond.').events).toHaveLength(0);
  });
  it('a date in the complement clause does not date the statement', () => {
    const { events: evs } = events('On Sunday, Pezeshkian said that Putin met Netanyahu on Friday.');
    const st = evs.find((e) => e.type === 'STATEMENT')!;
    const mt = evs.find((e) => e.type === 'MEETING')!;
    expect(st.date?.start).toBe('2024-10-13');
    expect(mt.date?.start).toBe('2024-10-11');
  });
  it('a repeated mention of the same event merges into the first', () => {
    const { events: evs } = events('Putin met Pezeshkian at Ashgabat on Friday. At the Ashgabat meeting, Putin smiled.');
    expect(evs.filter((e) => e.type === 'MEETING')).toHaveLength(1);
    expect(evs[0]!.evidence.coreference).toContain('meeting');
  });
  it('participants and locations carry entity ids of doc.entities', () => {
    const { doc, events: evs } = events('Putin met Pezeshkian in Kazan on Friday.');
    const ids = new Set(doc.entities.map((e) => e.entity_id));
    for (const e of evs) {
      for (const p of e.participants) expect(ids.has(p.entity_id)).toBe(true);
      if (e.location) expect(ids.has(e.location.entity_id)).toBe(true);
      expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(doc.text.slice(e.sentence.start, e.sentence.end)).toBe(e.sentence.text);
    }
  });
  it('without a publication date relative dates leave the event undated', () => {
    const { events: evs } = events('Putin met Pezeshkian in Kazan on Friday.', null);
    expect(evs[0]!.date).toBeNull();
  });
});

describe('ambiguous triggers follow their cues', () => {
  it('a strike by workers is a protest, a strike on a country an attack', () => {
    expect(events('Apple workers went on strike in Kazan on Friday over pay.').events.map((e) => e.type)).toEqual(['PROTEST']);
    expect(events('Israel launched strikes on Iran on Friday.').events.map((e) => e.type)).toContain('ATTACK');
  });
  it('filing is legal near a lawsuit and bankruptcy near bankruptcy', () => {
    expect(events('Apple filed a lawsuit against Reuters on Friday.').events.map((e) => e.type)).toEqual(['LEGAL']);
    expect(events('Apple filed for bankruptcy on Friday.').events.map((e) => e.type)).toEqual(['BANKRUPTCY']);
  });
});

describe('names and modifiers are not events or dates', () => {
  it('a capitalised month or place word is no trigger', () => {
    expect(events('Sales in Russia fell 20 percent compared to March of 2008.').events.some((e) => e.type === 'PROTEST')).toBe(false);
  });
  it('a possessive time does not date the clause; the adverb does', () => {
    const { events: evs } = events('Yesterday, at this year’s conference in Kazan, Apple unveiled a new phone.', '2010-06-08');
    expect(evs.find((e) => e.type === 'PRODUCT_LAUNCH')).toMatchObject({ date: { start: '2010-06-07' } });
  });
  it('a possessive time dates the noun trigger it governs', () => {
    const { events: evs } = events("Police want to question a man over last month's shooting death of a doctor.");
    expect(evs.find((e) => e.type === 'DEATH')?.date).toMatchObject({ start: '2024-09-01', end: '2024-09-30' });
  });
  it('a when-clause takes the time it hangs on', () => {
    const { events: evs } = events('Sales have recovered since 2008, when Apple cut 5,000 jobs.');
    expect(evs.find((e) => e.type === 'RESTRUCTURING')?.date).toMatchObject({ start: '2008-01-01', end: '2008-12-31' });
  });
});

describe('events that did not (yet) happen keep their factuality and stay off the timeline, unless scheduled', () => {
  it.each([
    ['hypothetical', 'Any Israeli plan to attack Iran would require talks with the Pentagon.', 'ATTACK', 'possible'],
    ['irrealis noun', 'Israel weighs any strike on Iran.', 'ATTACK', 'possible'],
    ['negated', 'Putin did not meet Netanyahu on Friday.', 'MEETING', 'negated'],
    ['negated noun', 'There was no meeting between Putin and Netanyahu on Friday.', 'MEETING', 'negated'],
    ['modal', 'Iran could sign the deal with Russia in Kazan on Friday.', 'AGREEMENT', 'possible'],
    ['conditional', 'If Israel attacks Iran on Friday, oil will rise.', 'ATTACK', 'possible'],
    ['intention', 'Iran has prioritised the resumption of negotiations with Russia.', 'MEETING', 'possible'],
    ['quoted speech', '“We will attack Israel on Friday and nobody will stop us,” Soleimani said.', 'ATTACK', 'reported'],
    ['cancelled', 'Russia cancelled its planned attack on Ukraine in Kyiv on Friday.', 'ATTACK', 'cancelled'],
    ['cancelled after the noun', 'The summit between Putin and Netanyahu in Kazan was also cancelled on Friday.', 'SUMMIT', 'cancelled'],
    ['almost', 'Apple almost collapsed in Kazan on Friday.', 'BANKRUPTCY', 'negated'],
    ['close to', 'A row over its accounts in 2002 brought the group close to bankruptcy, but Apple has recovered since.', 'BANKRUPTCY', 'possible'],
    ['on the verge', 'In 2002 Apple was on the verge of bankruptcy.', 'BANKRUPTCY', 'possible'],
    ['if … were to', 'If Putin were to visit Kazan on Friday, Netanyahu would meet him.', 'VISIT', 'possible'],
    ['a purpose, not a schedule', 'The aim is to acquire Reuters in March.', 'ACQUISITION', 'possible'],
  ])('%s', (_label, text, type, factuality) => {
    const { doc, events: evs } = events(text);
    expect(evs.find((e) => e.type === type)?.factuality).toBe(factuality);
    const article = { article_id: 'a1', source: {} } as unknown as Parameters<typeof toRows>[0]['article'];
    expect(toRows({ ...doc, article, entities: doc.entities, quotes: doc.quotes, times: doc.times, events: evs }).timeline.filter((r) => r.event_type === type)).toEqual([]);
  });

  it.each([
    ['future (will)', 'Putin will meet Netanyahu in Kazan on Friday.', 'MEETING'],
    ['future noun (will hold)', 'Putin will hold talks with Netanyahu in Kazan on Friday.', 'MEETING'],
    ['is to', 'Putin is to visit Kazan on Friday.', 'VISIT'],
    ['is due to', 'Putin is due to meet Netanyahu in Kazan on Friday.', 'MEETING'],
    ['a noun due to take place', 'The meeting between Putin and Netanyahu is due to take place in Kazan on Friday.', 'MEETING'],
    ['plans to', 'Apple plans to acquire Reuters in March.', 'ACQUISITION'],
    ['learned possible, scheduled by the rule', 'Putin is scheduled to meet Netanyahu on Friday.', 'MEETING'],
  ])('scheduled (events44): %s is possible, and on the timeline', (_label, text, type) => {
    const { doc, events: evs } = events(text);
    const ev = evs.find((e) => e.type === type);
    expect(ev?.factuality).toBe('possible');
    expect(ev?.evidence.factuality).toMatch(/^scheduled: /);
    const article = { article_id: 'a1', source: {} } as unknown as Parameters<typeof toRows>[0]['article'];
    expect(toRows({ ...doc, article, entities: doc.entities, quotes: doc.quotes, times: doc.times, events: evs }).timeline.filter((r) => r.event_type === type).length).toBeGreaterThan(0);
  });

  it('a prediction, a forecast of figures, a purpose or a condition is possible but not scheduled (events44)', () => {
    const evidence = (text: string, type: string) => events(text).events.find((e) => e.type === type)?.evidence.factuality ?? '';
    expect(evidence('Bookmakers predict Putin will meet Netanyahu in Kazan on Friday.', 'MEETING')).not.toMatch(/^scheduled: /);
    expect(evidence('Apple said revenue is set to rise by 6% in 2025.', 'FINANCIAL_RESULT')).not.toMatch(/^scheduled: /);
    expect(evidence('The aim is to acquire Reuters in March.', 'ACQUISITION')).toBe('rule: a purpose ("aim is to")');
    expect(evidence('If Putin were to visit Kazan on Friday, Netanyahu would meet him.', 'VISIT')).not.toMatch(/^scheduled: /);
  });

  it('an untyped happening scheduled for a date is a possible OTHER event with scheduled evidence (events45)', () => {
    const other = (text: string) => events(text).events.find((e) => e.type === 'OTHER');
    for (const text of ['Pezeshkian Holdings plans to redeem its convertible notes on Nov. 16.', 'Pezeshkian Holdings is to redeem its convertible notes on Nov. 16.']) {
      const ev = other(text);
      expect(ev?.trigger.text ?? '', text).toBe('redeem');
      expect(ev?.factuality).toBe('possible');
      expect(ev?.evidence.factuality).toMatch(/^scheduled: /);
      expect(ev?.date).not.toBeNull();
    }
    // A past one stays asserted; a modal or a hope schedules nothing.
    expect(other('Pezeshkian Holdings redeemed its convertible notes on Nov. 16.')?.factuality).toBe('asserted');
    expect(other('Pezeshkian Holdings might redeem its convertible notes on Nov. 16.')).toBeUndefined();
    expect(other('Pezeshkian Holdings hopes to redeem its convertible notes on Nov. 16.')).toBeUndefined();
    // "set to" before an untyped verb is a forecast as often as a schedule; a verb between owns the date.
    expect(events('The gaming industry of Kazan is set to explode in 2025.').events.filter((e) => e.factuality === 'possible')).toEqual([]);
    expect(events('Pezeshkian said he planned to stay at the label he founded in 1987.').events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.factuality}`)).toEqual(['founded asserted']);
  });

  it('an untyped happening put in the future ("will") is no OTHER event; the same one in the past is', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => e.trigger.text);
    expect(others('Pezeshkian will start 2025 with a series of concerts in Kazan.')).toEqual([]);
    expect(others('Pezeshkian started 2024 with a series of concerts in Kazan.')).toEqual(['started']);
    // Nor through another word of the same clause.
    expect(others('Pezeshkian will play his first full concert in Kazan in 2025.')).toEqual([]);
    // A capitalised "Will" inside a sentence is a title or a name, not the future.
    expect(others('A version of We Will Rock You sung by Pezeshkian topped the chart in Kazan in 2020.')).toEqual(['sung']);
  });

  it('a scheduled event with no participant, place or date is kept, flagged possible; a hypothetical one is not', () => {
    const fact = (text: string) => events(text).events.find((e) => e.type === 'ACQUISITION')?.factuality;
    expect(fact('The firm will acquire the shares.')).toBe('possible');
    expect(fact('The firm could acquire the shares.')).toBeUndefined();
  });

  it('a past happening named as the object of a future verb stays asserted ("will appeal against the ruling")', () => {
    const fact = (text: string) => events(text).events.find((e) => e.type === 'DECISION')?.factuality;
    expect(fact('Apple will appeal against the ruling by Russia on Friday.')).toBe('asserted');
  });

  it('an asserted event is on the timeline', () => {
    const { doc, events: evs } = events('Putin met Netanyahu in Kazan on Friday.');
    expect(evs[0]).toMatchObject({ type: 'MEETING', factuality: 'asserted' });
    const article = { article_id: 'a1', source: {} } as unknown as Parameters<typeof toRows>[0]['article'];
    expect(toRows({ ...doc, article, entities: doc.entities, quotes: doc.quotes, times: doc.times, events: evs }).timeline.length).toBeGreaterThan(0);
  });

  it('a statement is not dated by a date inside what was said', () => {
    const { events: evs } = events('“We will attack Israel on Friday and nobody will stop us,” Soleimani said.');
    expect(evs.find((e) => e.type === 'STATEMENT')?.date ?? null).toBeNull();
  });

  it('a reporting verb is not dated by a date inside the reported speech it introduces, only by its own', () => {
    // "Tuesday" dates the arrest; the saying has no date of its own, so it is no STATEMENT event (undated reporting verb).
    const trailing = events('Police arrested two men on Tuesday, Reuters said.').events;
    expect(trailing.find((e) => e.type === 'ARREST')?.date).toMatchObject({ start: '2024-10-08' });
    expect(trailing.find((e) => e.type === 'STATEMENT')).toBeUndefined();
    // A time right after the verb is the saying's own, wherever the content begins.
    const own = events('Reuters said on Sunday it had no evidence of a bid.').events;
    expect(own.find((e) => e.type === 'STATEMENT')?.date).toMatchObject({ start: '2024-10-13' });
  });
});

describe('taxonomy', () => {
  it('every type has a CAMEO root code or null, and documented triggers', () => {
    const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/events.md'), 'utf8');
    for (const t of TRIGGERS) {
      expect(t.cameo === null || /^\d\d$/.test(t.cameo)).toBe(true);
      expect(doc).toContain(`\`${t.type}\``);
    }
  });
});

// Regression against the judge's example: the text and gold live outside the repo.
const examples = process.env.ARTICLE_EXPORT_EXAMPLES_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '../../../shared/examples');
const goldPath = join(examples, 'ashgabat-meeting.gold.json');
describe.skipIf(!existsSync(goldPath))('example article gold (skipped when ../shared/examples is absent)', () => {
  interface GoldEvent { type: string; participants: string[]; location: string | null; date: { start: string; end: string } | null; optional?: boolean; evidence: string }
  const gold = existsSync(goldPath) ? JSON.parse(readFileSync(goldPath, 'utf8')) : null;
  const run = () => {
    const text = readFileSync(join(examples, gold.article.file), 'utf8');
    const doc = createDoc({ text, publishedAt: gold.article.published });
    // Entities from the gold names by string search, so this tests the event stage alone.
    doc.entities = oracleEntities(doc, gold.entities.filter((e: { optional?: boolean }) => !e.optional));
    runPipeline(doc, { disable: ['entities'], given: ['entities'] });
    return { ...doc, ...documentLayers(doc) };
  };
  it('all 7 gold dates are normalised right', () => {
    const doc = run();
    for (const gd of gold.dates as Array<{ text: string; start: string; end: string }>) {
      const bare = gd.text.toLowerCase().replace(/^(?:on|in) /, '');
      const hit = doc.times.find((t) => t.text.toLowerCase().includes(bare) && t.date_start === gd.start && t.date_end === gd.end);
      expect(hit, `date "${gd.text}"`).toBeDefined();
    }
  });
  it('every required gold event is found with its type, date, location and participants', () => {
    const doc = run();
    for (const ge of (gold.events as GoldEvent[]).filter((e) => !e.optional)) {
      const ok = doc.events.some(
        (e) =>
          e.type === ge.type &&
          (ge.date ? e.date?.start === ge.date.start && e.date?.end === ge.date.end : e.date === null) &&
          (ge.location ? e.location?.name === ge.location : e.location === null) &&
          e.participants.length === ge.participants.length &&
          ge.participants.every((n) => e.participants.some((p) => p.name === n)),
      );
      expect(ok, `${ge.type}: ${ge.evidence}`).toBe(true);
    }
  });
});

describe('learned mentions gate and extend the lexicon; participants fit the type', () => {
  it('a medical happening TimeML has no examples of is not gated by its detector; a noun that modifies the next is no event', () => {
    const [transplant] = events('Pezeshkian had a liver transplant in March 2019.').events;
    expect(transplant?.type).toBe('HEALTH');
    expect(transplant?.trigger.text).toBe('transplant');
    expect(transplant?.date?.start).toBe('2019-03-01');
    expect(types('Pezeshkian visited transplant patients at the hospital on Friday.')).not.toContain('HEALTH');
    expect(types('The surgery department of the hospital in Kazan was closed in 2019.')).not.toContain('HEALTH');
  });

  it('a place is never the patient of a killing, and a possessive subject is not the person who died', () => {
    const { events: evs } = events('Putin killed a Kazan doctor on Friday.');
    expect(evs.find((e) => e.type === 'ATTACK')?.participants.map((p) => p.name)).not.toContain('Kazan');
    const died = events('Putin spoke in Kazan. His mother died on Friday.').events.find((e) => e.type === 'DEATH');
    expect(died?.participants.map((p) => p.name) ?? []).not.toContain('Vladimir Putin');
  });

  it('a place after "in", "at" or "nearby" is where it happened, and a town after "to" is where someone went: neither takes part', () => {
    const arrest = events('In Kazan, police arrested four men on Friday.').events.find((e) => e.type === 'ARREST')!;
    expect(arrest.participants.map((p) => p.name)).not.toContain('Kazan');
    expect(arrest.location?.name).toBe('Kazan');
    const born = events('Putin, who was born in nearby Kazan, spoke on Friday.').events.find((e) => e.type === 'BIRTH');
    expect(born?.participants.map((p) => p.name) ?? []).not.toContain('Kazan');
    const met = events('Pezeshkian will travel to Kazan to meet Putin on Friday.').events.flatMap((e) => e.participants);
    expect(met.map((p) => p.name)).not.toContain('Kazan');
    // What follows an infinitive is its own argument ("decided to fly back to Iran": Iran takes no part in the decision).
    const decided = events('Pezeshkian decided to fly back to Iran on Friday.').events.find((e) => e.type === 'DECISION');
    expect(decided?.participants.map((p) => p.name) ?? []).not.toContain('Iran');
    // A country after "to" can take part ("sold arms to Iran").
    const sold = events('Russia sold missiles to Iran on Friday.').events.find((e) => e.type === 'ARMS_TRANSFER');
    expect(sold?.participants.find((p) => p.name === 'Iran')?.role).toBe('recipient');
  });

  it('words of sport and of targets are no attacks or meetings; a defence launched is no product', () => {
    expect(types("Putin's double strike in the 80th minute helped the side win the match on Friday.")).not.toContain('ATTACK');
    expect(types('Russia launched missile strikes on Kazan on Friday.')).toContain('ATTACK');
    expect(types('Apple said on Friday it would meet its sales target.')).not.toContain('MEETING');
    expect(types('Putin will meet Pezeshkian in Kazan on Friday.')).toContain('MEETING');
    expect(types('Apple launched its defence of the title on Friday.')).not.toContain('PRODUCT_LAUNCH');
    // A press conference is no summit, a player "ruled out of" a match no ruling, a website visited no visit.
    expect(types('Putin said at his press conference in Kazan on Friday that the talks went well.')).not.toContain('SUMMIT');
    expect(types('Putin said at his monthly media conference in Kazan on Friday that the talks went well.')).not.toContain('SUMMIT');
    expect(types('Pezeshkian has been ruled out of the match on Friday.')).not.toContain('DECISION');
    expect(types('Users could not visit the site of Apple on Friday.')).not.toContain('VISIT');
    expect(types('Putin visited Kazan on Friday.')).toContain('VISIT');
    // Agreeing with what was said is no agreement; meeting many of someone's demands no meeting.
    expect(types('"The talks went well," agreed Putin on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin agreed and said on Friday the figures were wrong.')).not.toContain('AGREEMENT');
    expect(types('Apple said on Friday it had met many of the government\'s demands.')).not.toContain('MEETING');
    expect(types('Russia agreed a deal with Iran on Friday.')).toContain('AGREEMENT');
    // Subscribing is no agreement; a state signing up to a treaty is one.
    expect(types('More people signed up for broadband from Apple in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Russia signed up to the treaty with Iran on Friday.')).toContain('AGREEMENT');
  });

  it('common news happenings have triggers: pleas, verdicts, fines, investigations, departures, deaths', () => {
    const typed = (text: string, type: string) => events(text).events.find((e) => e.type === type);
    expect(typed('Pezeshkian pleaded guilty to fraud in Kazan.', 'LEGAL')?.trigger.text).toBe('pleaded guilty');
    expect(typed('Pezeshkian was found guilty of fraud in Kazan.', 'LEGAL')?.participants.find((p) => p.name === 'Masoud Pezeshkian')?.role).toBe('patient');
    expect(typed('Reuters was fined $5m by Russia.', 'LEGAL')?.participants.find((p) => p.name === 'Reuters')?.role).toBe('patient');
    expect(typed('Reuters fined $5m for bribery', 'LEGAL')?.participants.find((p) => p.name === 'Reuters')?.role).toBe('patient');
    const inquiry = typed('Russia launched an investigation into Reuters.', 'LEGAL');
    expect(inquiry?.trigger.text).toBe('investigation');
    expect(inquiry?.cameo).toBe('09');
    expect(names(inquiry!)).toContain('agent:Russia');
    expect(events('Russia launched an investigation into Reuters.').events.map((e) => e.type)).not.toContain('PRODUCT_LAUNCH');
    // An investigation demanded has not happened yet.
    expect(typed('A complaint has been made to Reuters by Putin, demanding an investigation by Russia.', 'LEGAL')?.factuality).toBe('possible');
    // A space probe is no inquiry.
    expect(typed('Apple sent a probe to Mars in Kazan.', 'LEGAL')).toBeUndefined();
    expect(typed('Pezeshkian quit as Reuters chief in Kazan.', 'PERSONNEL')?.trigger.text).toBe('quit');
    expect(typed('Pezeshkian quit Reuters in Kazan.', 'PERSONNEL')).toBeUndefined(); // no post: leaving a party or a club
    expect(typed('Pezeshkian quit playing chess to take a job in Kazan.', 'PERSONNEL')).toBeUndefined();
    expect(typed('Putin passed away in Kazan.', 'DEATH')?.participants.map((p) => p.name)).toContain('Vladimir Putin');
  });

  it('a statement or speech that someone issues, makes or delivers is an event, dated or not; one only cited is an attribution', () => {
    const statements = (text: string) => events(text, null).events.filter((e) => e.type === 'STATEMENT');
    const issued = statements('Putin issued a statement through his lawyer in Kazan.');
    expect(issued.map((e) => e.trigger.text)).toEqual(['statement']);
    expect(names(issued[0]!)).toEqual(['agent:Vladimir Putin']);
    expect(statements('Putin delivered a speech in Kazan.').map((e) => e.trigger.text)).toEqual(['speech']);
    expect(statements('Reuters said in a statement that the talks had failed.')).toEqual([]);
    expect(statements('Putin praised the speech in Kazan.')).toEqual([]);
  });

  it('"calls for" a change, a call centre and a trial of a product are no call and no court case', () => {
    expect(types('Putin calls for talks with Iran on Friday.')).not.toContain('CALL');
    expect(types('Apple closed its call centres in Kazan on Friday.')).not.toContain('CALL');
    expect(types('Putin had a phone call with Pezeshkian on Friday.')).toContain('CALL');
    expect(types('Putin took a call from Pezeshkian on Friday.')).toContain('CALL');
    expect(types('Apple began a trial of the service in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Suspects were held without trial in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types("Pezeshkian's trial for fraud opened in Kazan on Friday.")).toContain('LEGAL');
  });

  it('"ruled out" is no ruling, "concluded that" no deal, a defeat or a match\'s results no financial result, meeting a rule no meeting', () => {
    expect(types('Putin has ruled out a visit to Iran on Friday.')).not.toContain('DECISION');
    expect(types('Pezeshkian was ruled out for a month after an injury in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('A court in Kazan ruled on Friday that Apple must pay Reuters.')).toContain('DECISION');
    expect(types('A survey by Reuters concluded that prices in Kazan rose on Friday.')).not.toContain('AGREEMENT');
    expect(types('Russia and Iran concluded a treaty in Kazan on Friday.')).toContain('AGREEMENT');
    expect(types("Russia's 2-1 loss to Iran in Kazan on Friday angered Putin.")).not.toContain('FINANCIAL_RESULT');
    expect(types("Russia's recent results in Kazan have not been impressive.")).not.toContain('FINANCIAL_RESULT');
    expect(types('Apple posted a loss of $5m in Kazan on Friday.')).toContain('FINANCIAL_RESULT');
    expect(types('Apple has forecast a net loss of 400bn yen in Kazan for the year to March.')).toContain('FINANCIAL_RESULT');
    expect(types('Apple reported its results for the quarter, with profits up 5%, on Friday.')).toContain('FINANCIAL_RESULT');
    expect(types('Putin said on Friday that Russia would meet its golden rule.')).not.toContain('MEETING');
  });

  it('a time that is the subject of a modal ("2005 should be the year") dates nothing', () => {
    const dated = (text: string, type: string) => events(text).events.find((e) => e.type === type)?.date?.start ?? null;
    expect(dated('Reuters said the ruling of the court in Kazan meant 2005 should be the year of reform.', 'DECISION')).toBeNull();
    expect(dated('The court in Kazan issued its ruling in 2005.', 'DECISION')).toBe('2005-01-01');
  });

  it('a time after "than", "compared with" or a record\'s "since" is a baseline, not when the event happened', () => {
    const dated = (text: string, type: string) => events(text).events.find((e) => e.type === type)?.date?.start ?? null;
    expect(dated('Apple shares rose 5% in Kazan, their highest level since March 2003.', 'FINANCIAL_RESULT')).toBeNull();
    expect(dated('Apple sales rose 5% in Kazan compared with 2003.', 'FINANCIAL_RESULT')).toBeNull();
    expect(dated('Apple posted a loss of $5m in Kazan, lower than 2003.', 'FINANCIAL_RESULT')).toBeNull();
    expect(dated('Apple sales in Kazan rose to 25% on Friday, from just over 20% in 2003.', 'FINANCIAL_RESULT')).not.toBe('2003-01-01');
    expect(dated('Apple sales in Kazan rose 5% on Friday, but this is down from a peak of almost 96% in 2003.', 'FINANCIAL_RESULT')).not.toBe('2003-01-01');
    expect(events('Pezeshkian won his first title in Kazan since 2003.').events.map((e) => e.date?.start ?? null)).not.toContain('2003-01-01');
    // After a verb alone, "since" is when what goes on began (TimeML's anchor).
    expect(dated('Putin has visited Kazan every year since 2003.', 'VISIT')).toBe('2003-01-01');
    // A time that modifies the trigger still dates it; a when-clause after "since" is dated by it.
    expect(dated('Since the 11 September 2001 attacks on Kazan, Russia has sold missiles to Iran.', 'ATTACK')).toBe('2001-09-11');
    expect(dated('Putin visited Kazan in March 2003.', 'VISIT')).toBe('2003-03-01');
    expect(dated('Putin has not been to Kazan since March 2003, when he visited Iran.', 'VISIT')).toBe('2003-03-01');
  });

  it('a time after "from" an amount is the baseline of a change, not when it happened', () => {
    const dated = (text: string, type: string) => events(text).events.find((e) => e.type === type)?.date?.start ?? null;
    expect(dated('Apple sales in Kazan climbed to $9m from $7m in 2003.', 'FINANCIAL_RESULT')).toBeNull();
    expect(dated('Apple sales in Kazan climbed to £9m from £7m ($12m) in 2003.', 'FINANCIAL_RESULT')).toBeNull();
    expect(dated('Apple sales in Kazan climbed to $9m in 2004 from $7m in 2003.', 'FINANCIAL_RESULT')).toBe('2004-01-01');
  });

  it('the present and bare forms of the result verbs report results ("Profits rise at …", "saw its sales rise")', () => {
    const triggers = (text: string) => events(text).events.filter((e) => e.type === 'FINANCIAL_RESULT').flatMap((e) => e.mentions.map((m) => m.text));
    expect(triggers('Apple saw its profits fall 9% to $5bn in 2004.')).toContain('fall');
    // After a determiner or a number the bare form is a noun, which the lexicon does not list.
    expect(triggers('Putin spoke in Kazan on Friday, citing a 5% fall in rents.')).toEqual([]);
    expect(triggers('Apple shares slipped 4% to $20 in 2004.')).toContain('slipped');
    // A forecast is one too, flagged possible (TimeML annotates it, anchored to its year).
    expect(events('Apple said its profits in Kazan would rise 2% in 2025.').events.find((e) => e.mentions.some((m) => m.text === 'rise'))?.factuality).toBe('possible');
  });

  it('an event a duration is measured from ("27 years after his death") is not dated by the clause it hangs on', () => {
    const dates = (text: string, type: string) => events(text).events.filter((e) => e.type === type).map((e) => e.date?.start ?? null);
    expect(dates('Russia signed the accord in Kazan in 2002, a year before the attack on Iran.', 'ATTACK')).not.toContain('2002-01-01');
    expect(dates('Russia signed the accord in Kazan in 2002, a year before the attack on Iran.', 'ATTACK')).not.toContain('2023-01-01');
    expect(dates('Putin returned to Kazan on Friday, two weeks after the attack on Iran.', 'ATTACK')).not.toContain('2024-10-11');
    // A time inside the offset's own clause, or a date modifying the event, still dates it.
    expect(dates('Putin left Kazan weeks after Russia attacked Iran on 1 October.', 'ATTACK')).toContain('2024-10-01');
    expect(dates('Putin returned to Kazan three weeks after the 1 October attack on Iran.', 'ATTACK')).toContain('2024-10-01');
  });

  it('a statement is dated by its own adverbial, not by a year of what was said or of a noun', () => {
    const statementDates = (text: string) => events(text).events.filter((e) => e.type === 'STATEMENT').map((e) => e.date?.start ?? null);
    expect(statementDates('Putin said 2025 would be a good year for Russia.')).not.toContain('2025-01-01');
    expect(statementDates('Prices in Kazan could rise by 5% by 2030, the Reuters report warned.')).not.toContain('2030-01-01');
    expect(statementDates('Pezeshkian, who won a medal at the 2000 Olympics, denied the claims.')).not.toContain('2000-01-01');
    // Its own adverbial dates it, before the verb or right after it.
    expect(statementDates('On Sunday, Putin repeated.')).toContain('2024-10-13');
    expect(statementDates('In 2003 Putin told Reuters that Russia would grow.')).toContain('2003-01-01');
    expect(statementDates('Putin said on Sunday that Russia would grow.')).toContain('2024-10-13');
    // A rejected learned date (a year of a name) leaves the verb its own adverbial.
    expect(statementDates('The lobby group Transport 2000 said on Friday that Russia would grow.')).toEqual(['2024-10-11']);
    expect(statementDates('Campaigners at Liberty 2000 said on Sunday that Russia would grow.')).toEqual(['2024-10-13']);
  });

  it('an untyped (OTHER) happening under a negator, a modal or a condition is no event, as a typed one is not asserted', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => e.trigger.text);
    expect(others('Pezeshkian joined Reuters in Kazan in March 2003.')).toEqual(['joined']);
    expect(others('Pezeshkian could have joined Reuters in Kazan in March 2003.')).toEqual([]);
    expect(others('If Pezeshkian joined Reuters in Kazan in March 2003, Putin knew.')).toEqual([]);
    // An infinitive after going on, starting or managing happened.
    expect(others('Pezeshkian went on to join Reuters in Kazan in March 2003.')).toEqual(['join']);
    expect(events('Pezeshkian hopes to join Reuters in Kazan in March 2003.').events.filter((e) => e.type === 'OTHER')).toEqual([]);
  });

  it('plans, a proposal or a party launched or unveiled are no product, passive or not', () => {
    expect(types('Plans to cut taxes in Kazan have been unveiled by Putin.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('The proposal, unveiled in Kazan on Friday, angered Russia.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Putin launched his new party in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('The new phone, unveiled by Apple in Kazan on Friday, sold out.')).toContain('PRODUCT_LAUNCH');
    // Past an amount in brackets, and the further words of a longer noun phrase.
    expect(types('Putin launched a £1.5m ($2.8m) bid for Reuters in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Putin unveiled a one-off £200 council tax refund in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
  });

  it('a film that launched an actress into the mainstream launched no product', () => {
    expect(types('The film launched the actress into the mainstream in Kazan in 2001.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Apple launched the iPod on to the market in Kazan in 2001.')).toContain('PRODUCT_LAUNCH');
  });

  it('an event noun that only describes the noun after it is no event ("the election campaign", "a consultation paper")', () => {
    expect(types("Putin's election campaign in Kazan began on Friday.")).not.toContain('ELECTION');
    expect(events('Putin raised taxes in Kazan after the 2001 election campaign.').events.map((e) => e.trigger.text)).not.toContain('election');
    expect(types('Russia published a consultation paper in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('The election in Kazan on Friday was won by Putin.')).toContain('ELECTION');
  });

  it('a suit that fits or is worn is no lawsuit; a paper that reported, or a reported cost, is no financial result', () => {
    expect(types('He was filmed in his grey prison suit in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('The slow pitch could suit Putin in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Workers filed a suit against Apple in Kazan on Friday.')).toContain('LEGAL');
    expect(types('Apple will open a shop in Kazan on Friday, the Kazan Courier reported, citing a 5% fall in rents.')).not.toContain('FINANCIAL_RESULT');
    expect(types('The film, shot in Kazan on Friday, cost a reported $40m.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Apple reported a 12% rise in profits on Friday.')).toContain('FINANCIAL_RESULT');
  });

  it('mortgages approved are lending figures, no agreement', () => {
    expect(types('The number of mortgages approved in Kazan fell on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin approved the deal with Apple in Kazan on Friday.')).toContain('AGREEMENT');
    // In the passive too, and the word gives no untyped (OTHER) event instead.
    expect(types('Fewer mortgages were approved in Kazan in January, Apple said on Friday.')).toEqual(['STATEMENT']);
  });

  it('"settled on" a choice is no settlement and no other event; a case settled on a day is one', () => {
    expect(types('The panel in Kazan settled on the theory of bad apples in January.')).toEqual([]);
    expect(types('Apple settled the lawsuit with Reuters in Kazan on Friday.')).toContain('AGREEMENT');
    expect(types('The case between Apple and Reuters was settled on Friday.')).toContain('AGREEMENT');
  });

  it('what a storm, a quake or a disease kills or strikes is no attack', () => {
    expect(types('An earthquake killed 300 people in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('A storm struck Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Many villagers in Kazan were killed by disease on Friday.')).not.toContain('ATTACK');
    expect(types('Gunmen killed 300 people in Kazan on Friday.')).toContain('ATTACK');
  });

  it('an attack in words on a person, a party or an argument is no attack; harm keeps it one', () => {
    expect(types('Pezeshkian launched an attack on Netanyahu in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types("Putin will also attack Labour's plans in Kazan on Friday.")).not.toContain('ATTACK');
    expect(types('Pezeshkian dismissed the latest Tory attack in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Netanyahu was attacked by the Tories in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Gunmen launched an attack on Netanyahu in Kazan on Friday.')).toContain('ATTACK');
    expect(types("An attack on Putin's convoy in Kazan on Friday killed two guards.")).toContain('ATTACK');
    expect(types('Terrorists will attack Netanyahu in Kazan on Friday.')).toContain('ATTACK');
    expect(types('After the attack Netanyahu fled Kazan on Friday.')).toContain('ATTACK');
  });

  it('an event noun that describes the noun after it ("election supremo"), a conference call, "primary" as an adjective: no event', () => {
    expect(types("Putin became Russia's election supremo in Kazan on Friday.")).not.toContain('ELECTION');
    expect(types('Putin unveiled his election slogan in Kazan on Friday.')).not.toContain('ELECTION');
    expect(types('Putin won the election in Kazan on Friday.')).toContain('ELECTION');
    expect(types('Reuters held a conference call on Friday.')).not.toContain('SUMMIT');
    expect(types('Putin avoided news conferences in Kazan on Friday.')).not.toContain('SUMMIT');
    expect(types('All four primary networks in Kazan showed it on Friday.')).not.toContain('ELECTION');
    expect(types('Putin won the primary in Kazan on Friday.')).toContain('ELECTION');
  });

  it('raising something that is no result (rates, aid, production) is no financial result', () => {
    expect(types('Reuters said the bank would increase interest rates by 0.25% on Friday.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Apple increased production to record highs, up 5%, on Friday.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Apple increased its profits by 5% on Friday.')).toContain('FINANCIAL_RESULT');
    expect(types('Apple sales increased by 5% on Friday.')).toContain('FINANCIAL_RESULT');
  });

  it('"the ruling party" and an illness that "ruled" a player out are no ruling', () => {
    expect(types("Putin met the ruling party's leaders in Kazan on Friday.")).not.toContain('DECISION');
    expect(types("Pezeshkian spoke to Russia's ruling NEC in Kazan on Friday.")).not.toContain('DECISION');
    expect(types('Flu ruled Putin, the 2000 champion, out of the final in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('The court announced its ruling in Kazan on Friday.')).toContain('DECISION');
  });

  it('targets met, fates met, plans met with criticism and past meetings of two teams are no meeting', () => {
    expect(types('Putin said it was a target he has now met in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Putin could have met the same fate in Kazan on Friday.')).not.toContain('MEETING');
    expect(types("Putin's plan was met with criticism in Kazan on Friday.")).not.toContain('MEETING');
    expect(types('Apple had won their last six meetings in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Putin met with Netanyahu in Kazan on Friday.')).toContain('MEETING');
    // "meet" as a noun is a sports competition; a "last meeting" with a win in it is the previous match.
    expect(types('Ivanova missed two international meets in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('It was not the best meet of the season in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('In their last meeting, Rubin beat Spartak in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Ivanova clocked 7.1 seconds at a meeting in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('At their last meeting in Kazan on Friday, the ministers agreed a plan.')).toContain('MEETING');
    expect(types('The ministers will meet in Kazan on Friday.')).toContain('MEETING');
    // Getting acquainted is no meeting.
    expect(types('In Kazan on Friday, Putin recalled the year he met his future wife.')).not.toContain('MEETING');
    expect(types('The two singers met as students in Kazan in 1990.')).not.toContain('MEETING');
    expect(types('Putin met Netanyahu to decide the fate of Kazan on Friday.')).toContain('MEETING');
  });

  it('agreeing about something or that something could be so is an opinion, no agreement', () => {
    expect(types('Putin agreed that the plan could be popular in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin agreed it was of concern but said nothing could be done in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin and Netanyahu agreed about the facts in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin agreed that Apple would be paid in Kazan on Friday.')).toContain('AGREEMENT');
  });

  it('resignations need no word of a post; workers laid off are cut jobs; a letter sent is a statement', () => {
    expect(types('The mayor of Kazan resigned on Friday.')).toContain('PERSONNEL');
    expect(types('Putin seemed resigned to defeat in Kazan on Friday.')).not.toContain('PERSONNEL');
    expect(types('Ten workers were laid off in Kazan on Friday.')).toContain('RESTRUCTURING');
    expect(types('The committee sent a letter to the minister on Friday. The watchdog issued a report on Apple on Friday.').filter((t) => t === 'STATEMENT')).toHaveLength(2);
  });

  it('taking office is an event; a movement after a place is a result', () => {
    expect(types('Putin was sworn in as president in Kazan on Friday.')).toContain('PERSONNEL');
    expect(types('Apple shares in Kazan slipped 1.2% on Friday.')).toContain('FINANCIAL_RESULT');
  });

  it("a team's away trip, the public's visits and a 'most visited' museum are no visit; a minister's trip is one", () => {
    expect(types('Apple sealed a quarter-final trip to Kazan with a 4-2 win on penalties on Friday.')).not.toContain('VISIT');
    expect(types('Reuters beat Apple 38-8 before their trip to Kazan on Friday.')).not.toContain('VISIT');
    expect(types('Two million tourists visit Kazan every year, Putin said on Friday.')).not.toContain('VISIT');
    expect(types("Kazan's most visited museum reopened on Friday.")).not.toContain('VISIT');
    expect(types('Putin began a trip to Kazan on Friday to publicise aid to poor nations.')).toContain('VISIT');
  });

  it('launching a protest, a club or a mini-manifesto is no product launch', () => {
    expect(types('Putin will launch a protest in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Putin launched his mini-manifesto in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Apple launched its new phone in Kazan on Friday.')).toContain('PRODUCT_LAUNCH');
  });

  it("a doctors' surgery is a place and a road closed is no business cut", () => {
    expect(types("Putin visited a doctors' surgery in Kazan on Friday.")).not.toContain('HEALTH');
    expect(types('Putin had heart surgery in Kazan on Friday.')).toContain('HEALTH');
    expect(types('Police closed the road to Kazan on Friday to protect 200 workers.')).not.toContain('RESTRUCTURING');
    expect(types('Apple closed its factory in Kazan on Friday, cutting 200 jobs.')).toContain('RESTRUCTURING');
  });

  it('a year inside what was said before an inverted attribution dates no statement; amounts are no model numbers', () => {
    const e = events('2023 was a "stellar year" said Putin in Kazan.').events.find((x) => x.type === 'STATEMENT');
    expect(e?.date ?? null).toBeNull();
    expect(types('A court ordered Apple to pay 100,000 roubles in Kazan on Friday.')).not.toContain('ORDER');
    expect(types('Reuters ordered 30 new 777s from Apple in Kazan on Friday.')).toContain('ORDER');
  });

  it('a deal struck and a film shot on location are no attack', () => {
    expect(types('A deal was struck with Reuters in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Apple was doing some location shooting in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Gunmen struck Kazan on Friday.')).toContain('ATTACK');
  });

  it('"to deal with" and "signs of" are no deal and nothing signed', () => {
    expect(types('Putin said the best way to fight inflation in Kazan was to deal with the deficit on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin saw signs of a slowdown in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Apple signed a deal with Reuters in Kazan on Friday.')).toContain('AGREEMENT');
  });

  it('voting for a party and a share of the vote are no decision', () => {
    expect(types('Most farmers voted Labour in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('Putin urged students to vote for the Tories in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('The Greens won 12% of the vote in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('A Lib Dem vote could help Putin in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('The Liberal Democrats will vote against the bill in Kazan on Friday.')).toContain('DECISION');
    expect(types('The Duma voted for the bill in Kazan on Friday.')).toContain('DECISION');
  });

  it('a kick "charged down" and clients "charged" for a service are no charge in court', () => {
    expect(types('His kick was charged down by Putin in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Apple charged clients for access to Putin in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Putin was charged with fraud in Kazan on Friday.')).toContain('LEGAL');
    // Charged with a duty: tasked, no accusation (a crime after "charged with" stays one).
    expect(types('A panel charged with overseeing the budget met Putin in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('The unit was charged with thinking up new plans in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Putin was charged with faking a crash in Kazan on Friday.')).toContain('LEGAL');
  });

  it("a household's goods, a first-person buyer and users acquired are no acquisition", () => {
    expect(types('Putin purchased an inkjet printer in Kazan on Friday.')).not.toContain('ACQUISITION');
    expect(types('Putin, who has just bought a new home in Kazan, scored on Friday.')).not.toContain('ACQUISITION');
    expect(types('I bought the Kazan version of the game on Friday.')).not.toContain('ACQUISITION');
    expect(types('Apple will have acquired 51 million users in Kazan by Friday.')).not.toContain('ACQUISITION');
    expect(types('Apple bought Reuters in Kazan on Friday.')).toContain('ACQUISITION');
    expect(types('Apple acquired Reuters in Kazan on Friday.')).toContain('ACQUISITION');
    expect(types("Apple's purchase of Reuters in Kazan on Friday was approved.")).toContain('ACQUISITION');
  });

  it('an appointment kept, an award nomination and the news promoted are no personnel change', () => {
    expect(types('Putin missed a routine appointment at the Kazan office on Friday.')).not.toContain('PERSONNEL');
    expect(types('Putin received an Oscar nomination in Kazan on Friday.')).not.toContain('PERSONNEL');
    expect(types('Putin, nominated for his supporting role in Kazan, spoke on Friday.')).not.toContain('PERSONNEL');
    expect(types('Putin promoted the news in Kazan on Friday.')).not.toContain('PERSONNEL');
    expect(types("Putin's appointment as Kazan chairman on Friday was welcomed.")).toContain('PERSONNEL');
    expect(types('Putin was promoted to Kazan manager on Friday.')).toContain('PERSONNEL');
  });

  it('a date inside a relative clause between commas does not date the main clause', () => {
    const death = (text: string) => events(text).events.find((e) => e.type === 'DEATH');
    expect(death('Putin, who met Pezeshkian in Kazan in 2001, has died.')?.date ?? null).toBeNull();
    expect(death('Putin, the man who led Apple in 2001, died in Kazan on Friday.')?.date).toMatchObject({ start: '2024-10-11' });
    expect(death('Putin died in Kazan in 2001.')?.date).toMatchObject({ start: '2001-01-01' });
    // A restrictive relative clause goes on to the verb: the date is the relative's.
    expect(types('The man who met Putin in Kazan in 2001 was arrested on Friday.')).toContain('ARREST');
  });

  it('a date inside a reduced relative, between dashes or in brackets dates nothing outside it', () => {
    const first = (text: string, type: string) => events(text).events.find((e) => e.type === type);
    expect(first('Putin, elected in 2000, died in Kazan.', 'DEATH')?.date ?? null).toBeNull();
    expect(first('The lawsuit - filed by Apple in 1999 - was settled by Putin in a deal with Reuters.', 'AGREEMENT')?.date ?? null).toBeNull();
    expect(first("Putin's film (2004) won an award in Kazan.", 'OTHER')?.date ?? null).toBeNull();
    // Between dashes, a phrase with no verb says when the main clause happened.
    expect(first("Apple's sales fell - between 2002 and 2003 - by 14% in Russia.", 'FINANCIAL_RESULT')?.date).toMatchObject({ start: '2002-01-01' });
    expect(first('Putin died in Kazan in 2000.', 'DEATH')?.date).toMatchObject({ start: '2000-01-01' });
  });

  it('a day before a before/after phrase dates what the phrase hangs on, not the event inside it', () => {
    const vote = (text: string) => events(text).events.find((e) => e.type === 'DECISION');
    expect(vote('Apple published its plan in Kazan on Friday - just before a vote of Reuters shareholders.')?.date ?? null).toBeNull();
    expect(vote('Reuters shareholders voted in Kazan on Friday.')?.date).toMatchObject({ start: '2024-10-11' });
  });

  it('a deal rejected, called off or blocked is cancelled; one a motion seeks to throw out is not', () => {
    const factuality = (text: string, type: string) => events(text).events.find((e) => e.type === type)?.factuality;
    expect(factuality('Apple said on Friday that Reuters had rejected a deal worth $8bn.', 'AGREEMENT')).toBe('cancelled');
    expect(factuality('Russia blocked the proposed takeover of Reuters by Apple.', 'ACQUISITION')).toBe('cancelled');
    expect(factuality('Apple filed a motion in Kazan to throw out the bankruptcy of Reuters.', 'BANKRUPTCY')).not.toBe('cancelled');
  });

  it('agreeing with a clause or with a person named with an honorific is no agreement', () => {
    expect(types('Putin and Pezeshkian agree she could win in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Analysts in Russia agree with Mr Putin, arguing that costs rose.')).not.toContain('AGREEMENT');
    expect(types('Apple agreed with Mr Putin to build a plant in Kazan.')).toContain('AGREEMENT');
    expect(types('Putin agreed he would visit Kazan on Friday.')).toContain('AGREEMENT');
  });

  it('an operation, a fight or a probe launched is no product launch; web visits are no visit; a tour being cancelled is cancelled', () => {
    expect(types('Russia launches fight against Apple in Kazan')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Probe launched on Putin jibe in Kazan')).not.toContain('PRODUCT_LAUNCH');
    expect(types('An operation was launched against Apple in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Apple launched a search service in Kazan on Friday.')).toContain('PRODUCT_LAUNCH');
    expect(types("Apple's site racks up 2% of all net visits per day in Russia.")).not.toContain('VISIT');
    expect(types('The site of Apple is blocking visits from overseas users in Russia.')).not.toContain('VISIT');
    expect(types("Putin's visits to Kazan on Friday were short.")).toContain('VISIT');
    const tour = events("Protests resulted in Putin's UK tour being cancelled on Friday.").events.find((e) => e.type === 'VISIT');
    expect(tour?.factuality).toBe('cancelled');
  });

  it('a result that will come is a forecast (possible); one that came is asserted', () => {
    const result = (text: string) => events(text).events.find((e) => e.type === 'FINANCIAL_RESULT')?.factuality;
    expect(result('Reuters forecasts that the profits of Apple will fall 10% in 2025.')).toBe('possible');
    expect(result('The profits of Apple fell 10% in 2023.')).toBe('asserted');
  });

  it('concerns and promises met are no meeting; legal attacks and attacks on legislation are no violence', () => {
    expect(types('Putin insisted his concerns had been met in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Apple claimed it has met all of its promises in Russia.')).not.toContain('MEETING');
    expect(types('The legal attacks on Apple in Kazan had driven people away.')).not.toContain('ATTACK');
    expect(types('Airlines in Russia have attacked the legislation, saying prices could rise.')).not.toContain('ATTACK');
    expect(types('Putin was attacked by muggers in Kazan on Friday.')).toContain('ATTACK');
  });

  it('a change measured "from" a time is not dated by it (a baseline)', () => {
    const result = (text: string) => events(text).events.find((e) => e.type === 'FINANCIAL_RESULT');
    expect(result("Apple's profits rose 5% from 2003 to $2bn.")?.date ?? null).toBeNull();
    expect(result('Total sales of Apple were $30bn, up 27% from the same 2004 period.')?.date ?? null).toBeNull();
    expect(result("Apple's profits rose 5% in 2004.")?.date).toMatchObject({ start: '2004-01-01' });
  });

  it('a match encounter, a cool reception met, a way negotiated, legislation met and an athletics meeting are no meetings', () => {
    expect(types('The previous encounter in Kazan on Friday ended with the Irish winning 1-0.')).not.toContain('MEETING');
    expect(types("Putin's words met a cool reception in Kazan on Friday.")).not.toContain('MEETING');
    expect(types('Russia will have to negotiate their way through a tough draw in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Apple changed its rules to meet legislation in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Putin cleared 2.16m at a meeting in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Putin met Pezeshkian in Kazan on Friday.')).toContain('MEETING');
    expect(types('Putin had a tense encounter with Pezeshkian in Kazan on Friday.')).toContain('MEETING');
  });

  it('bankruptcy avoided or averted is negated; a birth rate, a bankruptcy judge and parties born out of fear are no events', () => {
    const fact = (text: string, type: string) => events(text).events.find((e) => e.type === type)?.factuality;
    expect(fact('Apple avoided bankruptcy in Kazan on Friday.', 'BANKRUPTCY')).toBe('negated');
    expect(fact('Apple staved off bankruptcy in Kazan on Friday.', 'BANKRUPTCY')).toBe('negated');
    expect(fact('Apple filed for bankruptcy in Kazan on Friday.', 'BANKRUPTCY')).toBe('asserted');
    expect(types('The birth rate in Kazan fell on Friday.')).not.toContain('BIRTH');
    expect(types('Bankruptcy judge Putin spoke in Kazan on Friday.')).not.toContain('BANKRUPTCY');
    expect(types('Parties born out of fear met in Kazan on Friday.')).not.toContain('BIRTH');
    expect(types('Putin was born in Kazan on Friday.')).toContain('BIRTH');
  });

  it('a player dropped and a sales pitch are no financial result', () => {
    expect(types('Reuters sales rose 5% in Kazan on Friday.')).toContain('FINANCIAL_RESULT');
    expect(types('Putin decided to drop him for the Kazan final on Friday.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Putin gave his sales pitch in Kazan on Friday.')).not.toContain('FINANCIAL_RESULT');
  });

  it('prices charged, hearing from someone, a convicted person and a conviction that are no court case', () => {
    expect(types('Apple raised the prices it charged in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types("This week, we're hearing from Putin, who lives in Kazan.")).not.toContain('LEGAL');
    expect(types('Putin was furious on hearing he had been dropped in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('The film stars Putin as a convicted smuggler, shot in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Putin stated his conviction that Kazan would win on Friday.')).not.toContain('LEGAL');
    expect(types('Putin was convicted of fraud in Kazan on Friday.')).toContain('LEGAL');
    expect(types('Putin attended a hearing in Kazan on Friday.')).toContain('LEGAL');
    expect(types("Putin's conviction in Kazan on Friday was overturned.")).toContain('LEGAL');
  });

  it('lawsuits launched and a manager unveiled are no product launch; a tour title is no visit', () => {
    expect(types('Apple launched lawsuits against 80 banks in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Putin will be unveiled as the new Kazan manager on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Apple launched a new phone in Kazan on Friday.')).toContain('PRODUCT_LAUNCH');
    expect(types('Putin won his second tour title in Kazan on Friday.')).not.toContain('VISIT');
    expect(types('Putin began a tour of Kazan on Friday.')).toContain('VISIT');
  });

  it('a treaty called a Convention, the football Conference and "close to" are no summit and nothing closed', () => {
    // The whole pipeline: the treaty's and the league's names come from the entity stage.
    const shipped = (text: string) => pipelineEvents(text).map((e) => e.type);
    expect(shipped('Apple acted in line with the UN Convention on Refugees of June 2003.')).not.toContain('SUMMIT');
    expect(shipped('Russia left the 1951 UN Convention on Refugees, which protects people in Kazan.')).not.toContain('SUMMIT');
    expect(shipped('Putin guided Kazan to the Conference title in 2002.')).not.toContain('SUMMIT');
    expect(types('Putin spoke at a convention of Apple workers in Kazan on Friday.')).toContain('SUMMIT');
    expect(types('Sources close to Apple spoke to Reuters in Kazan on Friday.')).not.toContain('RESTRUCTURING');
    expect(types('Apple will close its Kazan factory on Friday.')).toContain('RESTRUCTURING');
  });

  it('a time after "until" ends a span and dates no event, unless "not … until" says when it happens', () => {
    const dated = (text: string) => pipelineEvents(text).map((e) => `${e.type} ${e.date?.start ?? '-'}`);
    expect(dated('Putin signed a new contract with Apple in Kazan to stay until May 2008.')).toEqual(['AGREEMENT -']);
    expect(dated('Putin has agreed with Apple to defer payments until the end of 2005.')).toEqual(['AGREEMENT -']);
    expect(dated('Apple is not expected to launch the phone in Kazan until 2006.')).toEqual(['PRODUCT_LAUNCH 2006-01-01']);
  });

  it('a chart move and a lost case or vote are no financial result; a loss of money is one', () => {
    expect(types('Apple fell two places to fourth position in the Kazan chart on Friday.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Putin has lost his £2m libel case against Reuters in Kazan.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Apple lost $2bn in Kazan in 2004.')).toContain('FINANCIAL_RESULT');
  });

  it('"voted best film" and "voted off the show" are no decision; a board that voted for a rise made one', () => {
    expect(types('Apple was voted best company by Reuters readers in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('Putin was voted off the Kazan show on Friday.')).not.toContain('DECISION');
    expect(types('The Apple board voted for a rise in Kazan on Friday.')).toContain('DECISION');
  });

  it('a cross met, a draw\'s second round, a game settled and a post taken over are no meeting, deal or takeover', () => {
    expect(types('Putin met the cross from Apple with a header in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Putin will meet Pezeshkian in the second round in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Putin met Pezeshkian in Kazan on Friday.')).toContain('MEETING');
    expect(types('Putin settled the game for Apple in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin settled for silver in Kazan on Friday.')).not.toContain('AGREEMENT');
    expect(types('Putin took over the kicking duties for Apple in Kazan on Friday.')).not.toContain('ACQUISITION');
    expect(types('Apple took over Reuters in Kazan on Friday.')).toContain('ACQUISITION');
    // A text that ends on the verb (the hostile-input property found it).
    expect(() => types('Putin met')).not.toThrow();
  });

  it('a trip in a match report is a foul, a trip to a place a visit', () => {
    expect(types('Putin was banned for his alleged trip that broke a player\'s leg in Kazan on Friday.')).not.toContain('VISIT');
    expect(types('Putin made a surprise trip to Kazan on Friday.')).toContain('VISIT');
  });

  it('"ruled" over something is no ruling; a court\'s "ruled the act was valid" is one', () => {
    expect(types('Apple ruled the personal computer world in Kazan in 2004.')).not.toContain('DECISION');
    expect(types('The High Court in Kazan ruled the act was valid on Friday.')).toContain('DECISION');
  });

  it('"made" is a financial result only for money or a result', () => {
    expect(types('Apple made accounting decisions in Kazan on Friday, costing $5m.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Apple has made a request for a $5m loan on Friday.')).not.toContain('FINANCIAL_RESULT');
    expect(types('Apple made a profit of $5m in Kazan on Friday.')).toContain('FINANCIAL_RESULT');
    expect(types('Apple made £347m in Kazan in the year to Friday.')).toContain('FINANCIAL_RESULT');
  });

  it('a headline\'s "X attacks Y over Z" in words is no attack', () => {
    expect(types("Putin attacks 'reckless' plans in Kazan on Friday.")).not.toContain('ATTACK');
    expect(types('Medvedev attacks Apple over prices on Friday.')).not.toContain('ATTACK');
    expect(types('Russia launched an attack on Kazan on Friday.')).toContain('ATTACK');
  });

  it("workers' strike is no attack; an athletics meeting or a match's meeting with a rival is no meeting", () => {
    expect(types('Thousands join strike in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Russia launched a missile strike on Kazan on Friday.')).toContain('ATTACK');
    expect(types('Putin ran at the indoor meeting in Kazan on Friday.')).not.toContain('MEETING');
    expect(types('Putin set up a meeting with Medvedev after he won 6-3 6-2 on Friday.')).not.toContain('MEETING');
    expect(types('Putin held a secret meeting with Medvedev in Kazan on Friday.')).toContain('MEETING');
  });

  it('a heart attack is no attack; a console or a patch released is a product', () => {
    expect(types('Putin had a heart attack in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Russia launched an attack on Kazan on Friday.')).toContain('ATTACK');
    expect(types('Apple released a new console in Kazan on Friday.')).toContain('PRODUCT_LAUNCH');
    expect(types('Apple releases security patches on Friday.')).toContain('PRODUCT_LAUNCH');
  });

  it("a company's collapse is a bankruptcy; a market crash, a crash at goal, sales that sank or an explosion in sales are no accidents", () => {
    expect(types("Apple's collapse in Kazan shocked Russia on Friday.")).toContain('BANKRUPTCY');
    expect(types("Apple's collapse in Kazan shocked Russia on Friday.")).not.toContain('ACCIDENT');
    expect(types('The roof of a building collapsed in Kazan on Friday.')).toContain('ACCIDENT');
    expect(types('The collapse of the talks in Kazan on Friday angered Putin.')).not.toContain('ACCIDENT');
    expect(types('Putin crashed a shot against the bar in the match in Kazan on Friday.')).not.toContain('ACCIDENT');
    expect(types('Putin died in a car crash near the stadium after the match in Kazan on Friday.')).toContain('ACCIDENT');
    expect(types('Apple shares sank 5% in Kazan on Friday.')).not.toContain('ACCIDENT');
    expect(types('The explosion in sales of Apple phones in Kazan continued on Friday.')).not.toContain('ACCIDENT');
    expect(types('A gas explosion killed four people in Kazan on Friday.')).toContain('ACCIDENT');
  });

  it('two deaths in one clause are two events', () => {
    const deaths = events('Putin passed away in Kazan, days after Pezeshkian died.').events.filter((e) => e.type === 'DEATH');
    expect(deaths.length).toBe(2);
  });

  it('a reduced passive ("X jailed for …", as headlines write it) makes X the patient; an active verb with its object does not', () => {
    const role = (text: string) => events(text).events.find((e) => e.type === 'ARREST')?.participants.find((p) => p.name === 'Masoud Pezeshkian')?.role;
    expect(role('Pezeshkian jailed for swearing on Friday.')).toBe('patient');
    expect(role('Pezeshkian was jailed for swearing on Friday.')).toBe('patient');
    expect(role('Pezeshkian jailed Putin for swearing on Friday.')).toBe('agent');
    // Only verbs that always take an object: "resigned after" stays active.
    const resigned = events('Pezeshkian resigned after the vote on Friday.').events.flatMap((e) => e.participants).find((p) => p.name === 'Masoud Pezeshkian');
    expect(resigned?.role ?? 'agent').not.toBe('patient');
  });

  it('in the passive the subject is the patient and the "by" phrase the agent, irregular participles too ("was bought by")', () => {
    const roles = (text: string, type: string) =>
      Object.fromEntries((events(text).events.find((e) => e.type === type)?.participants ?? []).map((p) => [p.name, p.role]));
    expect(roles('Reuters was bought by Apple on Friday.', 'ACQUISITION')).toMatchObject({ Reuters: 'patient', Apple: 'agent' });
    expect(roles('Reuters, being bought by Apple on Friday, said nothing.', 'ACQUISITION')).toMatchObject({ Reuters: 'patient', Apple: 'agent' });
    expect(roles('Apple bought Reuters on Friday.', 'ACQUISITION')).toMatchObject({ Apple: 'agent', Reuters: 'patient' });
    expect(roles('Pezeshkian was sacked by Reuters on Friday.', 'PERSONNEL')).toMatchObject({ 'Masoud Pezeshkian': 'patient', Reuters: 'agent' });
    // An adverb between "was" and the participle: "was also bought", "was later sacked".
    expect(roles('Reuters was also bought by Apple on Friday.', 'ACQUISITION')).toMatchObject({ Reuters: 'patient', Apple: 'agent' });
  });

  it('"took over as …" or "at …" is a succession in a post; "took over" a company is an acquisition', () => {
    expect(types('Pezeshkian took over as president on Friday.')).not.toContain('ACQUISITION');
    expect(types('Pezeshkian took over at Reuters on Friday.')).not.toContain('ACQUISITION');
    expect(types('Pezeshkian took over after Putin resigned on Friday.')).not.toContain('ACQUISITION');
    expect(types('Apple took over Reuters on Friday.')).toContain('ACQUISITION');
  });

  it('"named best director" or "nominated for an award" is an honour, not an appointment; "named … chief" is one', () => {
    const personnel = (text: string) => events(text).events.some((e) => e.type === 'PERSONNEL');
    expect(personnel('Pezeshkian was named best director on Friday.')).toBe(false);
    expect(personnel('Pezeshkian was named Player of the Year on Friday.')).toBe(false);
    expect(personnel('Pezeshkian was nominated for an award on Friday.')).toBe(false);
    expect(personnel('Pezeshkian was named chief executive of Reuters on Friday.')).toBe(true);
  });

  it('"shot" a film, a shot at goal, sales that "shot up", "struck a deal" and "attacked" a policy are no attacks; a person "was shot" is one', () => {
    const attack = (text: string) => events(text).events.some((e) => e.type === 'ATTACK');
    expect(attack('The film was shot in Kazan on Friday.')).toBe(false);
    expect(attack("Putin's low shot was blocked on Friday.")).toBe(false);
    expect(attack('Sales of the phone shot up on Friday.')).toBe(false);
    expect(attack('Apple struck a deal with Reuters on Friday.')).toBe(false);
    expect(attack('Pezeshkian was shot in Kazan on Friday.')).toBe(true);
    expect(attack('Putin shot at the police in Kazan on Friday.')).toBe(true);
    expect(attack('The army struck Kazan on Friday.')).toBe(true);
    // "attacked" a policy is an attack in words; "attacked by muggers" is not.
    expect(attack("Putin attacked Pezeshkian's tax plans in Kazan on Friday.")).toBe(false);
    expect(attack('Putin was attacked by muggers in Kazan on Friday.')).toBe(true);
    // "attacked … as" a judgement is in words; "attacked as he left" is not.
    expect(attack('The trilogy has been attacked by some teachers in Kazan as blasphemy.')).toBe(false);
    expect(attack('Putin attacked the plan as a stunt in Kazan on Friday.')).toBe(false);
    expect(attack('Pezeshkian was attacked as he left a bar in Kazan on Friday.')).toBe(true);
    // Shooting "on" a title is filming; the shooting on a street or on a day is gunfire.
    expect(attack('Shooting on Casino Royale is expected to begin in Kazan on Friday.')).toBe(false);
    expect(attack('The shooting on Monday in Kazan killed two people.')).toBe(true);
  });

  it('a shopper\'s purchase and "bought time" are no acquisitions; a company bought is one', () => {
    const acq = (text: string) => events(text).events.some((e) => e.type === 'ACQUISITION');
    expect(acq('Every customer who bought the CD in Kazan on Friday can claim damages.')).toBe(false);
    expect(acq('The sale bought time for Apple on Friday.')).toBe(false);
    expect(acq('Apple bought Reuters on Friday.')).toBe(true);
  });

  it('"launched a campaign" or "unveil plans" is no product launch; "visiting fans" is no visit', () => {
    const has = (text: string, type: string) => events(text).events.some((e) => e.type === type);
    expect(has('Apple launched an advertising campaign in Kazan on Friday.', 'PRODUCT_LAUNCH')).toBe(false);
    expect(has('Apple unveiled plans to cut jobs in Kazan on Friday.', 'PRODUCT_LAUNCH')).toBe(false);
    expect(has('Apple launched a new phone in Kazan on Friday.', 'PRODUCT_LAUNCH')).toBe(true);
    expect(has('Reuters warned visiting fans in Kazan on Friday.', 'VISIT')).toBe(false);
    expect(has('Putin was visiting Kazan on Friday.', 'VISIT')).toBe(true);
  });

  it('agreeing with an opinion is no AGREEMENT; agreeing to do something is one', () => {
    const agreement = (text: string) => events(text).events.some((e) => e.type === 'AGREEMENT');
    expect(agreement('Putin agreed that the figures were stronger than expected on Friday.')).toBe(false);
    expect(agreement("On Friday Putin agreed with Pezeshkian's view of the talks.")).toBe(false);
    expect(agreement('Putin agreed to buy Reuters on Friday.')).toBe(true);
    expect(agreement('On Friday Putin agreed with Pezeshkian to hold talks in Kazan.')).toBe(true);
  });

  it('a dated happening the lexicon cannot type is an OTHER event with its argument', () => {
    const { events: evs } = events('Apple opened a factory in Kazan on Friday.');
    expect(evs.some((e) => e.type === 'OTHER' && e.factuality === 'asserted' && e.date?.start === '2024-10-11')).toBe(true);
    // An investigation is typed (LEGAL, CAMEO 09) since the lexicon lists it.
    expect(events('Apple opened an investigation into Reuters in Kazan on Friday.').events.map((e) => e.type)).toContain('LEGAL');
  });

  it('a later mention with a time of its own does not join, nor date, an earlier undated event', () => {
    const evs = (text: string) => events(text).events.map((e) => `${e.type} ${e.mentions.length} ${e.date?.start ?? '-'}`);
    // The lead's meeting is undated; "in 2003" is another meeting, not the date of the first.
    expect(evs('Putin met Apple workers in Kazan. Putin met them in 2003.')).toEqual(['MEETING 1 -', 'MEETING 1 2003-01-01']);
    expect(evs('Apple bought a factory in Kazan. Apple bought a rival in 2003.')).toEqual(['ACQUISITION 1 -', 'ACQUISITION 1 2003-01-01']);
    // A dated event still takes an undated later mention of it.
    expect(evs('Putin met Pezeshkian at Ashgabat on Friday. At the Ashgabat meeting, Putin smiled.')).toEqual(['MEETING 2 2024-10-11']);
  });

  it('a year in a title ("the 2000 Olympic champion") or in a phrase after for/from/than dates no event; one at a named event does', () => {
    const dates = (text: string) => events(text).events.map((e) => `${e.type} ${e.date?.start ?? '-'}`);
    expect(dates('Putin, the 2000 Olympic champion, met Apple workers in Kazan.')).toEqual(['MEETING -']);
    expect(dates('The 2003 winner Putin met Apple workers in Kazan.')).toEqual(['MEETING -']);
    expect(dates('Apple signed a deal with Putin for the 2005 season.')).toEqual(['AGREEMENT -']);
    expect(dates('Apple profit rose 27% from its 2003 level.')).toEqual(['FINANCIAL_RESULT -']);
    expect(dates('Putin met Apple workers at the 2003 Kazan fair.')).toEqual(['MEETING 2003-01-01']);
  });

  it('a year premodifying a noun dates no OTHER event of the clause, unless a time preposition governs its phrase', () => {
    const list = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'}`);
    // The year says when the film, the pioneer or the titles were, not when the clause happened.
    expect(list('A remake of the 1998 film was directed by Putin.')).toEqual([]);
    expect(list('Putin was inspired by the songs of 1998 pioneer Netanyahu.')).toEqual([]);
    expect(list('Putin was stripped of his 1998 titles.')).toEqual([]);
    // After a time preposition, or with a when-clause on it, the phrase dates the clause; a plain year still does.
    expect(list('Putin was inspired by the songs of Netanyahu during the 1998 crisis.')).toEqual(['inspired 1998-01-01']);
    expect(list('It was a repeat of the 1998 final, when Putin astounded the world.')).toEqual(['astounded 1998-01-01']);
    expect(list('Putin was stripped of his titles in 1998.')).toEqual(['stripped 1998-01-01']);
  });

  it('a time in a relative clause after an OTHER trigger dates the relative clause, not the trigger', () => {
    const list = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'}`);
    expect(list('The letters were found among the papers of Putin, who died in Kazan in 2001.')).not.toContain('found 2001-01-01');
    expect(list('Putin left Apple, which he founded in 1998.')).not.toContain('left 1998-01-01');
    // Without the relative clause the time is the trigger's own.
    expect(list('The letters were found among the papers of Putin in Kazan in 2001.')).toContain('found 2001-01-01');
    expect(list('Putin left Apple in 1998.')).toContain('left 1998-01-01');
  });

  it('a verb of intending is not dated by a time after it, which dates what is intended', () => {
    const list = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'}`);
    expect(list('Apple is planning new phones in Kazan in 2006.')).not.toContain('planning 2006-01-01');
    expect(list('Putin is looking for Netanyahu to stay in Kazan beyond 2008.')).not.toContain('looking 2008-01-01');
  });

  it('a baseline after "than in", "unlike in" or an amount "on" dates no event', () => {
    const dates = (text: string) => events(text).events.map((e) => `${e.type} ${e.date?.start ?? '-'}`);
    expect(dates('Apple sales rose faster than in 2004.')).toEqual(['FINANCIAL_RESULT -']);
    expect(dates('Apple sales rose in Kazan, unlike in 2003.')).toEqual(['FINANCIAL_RESULT -']);
    expect(dates('Apple sales rose 64% on 2003.')).toEqual(['FINANCIAL_RESULT -']);
    expect(dates('Apple sales rose in 2003.')).toEqual(['FINANCIAL_RESULT 2003-01-01']);
  });

  it('a year that is part of a name ("Euro 2004", "Expo 2020") dates no event, learned anchor or clause rule', () => {
    const dates = (text: string) => events(text).events.map((e) => e.date?.start ?? null);
    expect(dates('Apple sold its Kazan factory to Reuters after the Expo 2020 fair.')).not.toContain('2020-01-01');
    expect(dates('Apple shares were boosted by the Euro 2004 tournament in Kazan.')).not.toContain('2004-01-01');
    expect(dates('Apple sold its Kazan factory to Reuters in 2020.')).toContain('2020-01-01');
  });

  it('a word between a determiner and the noun it describes is no OTHER event; the noun or the verb of the clause is', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => e.trigger.text);
    expect(others('A bruising 40-3 defeat followed for Russia in Kazan in 2003.')).toEqual(['followed']);
    expect(others('Pezeshkian made his acting debut in Kazan in 2003.')).toEqual(['debut']);
    // ("won" an award is an AWARD since events41; "coveted" is still no OTHER event)
    expect(others('Putin won the coveted Reuters award in Kazan in March 2003.')).toEqual([]);
    expect(events('Putin won the coveted Reuters award in Kazan in March 2003.').events.map((e) => e.type)).toEqual(['AWARD']);
    // a particle after the word makes it the head of a phrasal noun, which stays an event
    expect(others('Since the break up of Reuters in 2003, Putin has ruled Kazan.').includes('break')).toBe(others('Since the break of Reuters in 2003, Putin has ruled Kazan.').includes('break'));
  });
  it('a dated happening the detector is sure of is an OTHER event with no participant or place; a forecast or an ongoing activity is none', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'}`);
    expect(others('Such clubs grew quickly last year.')).toEqual(['grew 2023-01-01']);
    expect(others('The tower was demolished in 1995.')).toEqual(['demolished 1995-01-01']);
    expect(others('The factory was built in the 1970s.')).toEqual(['built 1970-01-01']);
    // put in the future with no actor, it is a forecast
    expect(others('The economy will shrink in 2005.')).toEqual([]);
    // an ongoing activity with no actor is no dated happening either
    expect(others('The two firms have been working on the engine since 2001.')).toEqual([]);
  });
  it('a dated happening with no participant or place is an OTHER event from a detector margin of 12 (events31); below it, none', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'}`);
    // detector margins 13–17 with the shipped models: under main's 18 these gave no event
    expect(others('The four members reunited in 1997.')).toEqual(['reunited 1997-01-01']);
    expect(others('The civil war finally ended in 2002.')).toEqual(['ended 2002-01-01']);
    expect(others('The group formed in 1994.')).toEqual(['formed 1994-01-01']);
    expect(others('The secret service was first tipped off in July 2003.')).toEqual(['tipped 2003-07-01']);
    // margin 11: still too unsure to chart with no actor
    expect(others('Fans endured a hard year in 2004.')).toEqual([]);
  });
  it('a typed happening the detector is sure of is kept asserted with no participant, place or date; a vague, possible, negated or reported one is not', () => {
    const kept = (text: string) => events(text, null).events.map((e) => `${e.type} ${e.trigger.text} ${e.factuality}`);
    // A common-noun actor is no entity: the happening is still one a reader lists (events table, no timeline row).
    expect(kept('A court has ruled against the ban.')).toEqual(['DECISION ruled asserted']);
    expect(kept('Several protesters were arrested outside the embassy.')).toEqual(['ARREST arrested asserted']);
    const evs = events('A court has ruled against the ban.', null).events;
    expect(evs[0]!.date).toBeNull();
    expect(evs[0]!.evidence.participants).toContain("kept with no participant, place or date: the learned detector's margin");
    // The detector is less sure of a bare mention of a meeting: still too vague to chart.
    expect(kept('Their first meeting was short.')).toEqual([]);
    // Not asserted: a possible, negated or reported bare happening stays out.
    expect(kept('The two men could be arrested.')).toEqual([]);
    expect(kept('The two men were not arrested.')).toEqual([]);
    expect(kept('He said: "The court has ruled against the ban."')).toEqual([]);
  });
  it('an untyped happening a source reports is an OTHER event flagged reported, dated only by a time of its own clause', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.factuality} ${e.date?.start ?? '-'}`);
    expect(others('Apple said it will open a factory in Kazan on Friday.')).toEqual(['open reported 2024-10-18']);
    // A time of the reporting clause dates the saying, not what was said.
    expect(others('On Friday, Apple said that it had opened a factory in Kazan.')).toEqual([]);
  });

  it('an occurrence beside a typed event in its clause is an OTHER event of its own, unless it governs the typed event', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'}`);
    const types = (text: string) => events(text).events.map((e) => e.type).sort();
    // "sold" is a happening of its own next to the bankruptcy filing (TimeML: an OCCURRENCE)…
    expect(types('Apple filed for bankruptcy in 1994 and was sold to Reuters.')).toEqual(['BANKRUPTCY', 'OTHER']);
    expect(others('Apple filed for bankruptcy in 1994 and was sold to Reuters.')).toEqual(['sold 1994-01-01']);
    // …but an aspectual verb takes the typed event as its object, and so does a verb whose object is the event noun.
    expect(others('Putin began talks with Pezeshkian in Kazan on Friday.')).toEqual([]);
    expect(types('Apple won the election in Kazan on Friday.')).toEqual(['ELECTION']);
    // …and a predicate whose subject is the typed event noun says something of that event.
    expect(types('The meeting between Putin and Pezeshkian at Ashgabat on Friday was short.')).toEqual(['MEETING']);
  });
  it('a second happening joined by "and" in a clause with an OTHER event is an OTHER event of its own, not merged into the first', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'} ${e.mentions.length}`);
    // Two predicates of one subject are two happenings, even of one date: neither swallows the other as a mention.
    expect(others('Putin founded a choir in 1994 and recorded six albums with Pezeshkian.')).toEqual(['founded 1994-01-01 1', 'recorded 1994-01-01 1']);
    expect(others('Pezeshkian joined Apple in 1994 and moved to Kazan.')).toEqual(['joined 1994-01-01 1', 'moved 1994-01-01 1']);
    // A noun after "and" is no second predicate: only a regular past form is taken for one (no part-of-speech layer).
    expect(others('Putin founded a choir in 1994 and the growth of Apple.')).toEqual(['founded 1994-01-01 1']);
  });
  it('the name owning the subject right before a verb is a party to its event, and no name before it is the subject', () => {
    const parts = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${names(e).join(',')} ${e.date?.start ?? '-'}`);
    // "Putin's convictions were thrown out": Putin takes part; without him the happening had no participant at all.
    expect(parts('Putin’s convictions were thrown out in 2003.')).toEqual(['OTHER thrown participant:Vladimir Putin 2003-01-01']);
    // "Putin said Apple's shares rose": Apple's shares rose, Putin is no agent of the rise.
    expect(parts('On Friday Putin said Apple’s shares rose 5%.').filter((p) => p.includes('rose'))).toEqual(['FINANCIAL_RESULT rose participant:Apple 2024-10-11']);
    // A relative "whose" hangs the phrase on the name before it.
    expect(parts('Apple, whose shares rose 5% on Friday, hired Putin.').filter((p) => p.includes('rose')).map((p) => p.replace(/ \S+$/, ''))).toEqual(['FINANCIAL_RESULT rose participant:Apple']);
    // An apposition between the name and "whose" stands for the name.
    expect(parts('Apple, a computer maker whose shares rose 5% on Friday, hired Putin.').filter((p) => p.includes('rose')).map((p) => p.replace(/ \S+$/, ''))).toEqual(['FINANCIAL_RESULT rose participant:Apple']);
    // A film or a remark "met with" reviews or jeers meets no one (the possessor now gives it a participant).
    expect(types('Apple’s film met with scathing reviews on Friday.')).not.toContain('MEETING');
    expect(types('Putin’s every word was met with a deafening chorus of jeers on Friday.')).not.toContain('MEETING');
    // The possessed phrase's own head is no verb: "Apple's third entry" is no event of Apple's.
    expect(parts('Apple’s third entry in the chart is a player from 1983.')).toEqual([]);
  });

  it('a relative clause between commas lends its names and places to no verb outside it; the verb after it takes the name it hangs on', () => {
    const parts = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${names(e).join(',')} @${e.location?.name ?? '-'}`);
    // "Putin, who worked for Apple, was charged": Putin was charged, not Apple.
    expect(parts('Putin, who worked for Apple, was charged with fraud on Friday.')).toEqual(['LEGAL charged patient:Vladimir Putin @-']);
    // A person's death: the places of the relative are no patient, so the death had no participant at all.
    expect(parts('Putin, who visited Kazan and Iran, has died.').filter((p) => p.includes('died'))).toEqual(['DEATH died patient:Vladimir Putin @-']);
    // A place inside the relative is where its own verb happened, not where the main clause's did.
    expect(parts('Apple, which has a factory in Kazan, has bought Reuters.')).toEqual(['ACQUISITION bought agent:Apple,patient:Reuters @-']);
    // Only the verb that takes up the main clause right after the comma: "said those found guilty" is no guilt of Putin's.
    expect(parts('Putin, who vowed to fight fraud when he took office, said those found guilty would face tough punishments.')).toEqual([]);
  });

  it('being appointed or sacked is a change of post without a post word; "named"/"quit" with a post only after "as" for a title word', () => {
    const parts = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${names(e).join(',')} ${e.date?.start ?? '-'}`);
    expect(parts('Putin was appointed by Apple on Friday.')).toEqual(['PERSONNEL appointed agent:Apple,patient:Vladimir Putin 2024-10-11']);
    expect(parts('Apple sacked Pezeshkian on Friday.')).toEqual(['PERSONNEL sacked agent:Apple,patient:Masoud Pezeshkian 2024-10-11']);
    expect(parts('Putin was named as Russia’s new team captain on Friday.').map((p) => p.split(' ')[0])).toEqual(['PERSONNEL']);
    // the participle describing a noun, a claim dismissed, someone dismissed "as" a judgement: no change of post
    expect(types('Putin said the appointed members of the Kazan council met on Friday.')).not.toContain('PERSONNEL');
    expect(types('Putin has dismissed claims that Apple will leave Kazan, his chief of staff said on Friday.')).not.toContain('PERSONNEL');
    expect(types('Putin dismissed Pezeshkian as a "fading" force on Friday, his chief of staff said.')).not.toContain('PERSONNEL');
    expect(types('Pezeshkian was dismissed as chairman of Apple on Friday.')).toContain('PERSONNEL');
    // a title word before a name is no post given or left ("Kazan leader Putin dismissed…")
    expect(types('Kazan leader Putin dismissed the reports on Friday.')).not.toContain('PERSONNEL');
  });
  it('a court’s ruling on a decision, claim or penalty is a DECISION, and what it rules on no OTHER event of that date', () => {
    const parts = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${e.date?.start ?? '-'}`);
    expect(parts('The Kazan court quashed the convictions of Putin on Friday.')).toEqual(['DECISION quashed 2024-10-11']);
    expect(parts('A tribunal in Kazan overturned the bans on Pezeshkian on Friday.')).toEqual(['DECISION overturned 2024-10-11']);
    // a deficit overturned or rumours quashed: no ruling
    expect(types('Russia overturned a two-goal deficit in Kazan on Friday.')).not.toContain('DECISION');
    expect(types('Apple quashed rumours of a takeover of Reuters on Friday.')).not.toContain('DECISION');
  });
  it('charges brought, pressed or laid are a LEGAL charge; a report or letter issued in the passive is a STATEMENT', () => {
    const parts = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${names(e).join(',')} ${e.date?.start ?? '-'}`);
    expect(parts('Prosecutors brought fraud charges against Putin on Friday.').filter((p) => p.startsWith('LEGAL'))).toEqual(['LEGAL brought patient:Vladimir Putin 2024-10-11']);
    expect(parts('Police in Kazan pressed charges against Pezeshkian on Friday.').map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['LEGAL pressed']);
    // not charges as the object: no legal act
    expect(types('Apple brought new phones to Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Apple laid the foundations of a factory in Kazan on Friday.')).not.toContain('LEGAL');
    expect(parts('A damning report was published by Reuters on Friday.')).toEqual(['STATEMENT report agent:Reuters 2024-10-11']);
    expect(parts('A letter has been sent to Putin by Apple on Friday.').map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['STATEMENT letter']);
    // a report that is only read or discussed stays none
    expect(types('Putin read the report on Friday.')).not.toContain('STATEMENT');
  });

  it('a place before a name belongs to its noun phrase: the name takes part, not the place', () => {
    const parts = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${names(e).join(',')}`);
    expect(parts('Putin held merger talks with Russia bank Apple on Friday.')).toEqual(['MEETING talks agent:Vladimir Putin,participant:Apple']);
    expect(parts('Putin met Iran President Pezeshkian in Kazan on Friday.')).toEqual(['MEETING met agent:Vladimir Putin,participant:Masoud Pezeshkian']);
    // A verb or a title between them starts a new phrase: the place stays a party.
    expect(parts('On top of the deal with Iran Mr Putin said more would follow.').filter((p) => p.includes('deal'))).toEqual(['AGREEMENT deal participant:Iran']);
  });

  it('what is forecast has not happened: no OTHER event, a result flagged possible; a forecast is not dated by what it forecasts', () => {
    const list = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${e.factuality} ${e.date?.start ?? '-'}`);
    expect(list('Apple forecasts earnings growth of about 5% in 2025.')).toEqual([]);
    expect(list('Spending in Russia is expected to rise in 2025.')).toEqual([]);
    expect(list('In 2024, Apple forecast an 8% fall in prices in 2025.').filter((p) => p.includes('2025'))).toEqual([]);
    expect(list('Apple has forecast a net loss of 40m dollars in 2025.')).toEqual(['FINANCIAL_RESULT loss possible 2025-01-01']);
    // Growth that happened stays asserted.
    expect(list('Apple reported earnings growth of about 5% in 2023.').some((p) => p.endsWith('asserted 2023-01-01'))).toBe(true);
  });

  it('deaths in a quake or a tidal wave, a player ruled out, a chart summit, a network crash, a bill, law or career launched are no such events', () => {
    expect(types('More than 200 people in Kazan were killed following a massive earthquake on Friday.')).not.toContain('ATTACK');
    expect(types('Putin mourned the victims of the tidal wave which killed 150 in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('A hip injury ruled Putin out of the Kazan Classic on Friday.')).not.toContain('DECISION');
    expect(types('Putin denied on Friday that he was ruling out membership of BRICS.')).not.toContain('DECISION');
    expect(types('Apple soars to Kazan album summit')).not.toContain('SUMMIT');
    expect(types('The internal network of Apple crashed in Kazan on Friday.')).not.toContain('ACCIDENT');
    expect(types('A new law is being introduced in Russia by Putin on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('Apple launched the careers of Putin and Pezeshkian in Kazan on Friday.')).not.toContain('PRODUCT_LAUNCH');
    expect(types('A motor of Apple kept charged by the engine ran in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('Putin was charged VAT by Apple in Kazan on Friday.')).not.toContain('LEGAL');
    expect(types('By Friday five million Britons had signed up for Apple broadband in Kazan.')).not.toContain('AGREEMENT');
    // The senses that stay.
    expect(types('Apple signed up Putin for a three-year deal in Kazan on Friday.')).toContain('AGREEMENT');
    expect(types('Putin was charged by police with fraud in Kazan on Friday.')).toContain('LEGAL');
    expect(types('Apple introduced a new phone in Kazan on Friday.')).toContain('PRODUCT_LAUNCH');
    expect(types('The court in Kazan ruled on Friday that Apple must pay.')).toContain('DECISION');
    expect(types('Gunmen killed 20 people in Kazan on Friday.')).toContain('ATTACK');
  });

  it('an infinitive is planned, not done: no OTHER event, unless after a verb of beginning or going on', () => {
    const list = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${e.date?.start ?? '-'}`);
    // (A schedule of its own date is charted flagged possible since events45, never asserted as done.)
    expect(events('The first phone of Apple is due to be shipped in 2025.').events.map((e) => `${e.trigger.text} ${e.factuality}`)).toEqual(['shipped possible']);
    expect(list('The first phone of Apple was the first to be shipped in 2025.')).toEqual([]);
    expect(events('Apple is to start producing phones in Kazan in 2025.').events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.factuality}`)).toEqual(['start possible']);
    expect(list('Apple hopes to start producing phones in Kazan in 2025.').filter((p) => p.startsWith('OTHER'))).toEqual([]);
    expect(list('Exports of Apple started to grow in 2004.')).toHaveLength(1);
  });

  it('football shots, play in attack, a ball killed, a top reached and a verbal strike are no violence and no summit; showing why is no protest', () => {
    expect(types('Putin was wasteful in first-half injury time, shooting tamely at the keeper on Friday.')).not.toContain('ATTACK');
    expect(types('Putin, given little chance to shine in attack in Kazan on Friday, was praised.')).not.toContain('ATTACK');
    expect(types('Putin was sin-binned in Kazan on Friday after killing the ball.')).not.toContain('ATTACK');
    expect(types('Putin struck a penalty in Kazan on Friday.')).not.toContain('ATTACK');
    expect(types('Apple has struck out at Reuters with another lawsuit on Friday.')).not.toContain('ATTACK');
    expect(types("On Friday Putin called it a fantastic strike from the Kazan player.")).not.toContain('ATTACK');
    expect(types('The song reached the summit of the Kazan chart on Friday.')).not.toContain('SUMMIT');
    // Showing why, or protesting one's innocence, is no protest.
    expect(types('Putin demonstrated why he has never lost against Apple in Kazan on Friday.')).not.toContain('PROTEST');
    expect(types('Putin has continually protested his innocence in Kazan since Friday.')).not.toContain('PROTEST');
    expect(types('Thousands demonstrated against Apple in Kazan on Friday.')).toContain('PROTEST');
    // Taking over a task, or taking over with no object before "but": no takeover.
    expect(types('Kazan were bottom of the league when Putin took over but Apple enjoyed a fine start in 2003.')).not.toContain('ACQUISITION');
    expect(types('Apple took over regulation of the Kazan market in January 2004.')).not.toContain('ACQUISITION');
    expect(types('Apple took over Reuters in 2003.')).toContain('ACQUISITION');
    // Violence stays violence.
    expect(types('Three soldiers were killed in attack on a base in Kazan on Friday.')).toContain('ATTACK');
    expect(types('Putin attended a summit in Kazan on Friday.')).toContain('SUMMIT');
  });
});

describe('deaths and killings (events24)', () => {
  const parts = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text} ${names(e).join(',')} ${e.date?.start ?? '-'}`);
  it('"was found dead" is a death, its subject the one who died', () => {
    expect(parts('Putin was found dead at his home in Kazan on Friday.')).toEqual(['DEATH found dead patient:Vladimir Putin 2024-10-11']);
  });
  it('a death happens to its subject alone: the owner of "whose grandmother", a relative, is no party to it', () => {
    expect(parts('Putin, whose grandmother died in Kazan in 1990, has opened a school.').filter((p) => p.startsWith('DEATH'))).toEqual(['DEATH died  1990-01-01']);
    expect(parts('Putin died in Kazan on Friday.')).toEqual(['DEATH died patient:Vladimir Putin 2024-10-11']);
  });
  it('what someone died of is told with the death, no happening of its own', () => {
    expect(parts('Putin died of a heart attack in Kazan in 1998.')).toEqual(['DEATH died patient:Vladimir Putin 1998-01-01']);
  });
  it('the person a death happens to is its patient, whatever role the learned decision gives', () => {
    // A participant model that calls every name an agent by 10 (its bias weight alone): the learned role is
    // overruled for the person, not trusted (the shipped model's role for this name changes as it is retrained).
    const w = new Int8Array(PARTICIPANT_LABELS.length);
    w[PARTICIPANT_LABELS.indexOf('agent')] = 127;
    const agents = LinearModel.fromRows('EVP1', PARTICIPANT_LABELS.length, Uint32Array.of(hashString('participant:bias')), Float32Array.of(10 / 127), w);
    const death = withLinkModels(agents, null, () => parts('The death of former Kazan coach and Apple director Putin in a car crash in Kazan shocked the club.').filter((x) => x.startsWith('DEATH')));
    expect(death).toHaveLength(1);
    expect(death[0]).toContain('patient:Vladimir Putin');
    expect(death[0]).not.toContain('agent:Vladimir Putin');
  });
  it('a death is told to no addressee: "to X" after it is no party to it', () => {
    // "to Reuters" is where figures go, "a shock to Pezeshkian" whom it shocked.
    expect(parts('Putin will give the figures on the deaths of soldiers to Reuters on Monday.').filter((x) => x.startsWith('DEATH'))).toEqual(['DEATH deaths  2024-10-21']);
    expect(parts('Apple said the death of Putin in Kazan in 1990 was a shock to Pezeshkian.').join()).not.toContain('Pezeshkian');
  });
  it('a killing or death in a plot, a game or a depiction is no happening in the world', () => {
    expect(types('In the film, Putin kills a guard in Kazan and is shot by Pezeshkian.')).not.toContain('ATTACK');
    expect(types('A character will be killed in Kazan in the third book.')).not.toContain('ATTACK');
    expect(types('Each time you are attacked in Kazan you must start again.')).not.toContain('ATTACK');
    expect(types('The Apple drama depicts a bomb attack on Kazan.')).not.toContain('ATTACK');
    // A work about real killings names them; a player in sport is attacked in the world.
    expect(types('The Apple documentary depicts the 1995 bombing in Kazan.')).toContain('ATTACK');
    expect(types('Putin was attacked by fans in Kazan on Saturday after the game.')).toContain('ATTACK');
    expect(types('Putin died in the film on Friday.')).not.toContain('DEATH');
  });
});

describe('a subject shared across "but" or a short ", as …," aside', () => {
  it('a verb coordinated by "but" with no subject of its own takes the name that opens the clause before', () => {
    for (const text of ['Earlier, Apple weighed its options but sued the studio.', 'Apple weighed its options but later sued the studio.']) {
      const legal = events(text).events.find((e) => e.type === 'LEGAL');
      expect(legal && names(legal)).toEqual(['agent:Apple']);
    }
  });
  it('a verb right after ", as expected," takes the name before the aside', () => {
    const acq = events('Apple, as expected, also acquired the studio.').events.find((e) => e.type === 'ACQUISITION');
    expect(acq && names(acq)).toEqual(['agent:Apple']);
  });
  it('no subject when the first clause opens with anything but the name, or is subordinate', () => {
    expect(events('The studio pleased Putin but was later sued.').events.flatMap(names)).not.toContain('agent:Putin');
    expect(events('The studio pleased Putin but was later sued.').events.flatMap(names)).not.toContain('patient:Putin');
    expect(events('When Putin was in power, but sued the studio.').events.flatMap(names)).not.toContain('agent:Putin');
  });
});

describe('who is a party to an event (events36)', () => {
  it('the subject of "has welcomed / hailed / called for" reacts to the event it names, no party to it', () => {
    const parties = (text: string) => events(text).events.flatMap(names);
    // With "have" taken as the light verb these gave the reactor as the agent (main at events36).
    expect(parties('Israel and Iran have repeatedly called for the embargo to be lifted.')).not.toContain('agent:Iran');
    expect(parties('Putin has criticised the deal.')).not.toContain('agent:Vladimir Putin');
    expect(parties('Apple has welcomed the ruling by Russia on Friday.')).toEqual(['agent:Russia']);
    // "have" as the light verb itself, or the auxiliary of one, keeps its subject as the agent.
    expect(parties('Putin has held talks with Pezeshkian in Kazan on Friday.')).toContain('agent:Vladimir Putin');
    expect(parties('Apple has been in talks with Reuters since Friday.')).toContain('agent:Apple');
  });
  it('the subject of a passive "-en" participle is its patient', () => {
    const roles = (text: string) => events(text).events.flatMap(names);
    expect(roles('Israel were beaten by Iran in Kazan on Friday.')).toContain('patient:Israel');
    expect(roles('Israel were beaten by Iran in Kazan on Friday.')).not.toContain('agent:Israel');
  });
});

describe('a common noun that heads the subject (events38)', () => {
  const parties = (text: string) => events(text).events.flatMap(names);
  /** The participants' evidence of the event whose trigger is `trigger`. */
  const why = (text: string, trigger: string) => events(text).events.find((e) => e.trigger.text === trigger)?.evidence.participants;
  // The nearest name before the verb was taken as its subject in each of these (main at events38).
  it('a name before a participle that modifies the subject noun made it, it is no subject', () => {
    expect(why('An Apple designed digital radio set will be launched in Kazan on Friday.', 'launched')).not.toMatch(/subject "Apple"/);
  });
  it('the object of a participle is no subject of the verb after it', () => {
    expect(parties('The drama starring Putin, was recently ruled illegal by a court in Kazan on Friday.')).not.toContain('patient:Vladimir Putin');
  });
  it('a name of the clause before is no subject of a verb whose subject is a common noun', () => {
    expect(why('Reuters received complaints, and protesters demonstrated in Kazan on Friday.', 'demonstrated')).not.toMatch(/Reuters/);
    // (The learned model may still add Russia as a party of its own accord; the rule no longer gives it as the subject.)
    expect(why('A Russia defence and telecommunications company has agreed to pay $2m on Friday.', 'agreed')).not.toMatch(/subject "Russia"/);
  });
  it('a name in apposition to the subject noun, right before it, or before a time adverbial, still is the subject', () => {
    expect(parties('The Apple board has agreed to pay $2m on Friday.')).toContain('agent:Apple');
    expect(parties('Pezeshkian, the president elected in July, met Putin in Kazan on Friday.')).toContain('agent:Masoud Pezeshkian');
    expect(parties('Putin this week visited Kazan.')).toContain('agent:Vladimir Putin');
  });
});

describe('the bare and -ing forms of buying (events39)', () => {
  const acquisitions = (text: string) => events(text).events.filter((e) => e.type === 'ACQUISITION').map((e) => e.trigger.text);
  // Not in the lexicon before events39: "will buy", "is buying" gave no event.
  it('a company bought, or a stake in one, is an acquisition', () => {
    expect(acquisitions('Reuters will buy a 20% stake in Apple for $2bn, it said on Friday.')).toEqual(['buy']);
    expect(acquisitions('Apple is buying Reuters for $2bn.')).toEqual(['buying']);
    expect(acquisitions('On Friday Apple agreed to buy out minority shareholders in its Kazan unit.')).toEqual(['buy']);
  });
  it('goods, currencies or anything that is no company bought are no acquisition', () => {
    expect(acquisitions('Gamers in Kazan will be able to buy the new Apple console on Friday.')).toEqual([]);
    expect(acquisitions('Putin was buying presents in Kazan on Friday.')).toEqual([]);
    expect(acquisitions('Central banks in Russia were buying euros on Friday.')).toEqual([]);
    expect(acquisitions("Fans in Kazan can buy Apple's new phone from Friday.")).toEqual([]);
  });
});

describe('undated happenings the article tells as past (events41)', () => {
  const found = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text}${e.date ? '' : ' undated'}`);
  // At main both were dropped: a typed verb with no participant, place or date below margin 30; an OTHER mention with
  // no dated time expression in its sentence.
  it('a lexicon verb with no participant, place or date is kept when it is a past form of the main clause', () => {
    expect(found('Quarterly revenue rose 27% to $715 million.')).toContain('FINANCIAL_RESULT rose undated');
    expect(found('Revenue will rise 27% to $715 million, analysts said.')).toEqual([]);
    expect(found('The vouchers let pensioners choose from a list of approved suppliers.')).toEqual([]);
  });
  it('an undated occurrence with a participant is an OTHER event when the detector is sure and it is a past of the main clause', () => {
    expect(found('Apple has received a takeover offer. Its shares rose.')).toContain('OTHER received undated');
    // A stance is no happening; quoted speech is the speaker's.
    expect(found('Apple has refused to comment on the merger.').filter((e) => e.startsWith('OTHER'))).toEqual([]);
    expect(found('"Apple has received a takeover offer," Putin said. Its shares rose.').filter((e) => e.startsWith('OTHER'))).toEqual([]);
  });
  it('an undated OTHER event keeps no dated one out of its clause', () => {
    expect(found('Putin was replaced as the member for Kazan by Pezeshkian, after being deselected by his party in December 1996.')).toContain('OTHER deselected');
  });
});

describe('awards and match results (events41)', () => {
  const types = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text}`);
  // No type at main: an award won was at most an OTHER event, a match result none.
  it('an award or prize won, scooped or a nomination for one is an AWARD', () => {
    expect(types('Putin won an award for his film in Kazan on Friday.')).toContain('AWARD won');
    expect(types('Pezeshkian was nominated for an Oscar on Friday.')).toContain('AWARD nominated');
    expect(types('Apple named Putin chief executive on Friday.')).toContain('PERSONNEL named');
  });
  it('a match won or lost, with a score or a word of a competition, is a SPORT_RESULT; a market move stays a result', () => {
    expect(types('Reuters lost 2-0 to Apple in the cup final in Kazan on Friday.')).toContain('SPORT_RESULT lost');
    expect(types('Shares in Apple lost 2% in the final hour of trading in Kazan on Friday.')).not.toContain('SPORT_RESULT lost');
    expect(types('Putin won the argument in Kazan on Friday.').filter((t) => t.startsWith('SPORT') || t.startsWith('AWARD'))).toEqual([]);
  });
});

describe('events as a journalist reads them: support verbs, plural wins, a year of another noun (events42)', () => {
  const found = (text: string) => events(text).events.map((e) => `${e.type} ${e.trigger.text}${e.date ? ` ${e.date.start}` : ''}`);
  it('a verb whose object is an event noun of another type only supports it: "struck a deal" is no strike', () => {
    expect(found('Last week Reuters struck a $2bn cost-cutting deal with its pilots and drivers.').filter((e) => e.startsWith('PROTEST') || e.startsWith('ATTACK'))).toEqual([]);
    expect(found('Many shoppers disagreed with the lawsuits launched against Reuters by Apple.').filter((e) => e.startsWith('PRODUCT_LAUNCH'))).toEqual([]);
    // A product launched stays a launch; a labour strike stays a protest.
    expect(found('Apple launched a new phone in Kazan on Friday.')).toContain('PRODUCT_LAUNCH launched 2024-10-11');
    expect(found('Reuters pilots struck over pay in Kazan on Friday.')).toContain('PROTEST struck 2024-10-11');
  });
  it('"wins" counted or described is a plural noun, no match won; with an object it is a verb', () => {
    const sport = (text: string) => found(text).filter((e) => e.startsWith('SPORT_RESULT') || e.startsWith('AWARD') || e.startsWith('OTHER'));
    expect(sport('Putin is looking to add to just two wins in 2023 at the tournament in Kazan.')).toEqual([]);
    expect(sport('Putin has high hopes after league tournament wins in Kazan and Minsk.')).toEqual([]);
    expect(sport("Putin's new film wins Reuters world prize")).toContain('AWARD wins');
  });
  it('a year premodifying another noun does not date the event', () => {
    expect(found("Solaris - Tarkovsky's 1970s drama about a space station - was named best film in Kazan.")).toContain('AWARD named');
    // The year of the event's own noun phrase still dates it.
    expect(found('Putin won the 1997 election in Kazan.')).toContain('ELECTION election 1997-01-01');
  });
  it('an -s noun after a subject or an adverb of the verb is a verb in another sense', () => {
    expect(found('The film also deals with the war in Kazan in 1993.').filter((e) => e.startsWith('AGREEMENT'))).toEqual([]);
  });
});

describe('an ending is a happening (events44)', () => {
  it('"came to an end" is no light verb: an OTHER event of its date', () => {
    const others = (text: string) => events(text).events.filter((e) => e.type === 'OTHER').map((e) => `${e.trigger.text} ${e.date?.start ?? '-'}`);
    expect(others('The war in Kazan came to an end in 2003.')).toEqual(['came 2003-01-01']);
    // Another light use of "came" stays none.
    expect(others('Putin came to Kazan in 2003.')).toEqual([]);
  });
});
