import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';

/** Name → type of the entity layer of a text run up to the entity stage. */
const types = (text: string) => {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  return new Map(documentLayers(doc).entities.map((e) => [e.name, e.type]));
};

describe('types from the context of a name', () => {
  it('gives the odd one-word name of a list the type of most of the others', () => {
    const lineup = types('United: Carroll, Neville, Ferdinand, Heinze, Fletcher, Keane, Scholes, Giggs.');
    expect([...lineup.entries()].filter(([name, type]) => name !== 'United' && type !== 'PERSON')).toEqual([]);
    // A known place in a list of people stays a place ("from Birmingham, and …" is no list).
    const stops = types('He will stop in Shrewsbury, Dorset, Liverpool, Manchester, Basingstoke and Torbay.');
    expect(['Shrewsbury', 'Liverpool', 'Manchester', 'Basingstoke'].map((n) => stops.get(n))).toEqual(['LOCATION', 'LOCATION', 'LOCATION', 'LOCATION']);
  });

  it('reads two known places joined by "and" as two places, not one organisation', () => {
    const t = types('Police in both the US and Canada are still investigating the firm.');
    expect([t.get('US'), t.get('Canada'), t.get('US and Canada')]).toEqual(['LOCATION', 'LOCATION', undefined]);
  });

  it('reads a longer name after a company noun in apposition as the company, not after a noun a person may be', () => {
    expect(types('The study was carried out by security firm Henry Bolton Software last year.').get('Henry Bolton Software')).toBe('ORGANIZATION');
    expect(types('The report came from consultancy firm Martin Keller Associates on Monday.').get('Martin Keller Associates')).toBe('ORGANIZATION');
    expect(types('He was praised by his friend and fellow broadcaster Michael Pointon on Monday.').get('Michael Pointon')).toBe('PERSON');
    // A retailer may be a person: the name after it stays one ...
    expect(types('The shop was opened by retailer Peter Hammond on Monday.').get('Peter Hammond')).toBe('PERSON');
    // ... but a name that ends in "Stores" is the company's, whatever the recogniser made of its parts.
    expect(types('Shares in retailer Peter Hammond Stores fell.').get('Peter Hammond Stores')).toBe('ORGANIZATION');
  });

  it('reads a one-word name after a network, band, label, provider, channel, broadcaster … noun as the organisation', () => {
    expect(types('The head of US TV network Kelsey admitted the broadcaster had relied on reality shows.').get('Kelsey')).toBe('ORGANIZATION');
    expect(types('The prize went to UK rock band Harlow, who were named best act.').get('Harlow')).toBe('ORGANIZATION');
    expect(types('They signed with independent label Tamsin last year.').get('Tamsin')).toBe('ORGANIZATION');
    expect(types('According to Russian newspaper Kolokov, the loans would be repaid.').get('Kolokov')).toBe('ORGANIZATION');
    expect(types('A spokeswoman for net provider Halcyn said the attacks had stopped.').get('Halcyn')).toBe('ORGANIZATION');
    expect(types('TV channel Nine has been criticised for the advert.').get('Nine')).toBe('ORGANIZATION');
    // A one-word name the recogniser made MISC is the company too.
    expect(types('Satellite broadcaster Skyvox is planning new services.').get('Skyvox')).toBe('ORGANIZATION');
    // A noun a person may be called stays a person's: "fellow musician", "film maker".
    expect(types('His friend and fellow musician Marlowe said the band would play.').get('Marlowe')).toBe('PERSON');
    expect(types('The documentary by film maker Moorcroft was shown on Monday.').get('Moorcroft')).toBe('PERSON');
  });

  it('reads a one-word name in a list of examples of companies, credited with findings, or owned in percent as the organisation', () => {
    // A comma between the plural noun and "including"/"such as"; a list in apposition right after the noun.
    expect(types('Several carmakers, including Brandt, Kellner and Ostrow, have opened plants there.').get('Kellner')).toBe('ORGANIZATION');
    expect(types('Investment funds Harwood and Lisle want the chairman removed.').get('Harwood')).toBe('ORGANIZATION');
    // Findings and who published them: the whole list after "by".
    const survey = types('A recent survey by Pellman and Coyle found that most machines were infected.');
    expect([survey.get('Pellman'), survey.get('Coyle')]).toEqual(['ORGANIZATION', 'ORGANIZATION']);
    expect(types('According to figures compiled by Marrick, sales rose 5%.').get('Marrick')).toBe('ORGANIZATION');
    expect(types('Rosneft used the loan to buy Jenkins. Reports said CNPC had been offered 20% of Jenkins in return.').get('Jenkins')).toBe('ORGANIZATION');
    // Not nouns people may be named after ("title rivals"), nor a share of a person's belongings, nor a report from a town.
    expect(types('The final was won by Ferrow after title rivals Dallen and Ferrow met in Paris.').get('Dallen')).toBe('PERSON');
    expect(types('She said 30% of Holcroft\'s voters stayed at home.').get('Holcroft')).not.toBe('ORGANIZATION');
  });

  it('reads a one-word "person" named as a product or a work (after a product noun, or in a list of examples) as MISC', () => {
    expect(types('Users of the open source operating system Jenkins say it rarely crashes.').get('Jenkins')).toBe('MISC');
    expect(types('Sales of the sclerosis drug Mitchell were halted after a death.').get('Mitchell')).toBe('MISC');
    const programs = types('Free programs such as Hodgson and Jenkins are widely used.');
    expect([programs.get('Hodgson'), programs.get('Jenkins')]).toEqual(['MISC', 'MISC']);
    expect(types('They tend to go for films like Mitchell, Hodgson and Baxter.').get('Hodgson')).toBe('MISC');
    expect(types('The next version of Windows, codenamed Pellham, is due in 2006.').get('Pellham')).toBe('MISC');
    // Examples of people stay people.
    const artists = types('Other artists such as Hodgson and Jenkins agreed to perform.');
    expect([artists.get('Hodgson'), artists.get('Jenkins')]).toEqual(['PERSON', 'PERSON']);
  });

  it('types a law, a bill or a treaty MISC (subtype law), but not a person whose given name starts the name', () => {
    const doc = createDoc({ text: 'Ministers said the Coastal Waters Protection Bill would replace the Harbour Dues Act, as the Merrow Treaty allows. The director, Tony Bill, was there.' });
    runPipeline(doc, { until: 'entities' });
    const es = documentLayers(doc).entities;
    const of = (name: string) => es.filter((e) => e.name.endsWith(name)).map((e) => [e.type, e.subtype]);
    expect([of('Protection Bill'), of('Harbour Dues Act'), of('Merrow Treaty')]).toEqual([[['MISC', 'law']], [['MISC', 'law']], [['MISC', 'law']]]);
    expect(of('Tony Bill').map(([t]) => t)).not.toContain('MISC');
  });

  it('types a name ending like a happening (Olympics, Festival, Championships) MISC, not one ending like a body (Congress)', () => {
    const doc = createDoc({ text: 'She won gold at the Dorvald Olympics and then opened the Kessing Film Festival. The Dorvald Congress met.' });
    runPipeline(doc, { until: 'entities' });
    const t = new Map(documentLayers(doc).entities.map((e) => [e.name, [e.type, e.subtype]]));
    expect([t.get('Dorvald Olympics'), t.get('Kessing Film Festival')]).toEqual([['MISC', 'event'], ['MISC', 'event']]);
    expect(t.get('Dorvald Congress')?.[0]).not.toBe('MISC');
    const rugby = types('Ireland opened their Six Nations campaign with a win in Rome.');
    expect(rugby.get('Six Nations')).toBe('MISC');
  });

  it('joins a one-word "place" to the company whose longer name it starts, unless spoken of as a place or a country', () => {
    const t = types('Pilots at Delta Airlines went on strike. He said Delta might be concerned.');
    expect([t.get('Delta'), t.get('Delta Airlines')]).toEqual([undefined, 'ORGANIZATION']);
    const city = types('Talks with Shanghai Automotive Industry Corp went on, and the Shanghai city government approved.');
    expect(city.get('Shanghai')).toBe('LOCATION');
    const country = types('China Airlines flew from China to Paris on Monday.');
    expect(country.get('China')).toBe('LOCATION');
  });

  it('types a name headed by a noun for a body an organisation ("the Russian Embassy"), not a country ("the Russian Federation")', () => {
    const t = types('He once worked at the Russian Embassy in Paris, then for Thames Valley Police, and visited the Russian Federation.');
    expect([t.get('Russian Embassy'), t.get('Thames Valley Police'), t.get('Russian Federation')]).toEqual(['ORGANIZATION', 'ORGANIZATION', 'LOCATION']);
  });

  it('joins a one-word "person" to the organisation whose longer name it starts', () => {
    const t = types('The contract went to Delvaro International, of Arlington. Delvaro said the original scope of work had changed.');
    expect(t.get('Delvaro')).toBeUndefined();
    expect(t.get('Delvaro International')).toBe('ORGANIZATION');
    // Not a longer name that does not end like an organisation's, nor a person's surname.
    expect(types('Viewers of Orlavo News can watch it. Orlavo said the deal was done.').get('Orlavo')).not.toBe('ORGANIZATION');
  });

  it('leaves the titles of knighthoods and peerages out of a person\'s name, so titled and untitled mentions are one person', () => {
    const doc = createDoc({ text: 'Sir Gareth Pembry said the plan would fail. Gareth Pembry, 60, spoke after Lord Tallow and Dame Imelda Crane. Sir Gareth left.' });
    runPipeline(doc, { until: 'entities' });
    const people = documentLayers(doc).entities.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.mentions.length]);
    expect(people).toEqual([['Gareth Pembry', 3], ['Tallow', 1], ['Imelda Crane', 1]]);
  });

  it('splits a person span at "for", "or" or "nor": no person\'s name holds them', () => {
    const t = types('Replacements: Hodgson for Edwards (65), Strudwick for Kennedy (70).');
    expect(t.get('Strudwick for Kennedy')).toBeUndefined();
    expect([t.get('Strudwick'), t.get('Kennedy')]).toEqual(['PERSON', 'PERSON']);
  });

  it('reads a name after a noun for a work as its title (MISC), but not a person named by a short form, an acronym or a possessive', () => {
    expect(types('The comedy Brindle Street won the prize, and Brindle Street also sold well.').get('Brindle Street')).toBe('MISC');
    expect(types('His new album Vantaloon is out.').get('Vantaloon')).toBe('MISC');
    expect(types('Ray Charles died in June. The film Ray was a hit.').get('Ray Charles')).toBe('PERSON');
    expect(types('He likened the task to a musical Rubik\'s cube.').get('Rubik')).not.toBe('MISC');
  });

  it('reads names listed with a title of a work as titles too, but not a person listed with it', () => {
    const t = types('Award hopefuls Golden Harbour, Million Dollar Baby and Brindle Street did well. The comedy Brindle Street led.');
    expect(['Golden Harbour', 'Million Dollar Baby', 'Brindle Street'].map((n) => [n, t.get(n)])).toEqual(['Golden Harbour', 'Million Dollar Baby', 'Brindle Street'].map((n) => [n, 'MISC']));
    const p = types('The prize went to Jamie Foxx and Brindle Street. The comedy Brindle Street led.');
    expect(p.get('Jamie Foxx')).toBe('PERSON');
    // A comma alone is no list: a fronted phrase ends there.
    const q = types('Set in her native Harlowby, Brindle Street tells a story. The comedy Brindle Street led.');
    expect(q.get('Harlowby')).not.toBe('MISC');
  });

  it('types a person or place whose last word ends only companies\' names as the company, not a known place', () => {
    for (const name of ['Harlow Bros', 'Fenwick Technologies', 'Marlow Securities']) {
      const t = types(`Shares in ${name} fell 5% on Monday after ${name} warned on profits.`);
      expect([name, t.get(name)]).toEqual([name, 'ORGANIZATION']);
    }
    expect(types('They walked along the South Bank of the Thames in London.').get('South Bank')).not.toBe('ORGANIZATION');
  });

  it('reads names of an initial and a surname in a line-up as people, and sports clubs\' endings as clubs', () => {
    const t = types('Team named. 60m: D Marlowe (Fenbridge Harriers), K Ostler (Tollbury AC), R Pennick (Ashcombe Harriers). 200m: T Quade (Marsh Rovers).');
    expect(['D Marlowe', 'K Ostler', 'R Pennick', 'T Quade'].map((n) => [n, t.get(n)])).toEqual(['D Marlowe', 'K Ostler', 'R Pennick', 'T Quade'].map((n) => [n, 'PERSON']));
    expect(['Fenbridge Harriers', 'Ashcombe Harriers', 'Marsh Rovers'].map((n) => [n, t.get(n)])).toEqual(['Fenbridge Harriers', 'Ashcombe Harriers', 'Marsh Rovers'].map((n) => [n, 'ORGANIZATION']));
  });

  it('keeps an initial before a person\'s surname in the name, whatever the recogniser left out, so a line-up reads as one', () => {
    const events = types('Heptathlon: E Varley, L Quist, N Ormerod.');
    expect(['E Varley', 'L Quist', 'N Ormerod'].map((n) => [n, events.get(n)])).toEqual(['E Varley', 'L Quist', 'N Ormerod'].map((n) => [n, 'PERSON']));
    const squad = types('Squad. Forwards: G Hallam (Oxley), B Tennant (Rudford), F Mossop (Wexcombe).');
    expect(['G Hallam', 'B Tennant', 'F Mossop'].map((n) => [n, squad.get(n)])).toEqual(['G Hallam', 'B Tennant', 'F Mossop'].map((n) => [n, 'PERSON']));
    // A name of the list the recogniser typed otherwise, or did not tag at all, is one of them too.
    const bench = types('Bench: R Vane, T Hobb, S Ede, C Roe, F Lusk.');
    expect(['R Vane', 'T Hobb', 'S Ede', 'C Roe', 'F Lusk'].map((n) => [n, bench.get(n)])).toEqual(['R Vane', 'T Hobb', 'S Ede', 'C Roe', 'F Lusk'].map((n) => [n, 'PERSON']));
    expect(types('Doubles: B Mott and W Kray beat H Pell and G Sand.').get('G Sand')).toBe('PERSON');
  });

  it('reads a peer or a dame named by the title and names as a person, not a place; a title of an office or a place noun stays out', () => {
    const t = types('The bill was opposed by Lord Brackley and Baroness Venn in the Lords.');
    expect([t.get('Brackley'), t.get('Venn'), t.get('Lord Brackley')]).toEqual(['PERSON', 'PERSON', undefined]);
    const places = types('Tourists flew to Lord Howe Island, and the Lord Mayor met Lady Amelia Hartwell.');
    expect([places.get('Lord Howe Island'), places.get('Mayor'), places.get('Amelia Hartwell')]).toEqual(['LOCATION', undefined, 'PERSON']);
  });

  it('reads a name and a capitalised noun for a body after it as one organisation ("the Danish Embassy")', () => {
    const t = types('Protesters gathered outside the Danish Embassy in Damascus.');
    expect([t.get('Danish Embassy'), t.get('Embassy'), t.get('Danish')]).toEqual(['ORGANIZATION', undefined, undefined]);
  });

  it('reads a headline\'s compass initial as the country ("S Korea" is South Korea, "S Korean" its nationality)', () => {
    const doc = createDoc({ text: 'S Korea to talk to the North\n\nSouth Korea said on Monday that S Korean officials would meet North Korea next week.' });
    runPipeline(doc, { until: 'entities' });
    const entities = documentLayers(doc).entities;
    const byName = (n: string) => entities.find((e) => e.name === n || e.aliases.includes(n));
    expect(byName('S Korea')?.entity_id).toBe(byName('South Korea')?.entity_id);
    expect(byName('S Korea')?.geo?.country_code).toBe('KR');
    expect([byName('S Korean')?.type, byName('S Korean')?.subtype]).toEqual(['MISC', 'nationality']);
  });

  it('reads a known place the article speaks of only as a place as the place, whatever the recogniser typed', () => {
    expect(types('The firms met at a trade fair in Marseille this week.').get('Marseille')).toBe('LOCATION');
    expect(types('The prize was given in Anderson\'s home town.').get('Anderson')).not.toBe('LOCATION');
  });

  it('reads a "person" before an actor\'s noun and a name ("Quilby star Helen Marsh") as the work, not a person', () => {
    expect(types('Critics said Quilby star Helen Marsh was superb.').get('Quilby')).toBe('MISC');
    expect(types('Former Dorrow Lane actress Amy Fenton said she was delighted.').get('Dorrow Lane')).toBe('MISC');
    // Also a title that starts with a given name (a character's name).
    expect(types('He met Hannah Quilby star Helen Marsh at the party.').get('Hannah Quilby')).toBe('MISC');
    // The star herself stays a person.
    expect(types('Critics said Quilby star Helen Marsh was superb.').get('Helen Marsh')).toBe('PERSON');
  });

  it('reads a name the article gives as a virus, worm or trojan as that program (MISC), not a person of several words', () => {
    const t = types('A new virus called Drennick is spreading fast. Drennick steals passwords, experts said.');
    expect(t.get('Drennick')).toBe('MISC');
    expect(types('In 2003 the Varrowby worm knocked out cash machines in Texas.').get('Varrowby')).toBe('MISC');
    // The person a virus is named after stays the person.
    const p = types('Pictures of Tom Harlow were used as bait. The Harlow virus spread on Monday, and Tom Harlow said nothing.');
    expect(p.get('Tom Harlow')).toBe('PERSON');
  });

  it('keeps a maker\'s bare name apart from its product\'s ("Nintendo" is not "Nintendo Zorbit"), not from its company names', () => {
    const records = (text: string) => {
      const doc = createDoc({ text });
      runPipeline(doc, { until: 'entities' });
      return documentLayers(doc).entities.map((e) => [e.name, e.mention_count]);
    };
    const console = records('The Nintendo Zorbit goes on sale in Europe next week. Nintendo said it expects to sell two million of the handhelds by March, and Nintendo shares rose 3%.');
    expect(console).toContainEqual(['Nintendo', 2]);
    expect(console).toContainEqual(['Nintendo Zorbit', 1]);
    expect(records('Motorola said sales of the Motorola Vexlo phone were strong. Analysts said Motorola had a good year.')).toContainEqual(['Motorola', 2]);
    // A company's own longer name (its words end companies' names, or are common nouns) still takes its short form.
    expect(records('Shares in Mitsubishi Motors rose on Monday. Mitsubishi said profits would double.')).toEqual([['Mitsubishi Motors', 2]]);
    expect(records('Samsung Electronics posted record profits. Samsung said chip sales were strong.')).toEqual([['Samsung Electronics', 2]]);
  });

  it('reads a name between "the"/"its" and a noun for a device or format ("the Zentrix console") as that product (MISC)', () => {
    expect(types('Microsoft said sales of the Zentrix console rose. The Zentrix was launched in March.').get('Zentrix')).toBe('MISC');
    // Nouns a maker's or a broadcaster's name also precedes are no such cue.
    expect(types('Calls across the Vodafone network were cut on Monday, Vodafone said.').get('Vodafone')).toBe('ORGANIZATION');
    expect(types('He told the Kestrel TV programme that he would stand down.').get('Kestrel TV')).not.toBe('MISC');
  });
});
