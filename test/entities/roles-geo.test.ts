import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { geoKey, resolvePlace } from '../../src/entities/geo.js';
import { roleAfter, roleBefore, roleLexicon } from '../../src/entities/roles.js';

const entities = (text: string) => {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  return documentLayers(doc).entities;
};

const lex = roleLexicon();
/** The role found before (or after) the token `word` of `text`; `after` reads from the token past it. */
const roleAt = (text: string, word: string, side: 'before' | 'after') => {
  const doc = createDoc({ text });
  const i = doc.tokens.findIndex((t) => t.text === word);
  return side === 'before' ? roleBefore(doc, i, lex, () => false) : roleAfter(doc, i + 1, lex, () => false);
};
const before = (text: string, nameStart: string) => roleAt(text, nameStart, 'before');
const after = (text: string, nameEnd: string) => roleAt(text, nameEnd, 'after');

describe('roles', () => {
  const role = before;

  it('takes the title run before a name, stopping at determiners and verbs', () => {
    expect(role('Yesterday the German foreign ministry spokeswoman Anna Weber denied it.', 'Anna')).toBe('German foreign ministry spokeswoman');
    expect(role('He met Brazilian Finance Minister Paulo Santos on Friday.', 'Paulo')).toBe('Brazilian Finance Minister');
    expect(role('A report by NASA Administrator Bill Nelson followed.', 'Bill')).toBe('NASA Administrator');
    expect(role('Maj. General John Doe resigned.', 'John')).toBe('Maj. General');
    expect(role('Then John Doe resigned.', 'John')).toBeNull();
    expect(role('She called Paulo Santos.', 'Paulo')).toBeNull();
  });

  it('leaves a weekday or a month before a title out of the role: it is the time of the sentence', () => {
    expect(role('But on Thursday Health Secretary Jo Pilling said no.', 'Jo')).toBe('Health Secretary');
    expect(role('In March party chairman Ed Marsh quit.', 'Ed')).toBe('party chairman');
    expect(role('On 3 November singer Lena Rowe left.', 'Lena')).toBe('singer');
    // A newspaper named for its day stays, named or not.
    expect(role('The book, by Sunday Herald journalist Al Penn, sold well.', 'Al')).toBe('Sunday Herald journalist');
    // Inside a named mention it stays: the newspaper's name is part of the role.
    const doc = createDoc({ text: 'The book, by Sunday Courier journalist Al Penn, sold well.' });
    const i = doc.tokens.findIndex((t) => t.text === 'Al');
    expect(roleBefore(doc, i, lex, (k) => doc.tokens[k]!.text === 'Sunday' || doc.tokens[k]!.text === 'Courier')).toBe('Sunday Courier journalist');
  });

  it('takes a role from an appositive that closes after a title head', () => {
    expect(after("Sergey Ryabkov, Russia's deputy foreign minister, said so.", 'Ryabkov')).toBe("Russia's deputy foreign minister");
    expect(after('Anna Weber, the ministry spokeswoman.', 'Weber')).toBe('ministry spokeswoman');
    expect(after('John Smith, who spoke later, disagreed.', 'Smith')).toBeNull();
    expect(after('Maria Lopez, a lawyer for the family, declined.', 'Lopez')).toBeNull();
  });

  it('puts stated titles on person entities and strips them from names', () => {
    const es = entities('French Prime Minister Michel Barnier spoke to Polish Deputy Defence Minister Cezary Tomczyk. Barnier said little.');
    const barnier = es.find((e) => e.name === 'Michel Barnier');
    expect(barnier?.roles).toEqual(['French Prime Minister']);
    expect(barnier?.mention_count).toBe(2);
    expect(es.find((e) => e.name === 'Cezary Tomczyk')?.roles).toEqual(['Polish Deputy Defence Minister']);
    // British portfolios and company titles: the whole title, not its head alone.
    const uk = entities('Home Secretary Anna Pellow met shadow chancellor Tom Verity and the managing director Ruth Kemble.');
    expect(['Anna Pellow', 'Tom Verity', 'Ruth Kemble'].map((n) => uk.find((e) => e.name === n)?.roles)).toEqual([['Home Secretary'], ['shadow chancellor'], ['managing director']]);
    // Occupations are roles too, and a capitalised one opening a headline is no part of the name.
    const jobs = entities('Singer Kessler quits\n\nThe singer Nora Kessler and former Zentra boss Paul Drummond met the novelist Ida Lund.');
    expect(['Nora Kessler', 'Paul Drummond', 'Ida Lund'].map((n) => jobs.find((e) => e.name === n)?.roles.map((r) => r.toLowerCase()))).toEqual([['singer'], ['former zentra boss'], ['novelist']]);
    expect(jobs.map((e) => e.name)).not.toContain('Singer Kessler');
    // One role, in the spelling of the article's running text when a sentence opened with it first.
    const cased = entities('Former Zentra boss Paul Drummond resigned. Shares rose after former Zentra boss Paul Drummond left.');
    expect(cased.find((e) => e.name === 'Paul Drummond')?.roles).toEqual(['former Zentra boss']);
  });

  it('spells a role that opens its sentence as running text does, but keeps the capital of a title', () => {
    const roles = new Map(entities('Actor Tom Tiller said he was happy. Chief executive Anna Pole agreed. Former Zentex boss Carl Brin was silent. First Minister Jack Dunmore spoke. Chancellor Gordon Vane left.').map((e) => [e.name, e.roles]));
    expect([roles.get('Tom Tiller'), roles.get('Anna Pole'), roles.get('Carl Brin')]).toEqual([['actor'], ['chief executive'], ['former Zentex boss']]);
    expect([roles.get('Jack Dunmore'), roles.get('Gordon Vane')]).toEqual([['First Minister'], ['Chancellor']]);
    expect(entities('World Bank spokesman Ed Lorne said so.').find((e) => e.name === 'Ed Lorne')?.roles).toEqual(['World Bank spokesman']);
  });

  it('ends a role before the form of address that follows it', () => {
    const es = entities('The Archbishop of Canterbury Dr Rowan Williams spoke on Sunday.');
    expect(es.find((e) => e.name === 'Rowan Williams')?.roles).toEqual(['Archbishop of Canterbury']);
  });
});

describe('geo', () => {
  it('resolves countries and well-known cities', () => {
    expect(resolvePlace('France').geo?.country_code).toBe('FR');
    expect(resolvePlace('the U.S.').geo?.country_code).toBe('US');
    const tehran = resolvePlace('Tehran');
    expect(tehran.subtype).toBe('city');
    expect(tehran.geo?.country_code).toBe('IR');
    expect(tehran.geo?.latitude).toBeCloseTo(35.7, 0);
    expect(tehran.geo?.geonames_id).toBeGreaterThan(0);
  });

  it('leaves ambiguous and unknown names unresolved', () => {
    expect(resolvePlace('Springfield').geo).toBeNull();
    expect(resolvePlace('Nowhereville Upon Sea').geo).toBeNull();
    expect(resolvePlace('Europe')).toEqual({ geo: null, subtype: 'region' });
    expect(geoKey('The  Hague')).toBe('hague');
  });

  it('treats geographic feature names as places and place pairs as no name', () => {
    const es = entities('Tankers crossed the Strait of Hormuz despite the Iran-Israel standoff, officials in Oman said.');
    expect(es.find((e) => e.name === 'Strait of Hormuz')?.type).toBe('LOCATION');
    expect(es.some((e) => e.name === 'Iran-Israel')).toBe(false);
  });

  it('geocodes a smaller town, the only one of its name, when the article names a place of its country; its id stays its name\'s', () => {
    const inEngland = entities('The new music centre in Gateshead opened, and crowds came from across England.').find((e) => e.name === 'Gateshead')!;
    expect([inEngland.type, inEngland.subtype, inEngland.geo?.country_code, inEngland.geo?.geonames_id]).toEqual(['LOCATION', 'city', 'GB', 2648773]);
    // No place of its country beside it: left unresolved ("Cornwall" alone is no evidence for Cornwall, Ontario).
    const alone = entities('The new music centre in Gateshead opened on Monday.').find((e) => e.name === 'Gateshead')!;
    expect([alone.type, alone.geo]).toEqual(['LOCATION', null]);
    expect(alone.entity_id).toBe(inEngland.entity_id);
    // The town table decides no type: it is not the place table.
    expect(resolvePlace('Gateshead').subtype).toBeNull();
  });

  it('attaches geo to LOCATION entities and nationality subtype to demonyms', () => {
    const es = entities('Turkish troops crossed into Syria near Aleppo, officials in Ankara said.');
    expect(es.find((e) => e.name === 'Ankara')?.geo?.country_code).toBe('TR');
    expect(es.find((e) => e.name === 'Syria')?.subtype).toBe('country');
    expect(es.find((e) => e.name === 'Turkish')?.subtype).toBe('nationality');
  });
});

describe('words built on names are not names', () => {
  it('drops "Texas-based", "anti-Pyongyang" and "US$" but keeps names with a hyphen', () => {
    const es = entities('The Texas-based firm paid US$20,000 for anti-Pyongyang leaflets, said Anglo-Irish Bank and Coca-Cola.');
    const names = es.map((e) => e.name);
    for (const n of ['Texas-based', 'anti-Pyongyang', 'US$']) expect(names).not.toContain(n);
    expect(names).toContain('Coca-Cola');
    // Longer ones too ("Las Vegas-style").
    const more = entities('A New Mexico-based charity opened a Las Vegas-style casino, Oxfam said.').map((e) => e.name);
    for (const n of ['New Mexico-based', 'Las Vegas-style']) expect(more).not.toContain(n);
    expect(more).toContain('Oxfam');
    // Of any type, and with the capital of the sentence it opens; nor is a conjunctive adverb a name.
    const start = entities('Ex-Marlow minister Jane Dorsey left. Furthermore, the ex-Yukos managers sued. Hence Tesco said no.').map((e) => e.name);
    for (const n of ['Ex-Marlow', 'ex-Yukos', 'Furthermore', 'Hence']) expect(start).not.toContain(n);
    expect(start).toContain('Tesco');
    // Nor is it part of the name after it.
    const glued = entities('Toronto-based Vellmar said it would buy the mine. Vellmar shares rose.').map((e) => e.name);
    expect(glued).toContain('Vellmar');
    expect(glued.filter((n) => n.includes('-based'))).toEqual([]);
  });
  it('does not take a name heading a phrase with an article for a person ("won an Oscar for")', () => {
    const es = entities('DiCaprio won an Oscar for the role. The Aviator is long. Reporters asked whether the Aviator would win. Jones scored. A Jones penalty won it.');
    expect(es.find((e) => e.name === 'Oscar')?.type).not.toBe('PERSON');
    expect(es.find((e) => e.name === 'Aviator' || e.name === 'The Aviator')?.type).not.toBe('PERSON');
    expect(es.find((e) => e.name === 'Jones')?.type).toBe('PERSON');
  });

  it('leaves time zones and holidays to the time expressions ("1900 GMT", "Christmas")', () => {
    const names = entities('The match between Chelsea and Arsenal starts at 1900 GMT on Saturday.').map((e) => e.name);
    expect(names).not.toContain('GMT');
    expect(names).toContain('Chelsea');
    const holidays = entities('Shops in London opened on Boxing Day, and sales over Christmas rose, Tesco said.').map((e) => e.name);
    expect(holidays).not.toContain('Christmas');
    expect(holidays).not.toContain('Boxing Day');
    expect(holidays).toContain('Tesco');
  });

  it('drops common nouns written in capitals ("PC", "DVD", "MPs")', () => {
    const names = entities('Sony sold more PCs and DVD players, and MPs asked the BBC about TV licences.').map((e) => e.name);
    for (const n of ['PCs', 'DVD', 'MPs', 'TV']) expect(names).not.toContain(n);
    expect(names).toContain('BBC');
    // Technologies, measures and people of common speech too.
    const tech = entities('Sales of PVRs and USB sticks rose as GDP grew, the PM said, and Ofcom backed UWB and IPTV.').map((e) => e.name);
    expect(tech).toEqual(['Ofcom']);
    // Plurals of the list, and an acronym in brackets after a common noun (not after a name: "Really Simple Syndication (RSS)").
    const brackets = entities('Flat screens - LCDs and LEDs - and personal video recorders (PVRs) sold well, Ofcom said of Really Simple Syndication (RSS).');
    for (const n of ['LCDs', 'LEDs', 'PVRs']) expect(brackets.map((e) => e.name)).not.toContain(n);
    expect(brackets.find((e) => e.name === 'Really Simple Syndication')?.aliases).toContain('RSS');
  });

  it('splits a nationality noun off a person\'s name, and reads "the village of X" as a place', () => {
    const es = entities('Swede Kenneth Eriksson finished third. Briton Tim Henman won in Paris.');
    expect(es.find((e) => e.name === 'Kenneth Eriksson')?.type).toBe('PERSON');
    expect(es.find((e) => e.name === 'Swede')?.type).toBe('MISC');
    expect(es.find((e) => e.name === 'Tim Henman')?.type).toBe('PERSON');
    expect(entities('Rebels pulled out of the village of Shatoi towards the border.').find((e) => e.name === 'Shatoi')?.type).toBe('LOCATION');
  });

  it('splits a party off a member\'s name, and gives the party one id under its singular and plural names', () => {
    const es = entities('But shadow attorney general Tory Dominic Grieve said the plan was wrong. Lib Dem Norman Baker agreed with the Liberal Democrats.');
    expect(es.find((e) => e.name === 'Dominic Grieve')?.type).toBe('PERSON');
    expect(es.find((e) => e.name === 'Norman Baker')?.type).toBe('PERSON');
    expect(es.map((e) => e.name)).not.toContain('Tory Dominic Grieve');
    const party = es.filter((e) => e.name === 'Lib Dem' || e.name === 'Liberal Democrats');
    expect(party.length).toBeGreaterThan(0);
    const ids = new Set(party.map((e) => e.entity_id));
    expect(ids.size).toBe(1);
    expect(party.map((e) => e.name)).toEqual(['Liberal Democrats']); // the fullest form names it
  });

  it('reads the words of a well-known organisation\'s name as that name, whatever parts the recogniser made of them', () => {
    const names = entities('Former Liberal Democrats leader Kate Arden spoke. Aid came through the International Committee of the Red Cross.').map((e) => `${e.type}:${e.name}`);
    expect(names).toContain('ORGANIZATION:Liberal Democrats');
    expect(names).toContain('ORGANIZATION:International Committee of the Red Cross');
  });

  it('reads a given name after a person\'s title as a person, everywhere in the article', () => {
    const es = entities('The site of President George W Bush is blocked. Users can still reach the George W Bush domain name.');
    expect(es.filter((e) => e.name === 'George W Bush').map((e) => e.type)).toEqual(['PERSON']);
    // Not a name whose last word news writes lowercase half the time: "King Arthur International category".
    expect(entities('Nominated: the Bafta - King Arthur International category.').find((e) => e.name.endsWith('International'))?.type).not.toBe('PERSON');
  });

  it('keeps the possessive of companies named with one ("McDonald\'s", "Moody\'s"), not of others', () => {
    const es = entities("McDonald's said profits rose. Moody's cut its rating. Britain's economy grew.");
    expect(es.find((e) => e.name === "McDonald's")?.type).toBe('ORGANIZATION');
    expect(es.find((e) => e.name === "Moody's")?.type).toBe('ORGANIZATION');
    expect(es.find((e) => e.name === 'Britain')?.type).toBe('LOCATION');
    // A possessive that owns a noun is no part of a name.
    const queen = entities("The Queen's speech mentioned Parkinson's disease.").map((e) => e.name);
    expect(queen).not.toContain("Queen's");
    expect(queen).not.toContain("Parkinson's");
  });

  it('gives plural demonyms and nationality nouns their country', () => {
    const es = entities('Americans and Britons cheered as Swede Kenneth Eriksson won.');
    for (const n of ['Americans', 'Britons', 'Swede']) expect(es.find((e) => e.name === n)?.subtype).toBe('nationality');
  });

  it('drops currency codes and "No.", and keeps "Chapter 11" whole', () => {
    const es = entities('Apple, the No. 1 music seller, paid USD 14 billion. The C.E.O. said Delphi filed for Chapter 11 protection.');
    const names = es.map((e) => e.name);
    for (const n of ['USD', 'No.', 'C.E.O.', 'Chapter']) expect(names).not.toContain(n);
    const chapter = entities('Delphi sought bankruptcy and Chapter 11 protection from its lenders on Friday.').find((e) => e.name.startsWith('Chapter'));
    expect([chapter?.name, chapter?.type]).toEqual(['Chapter 11', 'MISC']);
    // The bankruptcy chapter is a name where the recogniser tags nothing of it.
    const emerged = entities('The carrier, which emerged from Chapter 11 last year, cut fares.').find((e) => e.name.startsWith('Chapter'));
    expect([emerged?.name, emerged?.type]).toEqual(['Chapter 11', 'MISC']);
  });
});

describe('employers are organisations', () => {
  it('retypes a "place" no gazetteer knows that someone works for', () => {
    const es = entities("Paul King, principal security consultant at Cisco, said the attack was new. A spokesman for Unison, Britain's biggest union, said members would strike.");
    expect(es.find((e) => e.name === 'Cisco')?.type).toBe('ORGANIZATION');
    expect(es.find((e) => e.name === 'Unison')?.type).toBe('ORGANIZATION');
  });
  it('types a one-word name in apposition with a union or a charity ORGANIZATION, not one heading it', () => {
    expect(entities("Kessler, Britain's second biggest union, backed the deal.").find((e) => e.name === 'Kessler')?.type).toBe('ORGANIZATION');
    expect(entities('Money went to Oxfam, the charity, and to Shelter.').find((e) => e.name === 'Oxfam')?.type).toBe('ORGANIZATION');
    expect(entities('Colley, head of the union, agreed.').find((e) => e.name === 'Colley')?.type).toBe('PERSON');
  });
  it('types a one-word name the gazetteer knows only as an organisation ORGANIZATION, not PERSON', () => {
    const doc = createDoc({ text: 'Google said profits rose. Google is expanding.' });
    runPipeline(doc, { until: 'entities' });
    // Whatever the recogniser made of one mention here (PERSON), Google is one organisation.
    const google = documentLayers(doc).entities.filter((e) => e.name === 'Google');
    expect(google.map((e) => e.type)).toEqual(['ORGANIZATION']);
    expect(entities('Mr Jones said profits rose.').find((e) => e.name === 'Jones')?.type).toBe('PERSON');
  });
  it('types a "place" listed with organisations that the gazetteer knows only as a company ORGANIZATION', () => {
    const es = entities('Microsoft, Sony and Nintendo will show new consoles at the fair.');
    expect(es.find((e) => e.name === 'Sony')?.type).toBe('ORGANIZATION');
    // A known place listed with companies stays a place.
    expect(entities('Microsoft, Japan and Nintendo will gain.').find((e) => e.name === 'Japan')?.type).toBe('LOCATION');
  });
  it('types awards MISC (subtype award), and an award does not join a person of the same first name', () => {
    const es = entities('She won an Oscar for the role and two Baftas. The film took the Golden Globe and the Mobo Awards. Oscar Pistorius ran.');
    for (const name of ['Oscar', 'Baftas', 'Golden Globe', 'Mobo Awards']) {
      expect(es.find((e) => e.name === name), name).toMatchObject({ type: 'MISC', subtype: 'award' });
    }
    expect(es.find((e) => e.name === 'Oscar Pistorius')?.type).toBe('PERSON');
    // The statuette and the ceremony are one award: one entity, one id.
    const oscars = entities('She won an Oscar in 2004. The Oscars ceremony is in February.').filter((e) => e.subtype === 'award');
    expect(oscars).toHaveLength(1);
    expect([oscars[0]!.name, ...oscars[0]!.aliases].sort()).toEqual(['Oscar', 'Oscars']);
  });
  it('types a city spoken of through its players or staff as the club ("Bath coach"), not a country ("England captain")', () => {
    const es = entities('Bath coach John Connolly said his side had played well. Bath lost at home.');
    expect(es.find((e) => e.name === 'Bath')?.type).toBe('ORGANIZATION');
    expect(entities('England captain Michael Vaughan said the tour would go ahead.').find((e) => e.name === 'England')?.type).toBe('LOCATION');
  });
  it('splits "A and B" read as one name when the article names A or B alone, each part typed as named alone', () => {
    const es = entities('Screens are made by the likes of Sony and Samsung. Samsung Electronics and Sony are among other companies working together to reduce costs.');
    expect(es.map((e) => e.name)).toEqual(expect.arrayContaining(['Samsung Electronics', 'Sony']));
    expect(es.find((e) => e.name.includes(' and '))).toBeUndefined();
    // One name with "and" inside stays whole: nothing in the article names a part alone, or "and" joins the complement of "of".
    expect(entities('The Securities and Exchange Commission said.').map((e) => e.name)).toContain('Securities and Exchange Commission');
  });
  it('keeps a country apart from a person or organisation sharing its initials', () => {
    const es = entities('Ulrich Schulte-Strathaus, head of the airline group, said the US market was weak.');
    expect(es.find((e) => e.name === 'US')?.type).toBe('LOCATION');
    expect(es.find((e) => e.name === 'Ulrich Schulte-Strathaus')?.aliases).toEqual([]);
  });
  it('joins a place that starts a company name ending in two words ("Delta" of "Delta Air Lines") when spoken of as a company', () => {
    const es = entities('Delta Air Lines cut fares. A Delta spokesman said profits fell.');
    expect(es.filter((e) => e.name.startsWith('Delta')).map((e) => [e.name, e.type])).toEqual([['Delta Air Lines', 'ORGANIZATION']]);
  });
  it('splits "<role> of the <organisation> <person>" into the organisation and the person', () => {
    const es = entities('The CEO of the Refugee Council Enver Solomon said the figures were wrong.');
    expect(es.find((e) => e.name === 'Refugee Council')?.type).toBe('ORGANIZATION');
    expect(es.find((e) => e.name === 'Enver Solomon')).toMatchObject({ type: 'PERSON', roles: ['CEO of the Refugee Council'] });
    // Words news text writes lowercase are no person's name: one organisation.
    expect(entities('A spokesman for the League Against Cruel Sports said.').map((e) => e.name)).toContain('League Against Cruel Sports');
  });
  it('keeps post-nominal offices and honours out of names ("Labour MP", "Nicholas Blake QC", "Tory MP Boris Johnson")', () => {
    const names = entities('Labour MP Peter Bradley said. Nicholas Blake QC, for the family, agreed. Tory MP Boris Johnson did not.').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Peter Bradley', 'Nicholas Blake', 'Boris Johnson']));
    expect(names.filter((n) => /\b(?:MP|QC)\b/.test(n))).toEqual([]);
  });
  it('reads the adjectives of the UK nations as nationalities ("Scottish voters", "Welsh MPs")', () => {
    const es = entities('The Welsh Assembly met. Welsh MPs objected. Scottish voters backed the plan.');
    expect(es.find((e) => e.name === 'Welsh')).toMatchObject({ type: 'MISC', subtype: 'nationality' });
    expect(es.find((e) => e.name === 'Scottish')).toMatchObject({ type: 'MISC', subtype: 'nationality' });
    expect(es.find((e) => e.name === 'Welsh Assembly')?.aliases).toEqual([]);
  });
  it('leaves known places alone ("a spokesman for Paris" stays a city)', () => {
    const es = entities('A spokesman for Paris said the city would bid again.');
    expect(es.find((e) => e.name === 'Paris')?.type).toBe('LOCATION');
  });
});

describe('subtypes', () => {
  it('marks media, events and products from names and how the text calls them', async () => {
    const { orgOrMiscSubtype } = await import('../../src/entities/subtypes.js');
    const doc = createDoc({ text: 'The report appeared in Kommersant newspaper and was cited by Interfax, the news agency.' });
    const span = (w: string) => {
      const i = doc.tokens.findIndex((t) => t.text === w);
      return [{ tokenStart: i, tokenEnd: i + 1 }];
    };
    expect(orgOrMiscSubtype(doc, 'ORGANIZATION', 'Kommersant', span('Kommersant'))).toBe('media');
    expect(orgOrMiscSubtype(doc, 'ORGANIZATION', 'Interfax', span('Interfax'))).toBe('media');
    expect(orgOrMiscSubtype(doc, 'ORGANIZATION', 'The report', span('report'))).toBeNull();
    expect(orgOrMiscSubtype(doc, 'MISC', 'G20 Summit', [])).toBe('event');
    expect(orgOrMiscSubtype(doc, 'MISC', 'F-16', [])).toBe('product');
  });

  it('knows media names by their last word, on a word boundary, in any case', async () => {
    const { isMediaName } = await import('../../src/entities/subtypes.js');
    for (const name of ['The Moscow Times', 'Washington Post', 'Nezavisimaya Gazeta', 'Sky News', 'BBC RADIO', 'Xinhua News Agency', 'Ukrainian Press Agency']) expect(isMediaName(name), name).toBe(true);
    // An agency is an outlet only as a news or press agency.
    for (const name of ['Postman', 'ITV', 'Mediatimes Group', 'Compress', 'Bank of England', 'US Anti-Doping Agency', 'Central Intelligence Agency']) expect(isMediaName(name), name).toBe(false);
  });
});

describe('roles of one person', () => {
  it('are listed once whatever their letter case (a title before the name, an apposition after it)', () => {
    const text = 'Finance Minister Paulo Santos arrived in Lisbon on Monday. Later, Santos, the finance minister, said the budget was balanced.';
    const santos = entities(text).find((e) => e.name === 'Paulo Santos');
    expect(santos).toBeDefined();
    const keys = santos!.roles.map((r) => r.toLowerCase());
    expect(keys.filter((k) => k === 'finance minister')).toHaveLength(1);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('roles after the name and in "X of Y" titles', () => {

  it('takes an apposition that names where the person works', () => {
    expect(after('"Prices will fall," said Dan Ortiz, chief market strategist at Harbor Point Capital, on Monday.', 'Ortiz')).toBe('chief market strategist at Harbor Point Capital');
    expect(after('Lena Marsh, chief executive of the Bank of Tilbury, resigned.', 'Marsh')).toBe('chief executive of the Bank of Tilbury');
    expect(after('Omar Haddad, a senior economist with Norvik.', 'Haddad')).toBe('senior economist with Norvik');
  });

  it('refuses clauses and owners that are no names', () => {
    expect(after('Maria Lopez, a lawyer for the family, declined.', 'Lopez')).toBeNull();
    expect(after('Tom Reed, who was an analyst at Norvik, left.', 'Reed')).toBeNull();
    expect(after('Tom Reed, an analyst at Norvik since the spring, left.', 'Reed')).toBeNull();
  });

  it('reads a title of the form "X of Y" before the name', () => {
    expect(before('He met Secretary of State Ann Vale in Paris.', 'Ann')).toBe('Secretary of State');
    expect(before('On Monday, Chancellor of the Exchequer Paul Hearne spoke.', 'Paul')).toBe('Chancellor of the Exchequer');
    expect(before('He praised a friend of Labour Ann Vale.', 'Ann')).toBeNull();
  });

  it('end up on the person entity once, whatever their case', () => {
    const es = entities('Dan Ortiz, chief market strategist at Harbor Point Capital, said stocks would rise. Later, Ortiz, Chief Market Strategist at Harbor Point Capital, added more.');
    const ortiz = es.find((e) => e.name === 'Dan Ortiz');
    expect(ortiz?.roles).toEqual(['chief market strategist at Harbor Point Capital']);
  });
});

describe('names cut at a form of address inside a span', () => {
  const names = (text: string) => entities(text).map((e) => `${e.type}:${e.name}`).sort();

  it('splits an organisation glued to a person into two entities', () => {
    expect(names('Speaking to BBC Mr Howard said the plan would fail.')).toEqual(['ORGANIZATION:BBC', 'PERSON:Howard']);
  });

  it('drops a glued word it cannot type, keeping the person without the honorific', () => {
    const es = names('The Archbishop of Canterbury Dr Rowan Williams spoke.');
    expect(es).toContain('PERSON:Rowan Williams');
    expect(es.some((e) => /Dr|Canterbury Dr/.test(e))).toBe(false);
  });

  it('leaves names with the honorific at the start as they were', () => {
    expect(names('Mr Blair met Dr John Reid.')).toEqual(['PERSON:Blair', 'PERSON:John Reid']);
  });
});

describe('readings the tenth session fixed (branch ent18)', () => {
  it('types a plural nickname whose players or staff the article speaks of ORGANIZATION', () => {
    expect(entities('The Falcons boss was angry. The Falcons lost again.').find((e) => e.name === 'Falcons')?.type).toBe('ORGANIZATION');
    expect(entities('Halvorsen, the Falcons prop, was injured. He joined the Falcons in May.').find((e) => e.name === 'Falcons')?.type).toBe('ORGANIZATION');
    // A nationality's plural or a happening is no club.
    expect(entities('The Americans coach was pleased.').find((e) => e.name === 'Americans')?.type).not.toBe('ORGANIZATION');
  });
  it('types a name beside a match score ORGANIZATION (countries stay places)', () => {
    expect(entities('London Irish 19-33 Wasps. Wasps made light of the absence.').find((e) => e.name === 'Wasps')?.type).toBe('ORGANIZATION');
    expect(entities('Leeds 2-1 Chelsea, and Australia 3-0 France.').filter((e) => e.type === 'LOCATION').map((e) => e.name)).toEqual(['Australia', 'France']);
    expect(entities('Hewitt (Australia) beat Nadal (Spain) 6-3 and Safin (Russia) lost.').filter((e) => e.type === 'LOCATION').length).toBe(3);
  });
  it('types the plural of a MISC name of the article MISC, never a place, a person or (named bare) an organisation', () => {
    expect(entities('Hindus marched on Sunday. Hindu leaders said the law was unfair.').find((e) => e.name === 'Hindus')?.type).toBe('MISC');
    expect(entities('Sikh temples were attacked, and Sikhs said police did nothing.').find((e) => e.name === 'Sikhs')?.type).toBe('MISC');
    expect(entities("The Zentrix X2 phone is out. Zentrix's sales rose, the Zentrix chief said.").filter((e) => e.name.startsWith('Zentrix') && e.type === 'MISC' && e.name.endsWith('s')).length).toBe(0);
  });
  it('types a compass word and a known region or country LOCATION', () => {
    expect(entities('Tokyo said the dispute concerns not only Japan, but also East Asia overall.').find((e) => e.name === 'East Asia')?.type).toBe('LOCATION');
  });
  it('lets an acronym in brackets after its own expansion mean that expansion, not the alias table\'s namesake', () => {
    const es = entities('Most users now take Carrier Pre-Selection (CPS) services. The CPS charged him.');
    const cps = es.find((e) => e.name === 'CPS' || e.aliases.includes('CPS'));
    expect(cps?.name).toBe('Carrier Pre-Selection');
    expect(cps?.type).not.toBe('PERSON');
    expect(es.some((e) => e.name === 'Crown Prosecution Service')).toBe(false);
  });
});
