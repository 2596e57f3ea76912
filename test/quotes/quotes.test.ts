import { describe, expect, it } from 'vitest';
import { quotesOf, type EntitySpec } from './helpers.js';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { runTimeRules } from '../../src/quotes/suffix.js';

const SMITH: EntitySpec = { name: 'John Smith', type: 'PERSON', aliases: ['Smith'] };
const JONES: EntitySpec = { name: 'Mary Jones', type: 'PERSON', aliases: ['Jones'] };
const PAULA: EntitySpec = { name: 'Paula Grant', type: 'PERSON', aliases: ['Grant'] };
const direct = (qs: ReturnType<typeof quotesOf>) => qs.filter((q) => q.kind !== 'indirect');

describe('typographies', () => {
  const cases: [string, string][] = [
    ['curly double', 'Smith said: “We will win this election.”'],
    ['straight double', 'Smith said: "We will win this election."'],
    ['curly single', 'Smith said: ‘We will win this election.’'],
    ['straight single', "Smith said: 'We will win this election.'"],
    ['guillemets', 'Smith said: «We will win this election.»'],
    ['low-high', 'Smith said: „We will win this election.“'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const qs = direct(quotesOf(text, [SMITH]));
      expect(qs).toHaveLength(1);
      expect(qs[0]!.text).toBe('We will win this election.');
      expect(qs[0]!.kind).toBe('direct');
      expect(qs[0]!.speaker?.name).toBe('John Smith');
      expect(qs[0]!.cue?.text).toBe('said');
      expect(text.slice(qs[0]!.start, qs[0]!.end)).toBe(qs[0]!.text);
    });
  }
});

describe('more typographies and layouts', () => {
  it('reads doubled apostrophes as double marks', () => {
    const qs = direct(quotesOf("''You don't have to come up with a fortune,'' Smith said.", [SMITH]));
    expect(qs.map((q) => q.text)).toEqual(["You don't have to come up with a fortune,"]);
    expect(qs[0]!.speaker?.name).toBe('John Smith');
  });
  it("reads wire ``…'' marks like any other quotation mark (AP/NYT archives)", () => {
    const text = "``You don't have to come up with a fortune,'' Smith said. ``We will win.''\n\nJones said the plan was ``a disgrace.''";
    const qs = quotesOf(text, [SMITH, JONES]);
    expect(qs.map((q) => q.text)).toEqual(["You don't have to come up with a fortune,", 'We will win.', 'a disgrace.']);
    expect(qs[0]!.kind).toBe('direct');
    expect(qs[0]!.speaker?.name).toBe('John Smith');
    expect(qs[1]!.group).toBe(qs[0]!.quote_id);
    expect(qs[2]!.kind).toBe('partial');
    expect(qs[2]!.speaker?.name).toBe('Mary Jones');
    // No record keeps a mark inside its text.
    for (const q of qs) expect(q.text).not.toMatch(/``|''/);
  });
  it('makes no quote of speech that was not made (negated or refused cues)', () => {
    const text =
      'Smith would not confirm that the talks had failed. Jones has never said the plan was dead. ' +
      'Smith declined to say whether the deal was off. Jones did not tell reporters that she would resign.\n\n' +
      'Smith said the talks would go on.';
    const qs = quotesOf(text, [SMITH, JONES]);
    expect(qs.map((q) => q.text)).toEqual(['the talks would go on']);
    expect(qs[0]!.speaker?.name).toBe('John Smith');
  });
  it('takes the phrase before an appositive that only names a place as its modifier', () => {
    const UNION: EntitySpec = { name: 'Unison', type: 'ORGANIZATION' };
    const BRITAIN: EntitySpec = { name: 'Britain', type: 'LOCATION' };
    const CHINA: EntitySpec = { name: 'China', type: 'LOCATION' };
    const qs = quotesOf("A spokesman for Unison, Britain's biggest union, said the plan would fail.", [UNION, BRITAIN]);
    expect(qs[0]!.speaker?.description).toBe('A spokesman for Unison');
    // A bare place in the appositive is the speaker itself.
    const q2 = quotesOf("The world's biggest tobacco consumer, China, has said it will not allow any new tobacco factories to be built.", [CHINA]);
    expect(q2[0]!.speaker?.name).toBe('China');
  });
  it('takes the phrase a place modifies or owns, not the place, and keeps a country that is the subject', () => {
    const NORWAY: EntitySpec = { name: 'Norway', type: 'LOCATION' };
    const a = quotesOf('The Norway shipping firm said its fleet would grow by ten vessels.', [NORWAY]);
    expect(a[0]!.speaker?.name ?? null).toBeNull();
    expect(a[0]!.speaker?.description).toBe('The Norway shipping firm');
    const b = quotesOf("Norway's largest fish farmer said exports would fall this year.", [NORWAY]);
    expect(b[0]!.speaker?.description).toBe("Norway's largest fish farmer");
    // The country itself as the subject (auxiliaries and adverbs between) still speaks.
    const c = quotesOf('Norway has also said it would cut its oil output.', [NORWAY]);
    expect(c[0]!.speaker?.name).toBe('Norway');
  });
  it('skips frequency adverbs before the verb back to the subject', () => {
    const VARGA: EntitySpec = { name: 'Tomas Varga', type: 'PERSON', aliases: ['Varga'] };
    const a = quotesOf('Mr Varga, 58, has always insisted that he knew nothing of the debts.', [VARGA]);
    expect(a[0]!.speaker?.name).toBe('Tomas Varga');
  });
  it('takes the person before an appositive that describes them, whatever it names', () => {
    const HEAP: EntitySpec = { name: 'Tom Heap', type: 'PERSON' };
    const BBC: EntitySpec = { name: 'BBC', type: 'ORGANIZATION' };
    const BENMOSCHE: EntitySpec = { name: 'Robert Benmosche', type: 'PERSON' };
    const METLIFE: EntitySpec = { name: 'Metlife', type: 'ORGANIZATION' };
    const a = quotesOf('Tom Heap, BBC rural affairs correspondent, said the riders had kept to the rules.', [HEAP, BBC]);
    expect(a[0]!.speaker?.name).toBe('Tom Heap');
    const b = quotesOf("Robert Benmosche, Metlife's chairman and chief executive, said that it was a great opportunity.", [BENMOSCHE, METLIFE]);
    expect(b[0]!.speaker?.name).toBe('Robert Benmosche');
    // A person inside a prepositional phrase is no head ("A spokesman for X, …, said"), and a passive names no speaker.
    const UNISON_PERSON: EntitySpec = { name: 'Unison', type: 'PERSON' };
    const c = quotesOf("A spokesman for Unison, Britain's biggest union, said members would strike.", [UNISON_PERSON, { name: 'Britain', type: 'LOCATION' }]);
    expect(c[0]!.speaker?.description).toContain('A spokesman for Unison');
  });
  // The first quotation's speaker, by name or else by how the text describes it.
  const firstSpeaker = (text: string, specs: EntitySpec[]) => {
    const q = quotesOf(text, specs)[0]!;
    return q.speaker?.name ?? q.speaker?.description;
  };
  it.each([
    // A place or organisation a few common words before a role or a person modifies it; an honorific may stand between.
    ['"We are watching it closely," said London race director David Bedford.', [{ name: 'London', type: 'LOCATION' }, { name: 'David Bedford', type: 'PERSON' }], 'David Bedford'],
    ['"It was a great goal," said the England striker.', [{ name: 'England', type: 'LOCATION' }], 'the England striker'],
    ['Labour spokesman Mr Kemp said: "It would be wrong."', [{ name: 'Labour', type: 'ORGANIZATION' }, { name: 'Fraser Kemp', type: 'PERSON', aliases: ['Kemp'] }], 'Fraser Kemp'],
    // "X, <role> said:" without the closing comma; "the paper quoted X as saying".
    ['Colin Asplin, Blackpool Hotel Association said: "We have tried very hard."', [{ name: 'Colin Asplin', type: 'PERSON' }, { name: 'Blackpool Hotel Association', type: 'ORGANIZATION' }], 'Colin Asplin'],
    ['"A deal does not seem likely," Reuters quoted one trader as saying.', [{ name: 'Reuters', type: 'ORGANIZATION' }], 'one trader'],
  ] as [string, EntitySpec[], string][])('finds the speaker of %s', (text, specs, speaker) => {
    expect(firstSpeaker(text, specs)).toBe(speaker);
  });
  it('keeps the subject of "was quoted … as saying", and reads an opening phrase before "the minister said:" as no speech', () => {
    const REUTERS: EntitySpec = { name: 'Reuters', type: 'ORGANIZATION' };
    // A passive keeps its subject: "X was quoted by the paper as saying".
    const c = quotesOf('Smith was quoted by Reuters as saying the deal was off.', [SMITH, REUTERS]);
    expect(c[0]!.speaker?.name).toBe('John Smith');
    // The cue introduces the quotation after its colon, not the phrase before the subject.
    const d = quotesOf('Speaking to John Smith, the minister said: "We will win."', [SMITH]);
    expect(d.map((q) => q.text)).toEqual(['We will win.']);
    expect(d[0]!.speaker?.description).toBe('the minister');
  });
  it('links "the <role>" to the person the article gave that role; a pronoun after it is that person', () => {
    const doc = createDoc({ text: 'Coach\n\nScotland coach Matt Williams defended his side. "We were robbed," the Scotland coach said.\n\nThe coach added that the referee was wrong.' });
    runPipeline(doc);
    const quotes = documentLayers(doc).quotes.filter((q) => q.cue?.text === 'said' || q.cue?.text === 'added');
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Matt Williams', 'Matt Williams']);
    expect(quotes[0]!.speaker?.description).toBe('the Scotland coach');
    // Found while attributing, the person also resolves the next sentence's pronoun.
    const then = createDoc({ text: 'Talks\n\nPrime Minister Tony Blair spoke on Monday. The prime minister shrugged off claims from Michael Howard that he led a grubby government. He said the claims were false.' });
    runPipeline(then);
    expect(documentLayers(then).quotes.find((q) => q.text === 'the claims were false')?.speaker?.name).toBe('Tony Blair');
  });
  it('reads a he/she after "a spokeswoman said" as that unnamed person, not someone named before', () => {
    const doc = createDoc({ text: 'Rights\n\nMark Oaten criticised the plans on Monday. A spokeswoman for the charity said it was a \"basic principle\" that people should have a trial. She added: "Nobody should be punished without a trial."' });
    runPipeline(doc);
    const q = documentLayers(doc).quotes.find((x) => x.text.startsWith('Nobody'))!;
    expect(q.speaker?.description).toBe('She');
    expect(q.speaker?.name ?? null).toBeNull();
  });
  it('gives no speaker to a passive verb of saying ("X is expected to …"), unless an agent follows', () => {
    const CHINA: EntitySpec = { name: 'China', type: 'LOCATION' };
    const a = quotesOf('China is expected to face renewed pressure to abandon its fixed exchange rate.', [CHINA]);
    for (const q of a) expect(q.speaker).toBeNull();
    const b = quotesOf('Smith said China would face renewed pressure.', [SMITH, CHINA]);
    expect(b[0]!.speaker?.name).toBe('John Smith');
  });
  it('reads "accused of", "criticised for", "regarded as" with no object between as a passive: its subject is no speaker', () => {
    // A reduced relative or appositive: the phrase after the participle is no reported speech.
    const a = quotesOf('The driver accused of hitting a cyclist near the station will appear in court next week.', []);
    expect(a.filter((q) => q.cue?.text === 'accused')).toEqual([]);
    const b = quotesOf('Paula Grant, criticised for her handling of the strike, kept her job.', [PAULA]);
    expect(b.filter((q) => q.cue?.text === 'criticised')).toEqual([]);
    // After a form of "be" the words are kept (PolNeAR annotates them) with no speaker.
    const c = quotesOf('The airline was widely criticised for its handling of the strike.', []);
    for (const q of c) expect(q.speaker).toBeNull();
    // Active, the object between: the subject speaks.
    const d = quotesOf('Paula Grant accused the airline of ignoring its passengers.', [PAULA]);
    expect(d.find((q) => q.cue?.text === 'accused')?.speaker?.name).toBe('Paula Grant');
  });
  it('reads "demand for", "hopes of", "plans for" as nouns: no cue, no reported speech', () => {
    const a = quotesOf('Bakers expect strong demand for bread over the holiday weekend.', []);
    expect(a.filter((q) => q.cue?.text === 'demand')).toEqual([]);
    const b = quotesOf('Paula Grant this week published plans for a new ferry terminal.', [PAULA]);
    expect(b.filter((q) => q.cue?.text === 'plans')).toEqual([]);
    const c = quotesOf('Shares in the mill rose on hopes of a buyer.', []);
    expect(c.filter((q) => q.cue?.text === 'hopes')).toEqual([]);
    // The verbs that do take the preposition still report: "calls for".
    const d = quotesOf('Paula Grant calls for a new ferry terminal.', [PAULA]);
    expect(d.find((q) => q.cue?.text === 'calls')?.speaker?.name).toBe('Paula Grant');
  });
  it('attributes after a question mark that ended the sentence', () => {
    const qs = direct(quotesOf('“Why are we not fifty points ahead?” Jones asked.', [JONES]));
    expect(qs[0]!.speaker?.name).toBe('Mary Jones');
    expect(qs[0]!.cue?.text).toBe('asked');
  });
  it('takes a name after a dash as the speaker', () => {
    const qs = direct(quotesOf('“Fear is what I feel when I watch the debates every single night.” ― Mary Jones', [JONES]));
    expect(qs[0]!.speaker?.name).toBe('Mary Jones');
  });
  it('gives the words of "<possessor>\'s <role> <name> said" to the name ("s\'" as well as "\'s")', async () => {
    const { extract } = await import('../../src/pipeline.js');
    const speakers = (text: string) => extract(text).quotes.map((q) => q.speaker?.name);
    expect(speakers('After the programme aired, Jones\' lawyer Richard Nicholls said: "The claims are false."')).toEqual(['Richard Nicholls']);
    expect(speakers('Mr Ebbers\' lawyer Reid Weingarten told the court: "Is that all?"')).toEqual(['Reid Weingarten']);
  });
  it('links "the cardinal" to the one person of the article whose role has that head', async () => {
    const { extract } = await import('../../src/pipeline.js');
    const out = extract('Billions were wasted on war, Cardinal Cormac Murphy-O\'Connor has said. "Peace is possible," the cardinal said on Sunday.');
    const q = out.quotes.find((x) => x.text.startsWith('Peace'))!;
    expect(q.speaker?.description).toBe('the cardinal');
    expect(q.speaker?.name).toBe("Cormac Murphy-O'Connor");
    expect(q.speaker?.entity_id).toBe(out.entities.find((e) => e.name === "Cormac Murphy-O'Connor")!.entity_id);
  });
  it('takes no holiday for a speaker', () => {
    const qs = quotesOf('The cardinal used a Christmas message to denounce the war as a "terrible" waste of money.', []);
    for (const q of qs) expect(q.speaker?.name).not.toBe('Christmas');
  });
  it('continues a quotation after its attribution sentence', () => {
    const text = '“We will be here for a while yet,” Jones said on Saturday at the gala dinner in the capital. “These cases take a lot of patience.”';
    const qs = direct(quotesOf(text, [JONES]));
    expect(qs).toHaveLength(2);
    expect(qs[1]!.speaker?.name).toBe('Mary Jones');
    expect(qs[1]!.group).toBe(qs[0]!.group);
  });
});

describe('quotations after reported speech', () => {
  it("gives a quotation with no cue the speaker of the reported speech that ends the previous sentence", () => {
    const text = 'The costs of the scheme had doubled in two years, Smith pointed out. “Nobody planned for that and nobody wants to pay for it now.”';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.speaker?.name).toBe('John Smith');
  });
  it('reads the rest of a sentence around a partial quotation as its speaker\'s, up to the next quotation', () => {
    const text = 'Smith said he was “deeply worried” about the roads, the state of the bridges across the county and the tunnels under the old river. “Some of them have not been inspected for ten years.”';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs.map((q) => q.speaker?.name)).toEqual(['John Smith', 'John Smith']);
  });
  it('gives a quotation introduced by a colon and no verb of saying to the subject before the colon', () => {
    const text = '- Riverside coach John Smith: “We played well for an hour and then we stopped.”\nJones was less happy with the match: “We did not play at all in the second half.”';
    const qs = direct(quotesOf(text, [SMITH, JONES]));
    expect(qs.map((q) => q.speaker?.name ?? null)).toEqual(['John Smith', 'Mary Jones']);
    expect(qs[0]!.cue?.text).toBe(':');
  });
  it('does not give a colon quotation to a name inside the phrase before the colon', () => {
    const text = 'His message to Smith was short: “Go home now and do not come back to the office.”';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs.map((q) => q.speaker?.name ?? null)).not.toContain('John Smith');
  });
  it('takes a paragraph of only a dash and a name after a quotation as its attribution', () => {
    const text = 'The record says otherwise.\n\n“I warned the bank before the crash that the loans would fail.”\n\n- Smith.\n\nSmith tends to overstate it.';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs.map((q) => q.speaker?.name ?? null)).toEqual(['John Smith']);
  });
  it('reads a verb the lexicon does not list, next to a person after a quotation, as its cue', () => {
    const qs = direct(quotesOf('“Nobody saw it coming, not even the police,” scoffed Mary Jones. “And nobody has said sorry since then.”', [JONES]));
    expect(qs.map((q) => q.speaker?.name ?? null)).toEqual(['Mary Jones', 'Mary Jones']);
    expect(qs[0]!.cue?.text).toBe('scoffed');
    const qs2 = direct(quotesOf('“It was scary at the time, but nobody was hurt in the end,” Smith laughs.', [SMITH]));
    expect(qs2[0]!.speaker?.name).toBe('John Smith');
    const qs3 = direct(quotesOf('“It was scary at the time, but nobody was hurt in the end,” the pictures showed.', []));
    expect(qs3.map((q) => q.speaker)).toEqual([null]);
  });
  it('takes the role or person an organisation or place modifies after an inverted cue', () => {
    const ACME: EntitySpec = { name: 'Acme Corp', type: 'ORGANIZATION' };
    const a = direct(quotesOf('“Prices will not fall this year or next,” said Acme Corp\'s chief trading officer John Smith.', [ACME, SMITH]));
    expect(a[0]!.speaker?.name).toBe('John Smith');
    const b = direct(quotesOf('“Prices will not fall this year or next,” said one unaligned Ohio strategist.', [{ name: 'Ohio', type: 'LOCATION' }]));
    expect(b[0]!.speaker?.mention?.text).toContain('strategist');
  });
  it('gives a quotation with no cue to the person opening the sentence before it', () => {
    const text = 'The team lost again on Saturday. After the match, Smith was furious with the referees. “He has done nothing wrong and he deserves more time.” “We all need more time in this league.”';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs.map((q) => q.speaker?.name ?? null)).toEqual(['John Smith', 'John Smith']);
    expect(qs[0]!.speaker_confidence).toBeGreaterThan(0);
    // Not when that sentence opens with something else ("His message …") or asks a question.
    const none = direct(quotesOf('The decision to ban Smith from the team for a month was announced on Friday. “He has done nothing wrong and he deserves more time.”', [SMITH]));
    expect(none.map((q) => q.speaker)).toEqual([null]);
  });
  it('gives a cue with no subject opening its sentence the speaker of the attribution just before', () => {
    const text = 'Smith insisted: “We have a good record on this and we will keep it.” And continued: “Nobody else in the region comes close to it.”';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs.map((q) => q.speaker?.name ?? null)).toEqual(['John Smith', 'John Smith']);
  });
  it('reads an unlisted verb before a determiner-led phrase ending the sentence as an inverted attribution', () => {
    const qs = direct(quotesOf('“You could call it a peace dividend for the markets,” smiles one trader.', []));
    expect(qs[0]!.speaker?.mention?.text).toBe('one trader');
    expect(qs[0]!.cue?.text).toBe('smiles');
  });
  it('does not pass the speaker of a question on to the quotation that answers it', () => {
    const text = 'Is the plan doomed, as Smith once claimed? “No. The plan is sound and the money is there for all of it.”';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs.map((q) => q.speaker?.name ?? null)).toEqual([null]);
  });
});

describe('marks inside quotations', () => {
  it('keeps nested quotations inside the outer one', () => {
    const qs = direct(quotesOf('Smith said: “They called it ‘a disaster’ and we agree with them.”', [SMITH]));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.text).toBe('They called it ‘a disaster’ and we agree with them.');
  });
  it('does not take apostrophes for marks', () => {
    const text = "Smith said: ‘We’ve seen Russia’s plans and the voters’ choice, and we don’t like them.’";
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.text).toBe('We’ve seen Russia’s plans and the voters’ choice, and we don’t like them.');
  });
  it('keeps [bracketed] editorial insertions', () => {
    const qs = direct(quotesOf('Smith said: “We are following the events [in the region] very closely.”', [SMITH]));
    expect(qs[0]!.text).toBe('We are following the events [in the region] very closely.');
  });
});

describe('structure', () => {
  it('splits a quotation around its attribution into one group', () => {
    const qs = direct(quotesOf('“We are ready,” Smith said, “to talk with anyone who wants peace.”', [SMITH]));
    expect(qs.map((q) => q.text)).toEqual(['We are ready,', 'to talk with anyone who wants peace.']);
    expect(qs[0]!.speaker?.name).toBe('John Smith');
    expect(qs[1]!.speaker?.name).toBe('John Smith');
    expect(qs[0]!.cue?.start).toBe(qs[1]!.cue?.start);
    expect(qs[0]!.group).not.toBeNull();
    expect(qs[1]!.group).toBe(qs[0]!.group);
  });
  it('follows a quotation over paragraphs that reopen without closing', () => {
    const text = 'Smith said: “The first part of my statement is here.\n“And the second part follows in this paragraph.”\nThe weather was fine.';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs).toHaveLength(2);
    expect(qs[0]!.text).toBe('The first part of my statement is here.');
    expect(qs[1]!.text).toBe('And the second part follows in this paragraph.');
    expect(qs[1]!.speaker?.name).toBe('John Smith');
    expect(qs[1]!.group).toBe(qs[0]!.group);
  });
  it('follows a quotation that opens a sentence mid-paragraph and goes on in the next paragraph', () => {
    // The BBC's habit: each sentence reopens the mark, the paragraph ends without closing, the next reopens.
    const text = 'Smith said: “We have looked at every option. “None of them is cheap and all of them take years.\n“So we will start with the roads this spring.”\nThe weather was fine.';
    const qs = direct(quotesOf(text, [SMITH]));
    expect(qs.map((q) => q.text)).toEqual(['We have looked at every option.', 'None of them is cheap and all of them take years.', 'So we will start with the roads this spring.']);
    for (const q of qs) expect(q.speaker?.name).toBe('John Smith');
    expect(new Set(qs.map((q) => q.group)).size).toBe(1);
  });
  it('drops an unclosed mark inside a sentence even when the next paragraph opens with a mark', () => {
    const text = 'Smith called the plan a “failure of nerve and said nothing more about it.\n“We are ready,” Jones said.';
    const qs = direct(quotesOf(text, [SMITH, JONES]));
    expect(qs.map((q) => q.text)).toEqual(['We are ready,']);
  });
  it('takes a quotation introduced by a colon, even across a paragraph break', () => {
    const qs = direct(quotesOf('Jones said in a statement:\n“Our party will not accept this result.”', [JONES]));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.speaker?.name).toBe('Mary Jones');
  });
  it('attributes after the quotation, with inverted order', () => {
    const qs = direct(quotesOf('“The morbidity rate is striking,” said Mary Jones, a doctor at the clinic.', [JONES]));
    expect(qs[0]!.speaker?.name).toBe('Mary Jones');
    expect(qs[0]!.cue?.text).toBe('said');
  });
});

describe('not quotations', () => {
  it('rejects scare quotes and titles', () => {
    const text =
      'The hastily-arranged ‘working meeting’ was held on Friday. Moscow continues with its ‘neutrality,’ which does not help. ' +
      'Officials affirmed that Tehran is not ‘upgrading’ its doctrine. Later he appeared on “Meet the Press.” ' +
      'It was not so much a "truce" as mutual exhaustion.';
    const qs = direct(quotesOf(text, []));
    expect(qs.map((q) => q.text)).toEqual([]);
  });
  it('keeps partial quotations of speech as partial', () => {
    const qs = direct(quotesOf('Smith stressed that the ties with Russia are “sincere and strategic.”', [SMITH]));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.kind).toBe('partial');
    expect(qs[0]!.text).toBe('sincere and strategic.');
    expect(qs[0]!.speaker?.name).toBe('John Smith');
  });
});

describe('speakers', () => {
  it('resolves a pronoun to the person the previous sentence is about', () => {
    const text = 'Smith met Jones on Monday. Smith stressed that the ties are strong. He added, “Our positions are much closer than ever before.”';
    const qs = direct(quotesOf(text, [SMITH, JONES]));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.speaker?.name).toBe('John Smith');
    expect(qs[0]!.speaker?.description).toBe('He');
    expect(qs[0]!.speaker?.mention?.text).toBe('He');
  });
  it('keeps an unnamed description as the speaker', () => {
    const text = 'A spokesperson for the Office of the Director of National Intelligence said: “We have not seen any evidence of that.”';
    const qs = direct(quotesOf(text, [{ name: 'Office of the Director of National Intelligence', type: 'ORGANIZATION' }]));
    expect(qs).toHaveLength(1);
    expect(qs[0]!.speaker?.entity_id).toBeNull();
    expect(qs[0]!.speaker?.description).toBe('A spokesperson for the Office of the Director of National Intelligence');
  });
  it('keeps the common noun a description ends with ("for the department")', () => {
    const qs = quotesOf('A spokesperson for the department said the plan “meets the criteria” and declined to comment.', []);
    expect(qs.find((q) => q.text.startsWith('meets'))?.speaker?.description).toBe('A spokesperson for the department');
  });
  it('resolves a description to the name given in apposition', () => {
    const a = direct(quotesOf('The ministry spokesman John Smith said: “We will respond in time.”', [SMITH]));
    expect(a[0]!.speaker?.name).toBe('John Smith');
    const b = direct(quotesOf('John Smith, the ministry spokesman, said: “We will respond in time.”', [SMITH]));
    expect(b[0]!.speaker?.name).toBe('John Smith');
  });
  it('takes organisations and media as speakers', () => {
    const qs = quotesOf('Nournews, which is close to the government, commented that the assessment “could help explain the opposition to any strike.”', [
      { name: 'Nournews', type: 'ORGANIZATION' },
    ]);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.speaker?.name).toBe('Nournews');
  });
  it('finds the addressee', () => {
    const qs = direct(quotesOf('Smith told Jones, “Our relationship is a priority for us.”', [SMITH, JONES]));
    expect(qs[0]!.speaker?.name).toBe('John Smith');
    expect(qs[0]!.addressee?.name).toBe('Mary Jones');
  });
  it('handles "to quote X" and "X quoted Y:"', () => {
    const a = direct(quotesOf('To quote Smith, “This act entails international responsibility.”', [SMITH]));
    expect(a[0]!.speaker?.name).toBe('John Smith');
    const b = direct(quotesOf('The Daily Planet quoted analyst Mary Jones: “I think nobody wants an escalation.”', [JONES, { name: 'Daily Planet', type: 'ORGANIZATION' }]));
    expect(b[0]!.speaker?.name).toBe('Mary Jones');
  });
});

describe('reported speech', () => {
  it('finds "X said that …" with content, cue and speaker', () => {
    const qs = quotesOf('On Sunday, Smith repeated that the country is resolved to pursue its rights.', [SMITH]);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.kind).toBe('indirect');
    expect(qs[0]!.text).toBe('the country is resolved to pursue its rights');
    expect(qs[0]!.cue?.text).toBe('repeated');
    expect(qs[0]!.speaker?.name).toBe('John Smith');
  });
  it('reads a stance adjective after "be" before a that-clause as its subject\'s belief', () => {
    const a = quotesOf('Smith was confident that the new bridge would open before the winter.', [SMITH]);
    expect(a.map((q) => [q.kind, q.text, q.cue?.text, q.speaker?.name])).toEqual([['indirect', 'the new bridge would open before the winter', 'confident', 'John Smith']]);
    const b = quotesOf('Shopkeepers are increasingly concerned that the market will close.');
    expect(b.map((q) => [q.text, q.cue?.text, q.speaker?.description])).toEqual([['the market will close', 'concerned', 'Shopkeepers']]);
    // No holder ("it is …"), no that-clause, or a negated stance: nothing reported.
    expect(quotesOf('It is sure that the market will close.')).toEqual([]);
    expect(quotesOf('Smith was confident of a win in the final.', [SMITH])).toEqual([]);
    expect(quotesOf('Smith was not sure that the market would close.', [SMITH])).toEqual([]);
  });
  it('finds the addressee and bare clauses', () => {
    const a = quotesOf('Smith pointedly suggested to Jones that the signing should be speeded up.', [SMITH, JONES]);
    expect(a[0]!.text).toBe('the signing should be speeded up');
    expect(a[0]!.addressee?.name).toBe('Mary Jones');
    const b = quotesOf('Director John Smith, who said the agency had not seen any evidence, spoke on Monday.', [SMITH]);
    expect(b[0]!.text).toBe('the agency had not seen any evidence');
    expect(b[0]!.speaker?.name).toBe('John Smith');
  });
  it('finds parenthetical attributions and transcript turns', () => {
    const a = quotesOf('The museum, Smith said, would make visitors face uncomfortable truths.', [SMITH]);
    expect(a[0]!.speaker?.name).toBe('John Smith');
    // Two pieces of one quotation, the attribution between its commas left out (quotes26).
    expect(a.map((q) => q.text)).toEqual(['The museum', 'would make visitors face uncomfortable truths']);
    expect(a[1]!.group).toBe(a[0]!.quote_id);
    const b = quotesOf('WALLACE: Let us start with the debate story. Will she be there?', []);
    expect(b[0]!.speaker?.name).toBe('WALLACE');
    expect(b[0]!.text).toBe('Let us start with the debate story. Will she be there');
  });
  it('finds bare clauses with a gerund or "it" as subject', () => {
    const a = quotesOf('Smith says running for president is tough, nasty and mean.', [SMITH]);
    expect(a[0]!.text).toBe('running for president is tough, nasty and mean');
    const b = quotesOf('Smith says it raised more than $21 million in January.', [SMITH]);
    expect(b[0]!.text).toBe('it raised more than $21 million in January');
  });
  it('does not read "…, said members would strike" as an inverted attribution', () => {
    const qs = quotesOf("A spokesman for Unison, Britain's biggest union, said members would strike.", [
      { name: 'Unison', type: 'ORGANIZATION' },
      { name: 'Britain', type: 'LOCATION' },
    ]);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.text).toBe('members would strike');
    expect(qs[0]!.speaker?.description).toContain('A spokesman for Unison');
  });
  it('takes no quote from a term held at a distance, a naming participle or a noun read as a cue', () => {
    expect(quotesOf('In early October a so-called "denial of service" attack was mounted on the site, Smith said.', [SMITH]).filter((q) => q.kind !== 'indirect')).toEqual([]);
    expect(quotesOf('Akamai uses a web-based tool called EdgeScape that lets its customers work out where visitors are based.', [])).toEqual([]);
    expect(quotesOf('Both those on unemployment benefits and welfare support and those who are long-term unemployed are classified as looking for work.', [])).toEqual([]);
  });
  it('keeps ", including …" inside the content and reads "users report that" as the verb', () => {
    const a = quotesOf('Smith added that government reforms, including unpopular benefit cuts, do not go far enough.', [SMITH]);
    expect(a[0]!.text).toBe('government reforms, including unpopular benefit cuts, do not go far enough');
    const b = quotesOf('Some web users in Canada also report that they can browse the site.', []);
    expect(b[0]!.text).toBe('they can browse the site');
  });
  it('finds clauses after a name subject, a partitive, a circumstance or an aside', () => {
    const cook = { name: 'Cook', type: 'PERSON' } as const;
    const carter = { name: 'Carter', type: 'PERSON' } as const;
    expect(quotesOf('Cook said Carter stopped the practice.', [cook, carter])[0]?.text).toBe('Carter stopped the practice');
    expect(quotesOf('Smith said much of his discussion with Jones was about Israel.', [SMITH, JONES])[0]?.text).toBe('much of his discussion with Jones was about Israel');
    expect(quotesOf('Smith said on Friday he met Jones earlier this week.', [SMITH, JONES])[0]?.text).toBe('he met Jones earlier this week');
    expect(quotesOf('Smith said Jones, despite his wealth, is better placed to win.', [SMITH, JONES])[0]?.text).toBe('Jones, despite his wealth, is better placed to win');
  });
  it('reads questions, evidence and poll shares as attributions', () => {
    expect(quotesOf('Smith asked whether the rule differed from the old one.', [SMITH])[0]?.text).toBe('whether the rule differed from the old one');
    const poll = quotesOf('A new poll shows Clinton with an 8-point lead over Trump.', []);
    expect(poll[0]?.text).toBe('Clinton with an 8-point lead over Trump');
    expect(poll[0]?.speaker?.description).toBe('A new poll');
    expect(quotesOf('The show was a hit, and she showed up late.', [])).toEqual([]);
    const share = quotesOf('In Virginia, 85% of Democrats said the economy was weak.', [{ name: 'Virginia', type: 'LOCATION' }]);
    expect(share[0]?.speaker?.description).toBe('85% of Democrats');
  });
  it('finds "according to" inside the sentence and after it, whatever nouns follow', () => {
    const a = quotesOf('Since November, according to Human Rights Watch, security forces have killed more than 400 protesters.', [{ name: 'Human Rights Watch', type: 'ORGANIZATION' }]);
    expect(a[0]?.speaker?.name).toBe('Human Rights Watch');
    expect(a.map((q) => q.text)).toEqual(['Since November', 'security forces have killed more than 400 protesters']);
    const b = quotesOf('Clinton attended the meeting alone, according to a pool report.', [{ name: 'Clinton', type: 'PERSON' }]);
    expect(b[0]?.text).toBe('Clinton attended the meeting alone');
  });
  it('gives the words to the person heading "Org title Name said", not the organisation', () => {
    const qs = quotesOf('Top Republican Party donor Sheldon Adelson said on Friday he met Donald Trump earlier this week.', [
      { name: 'Top Republican Party', type: 'ORGANIZATION' },
      { name: 'Sheldon Adelson', type: 'PERSON' },
      { name: 'Donald Trump', type: 'PERSON' },
    ]);
    expect(qs[0]?.speaker?.name).toBe('Sheldon Adelson');
  });
  it('ends a trailing attribution\'s content before ", X said, adding …"', () => {
    const qs = quotesOf('Smith and Jones will meet next week, Jones said, adding that there was no crisis.', [SMITH, JONES]);
    expect(qs[0]?.text).toBe('Smith and Jones will meet next week');
    expect(qs[0]?.speaker?.name).toBe('Mary Jones');
  });
  it('does not take an object noun phrase for a clause', () => {
    expect(quotesOf('Smith said the word twice before leaving.', [SMITH])).toEqual([]);
  });
  it('takes attitude objects and trailing attributions', () => {
    const a = quotesOf('Smith urged conservatives to unite behind him.', [SMITH]);
    expect(a[0]!.text).toBe('conservatives to unite behind him');
    const b = quotesOf('Clinton beats Trump by 46 percent to 42 percent, according to the poll.', []);
    expect(b[0]!.text).toBe('Clinton beats Trump by 46 percent to 42 percent');
    expect(b[0]!.speaker?.description).toBe('the poll');
  });
  it('ends reported speech before a coordinated second attribution, which is its own record', () => {
    const qs = quotesOf('Smith said he would not expect a close race, but Jones said the party could win the state.', [SMITH, JONES]);
    expect(qs.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['he would not expect a close race', 'John Smith'],
      ['the party could win the state', 'Mary Jones'],
    ]);
  });
  it('takes the verb phrase after the cue in a relative clause', () => {
    const qs = quotesOf('Jones blocked a rule change that Smith said would make the fight harder.', [SMITH, JONES]);
    const r = qs.find((q) => q.cue?.text === 'said');
    expect(r?.text).toBe('would make the fight harder');
    expect(r?.speaker?.name).toBe('John Smith');
  });
  it('attributes a quotation whose sentence goes on to the attribution ending it', () => {
    const a = direct(quotesOf('"Many would consider that an embarrassment" if she lost the state, said John Smith, an analyst at the institute.', [SMITH]));
    expect(a.map((q) => [q.text, q.speaker?.name, q.cue?.text])).toEqual([['Many would consider that an embarrassment', 'John Smith', 'said']]);
    const b = direct(quotesOf('"Why would you try to cozy up to him?" Smith said about the effort to downplay his connections with the former president.', [SMITH]));
    expect(b.map((q) => [q.speaker?.name, q.cue?.text])).toEqual([['John Smith', 'said']]);
  });
  it('takes a weak verb ending the sentence after its subject as a trailing attribution', () => {
    const cases: [string, string, string][] = [
      ['Ticket sales at the three venues doubled over the summer, the Daily Courier reported on Tuesday.', 'Ticket sales at the three venues doubled over the summer', 'Daily Courier'],
      ['Most of the new shops opened in the last two years, official figures show.', 'Most of the new shops opened in the last two years', 'official figures'],
      ['Older drivers were less likely to use the new lanes, a survey of 2,400 motorists found.', 'Older drivers were less likely to use the new lanes', 'a survey of 2,400 motorists'],
    ];
    for (const [text, content, source] of cases) {
      const qs = quotesOf(text, [{ name: 'Daily Courier', type: 'ORGANIZATION' }]);
      expect(qs.map((q) => q.text)).toEqual([content]);
      expect(qs[0]!.speaker?.name ?? qs[0]!.speaker?.description).toBe(source);
    }
    // An object after the verb, a relative clause, or a noun: no attribution.
    expect(quotesOf('Of the twelve shops on the street, nine reported losses.', [])).toEqual([]);
    expect(quotesOf('The firm changed how it counts the sales, which it had reported as income.', [])).toEqual([]);
    expect(quotesOf('The price was double, twice what it had previously estimated.', [])).toEqual([]);
  });
  it('reads the words before a trailing verb as its subject, and lets a verb of telling take its addressee', () => {
    const a = quotesOf('The new bridge will open to traffic in the spring, the county council told the Evening Post.', [{ name: 'Evening Post', type: 'ORGANIZATION' }]);
    expect(a.map((q) => [q.text, q.speaker?.description, q.addressee?.name])).toEqual([['The new bridge will open to traffic in the spring', 'the county council', 'Evening Post']]);
    const b = quotesOf('The museum will reopen after the summer, Smith told reporters.', [SMITH]);
    expect(b.map((q) => [q.text, q.speaker?.name])).toEqual([['The museum will reopen after the summer', 'John Smith']]);
    const c = quotesOf('The painter died at home in the village on Sunday, her family has said.', []);
    expect(c.map((q) => [q.text, q.speaker?.description])).toEqual([['The painter died at home in the village on Sunday', 'her family']]);
    // Not an inverted "…, says the spokesman": the phrase after the verb is no speaker.
    const d = quotesOf('Although cycling is allowed on the path, the residents say wardens still stop riders.', []);
    expect(d.filter((q) => q.speaker?.description === 'wardens')).toEqual([]);
    // Nobody is told a joke; a participle after a noun is no attribution.
    expect(quotesOf('On Friday, in the third week of his tour of the northern towns, Smith told a joke.', [SMITH])).toEqual([]);
    expect(quotesOf('The album ends with the song Sunday Rain, a new track written for the tour.', [])).toEqual([]);
  });
  it('takes an "as" clause opening the sentence as the attribution of the rest', () => {
    const a = quotesOf('As the Daily Courier reported last week, the mill will close before the winter.', [{ name: 'Daily Courier', type: 'ORGANIZATION' }]);
    expect(a.map((q) => [q.text, q.speaker?.name, q.cue?.text])).toEqual([['the mill will close before the winter', 'Daily Courier', 'reported']]);
    const b = quotesOf('As reported by the Daily Courier, the mill will close before the winter.', [{ name: 'Daily Courier', type: 'ORGANIZATION' }]);
    expect(b.map((q) => [q.text, q.speaker?.name])).toEqual([['the mill will close before the winter', 'Daily Courier']]);
    const c = quotesOf('But as Smith told the council, the budget cannot cover another road.', [SMITH]);
    expect(c.map((q) => [q.text, q.speaker?.name])).toEqual([['the budget cannot cover another road', 'John Smith']]);
    // An object after the verb: the clause is no attribution.
    expect(quotesOf('As Smith criticises this plan, the council has been criticised for its own.', [SMITH]).filter((q) => q.text.startsWith('the council'))).toEqual([]);
  });
  it('reads "according to X" after a leading conjunction, and before a dash or a relative clause describing X', () => {
    const a = quotesOf('But according to the council, the mill will close before the winter.', []);
    expect(a.map((q) => [q.text, q.cue?.text])).toEqual([['the mill will close before the winter', 'according to']]);
    const b = quotesOf('The mill will close before the winter, according to a report that the council published.', []);
    expect(b.map((q) => [q.text, q.speaker?.description])).toEqual([['The mill will close before the winter', 'a report']]);
    const c = quotesOf('The mill will cost the town about two million pounds, according to the council - a tenth of its budget.', []);
    expect(c.map((q) => q.text)).toEqual(['The mill will cost the town about two million pounds']);
  });
  it('reads a title-case headline "Name Says …" as reported speech', () => {
    const a = quotesOf('Smith Says The Council Will Rebuild The Old Bridge.\n\nThe council met on Monday.', [SMITH]);
    expect(a.map((q) => [q.text, q.speaker?.name, q.cue?.text])).toEqual([['The Council Will Rebuild The Old Bridge', 'John Smith', 'Says']]);
    const b = quotesOf('Mayor Jones Just Announced Her Plan For The Harbour – It May Surprise You.\n\nThe mayor spoke on Monday.', [JONES]);
    expect(b.map((q) => q.text)).toEqual(['Her Plan For The Harbour']);
    // A phrase after the verb is not what was said; sentence-case lines are left to the other rules.
    expect(quotesOf('Smith Responds To Questions About The Bridge With A Joke.\n\nThe council met on Monday.', [SMITH])).toEqual([]);
  });
  it('gives a trailing "…, X news agency reported." to X', () => {
    const qs = quotesOf('The mill will close before the winter, the Daily Courier news agency reported.', [{ name: 'Daily Courier', type: 'ORGANIZATION' }]);
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Daily Courier']);
  });
  it('ends reported speech inside an opening subordinate clause at the clause\'s comma', () => {
    const qs = quotesOf('While Smith has suggested the mill would close in the spring, the council has raised concerns about the cost.', [SMITH]);
    expect(qs.map((q) => [q.text, q.speaker?.name])).toEqual([['the mill would close in the spring', 'John Smith']]);
  });
  it('ends reported speech in a subordinate clause opened after a conjunction or a short phrase at its comma', () => {
    for (const text of [
      'And while Smith says the mill will close in the spring, the council has raised concerns about the cost.',
      'But, although Smith says the mill will close in the spring, the council has raised concerns about the cost.',
      'After all, while Smith says the mill will close in the spring, the council has raised concerns about the cost.',
    ]) {
      const qs = quotesOf(text, [SMITH]);
      expect(qs.map((q) => [text.slice(0, 12), q.text, q.speaker?.name])).toEqual([[text.slice(0, 12), 'the mill will close in the spring', 'John Smith']]);
    }
  });
  it('reads a name followed by a verb in the present as a reported clause', () => {
    const qs = quotesOf('Smith said Jones deserves credit for the new deal.', [SMITH, JONES]);
    expect(qs.map((q) => [q.text, q.speaker?.name])).toEqual([['Jones deserves credit for the new deal', 'John Smith']]);
    // A word in -s ending its sentence (a headline) is no verb of a reported clause.
    const headline = quotesOf('Smith and Jones claim Club awards\n\nJohn Smith was named player of the year on Monday.', [SMITH, JONES]);
    expect(headline.filter((q) => q.text === 'Club awards')).toEqual([]);
    // The quote models are trained without the run-time rules (train:quotes and train:cues turn them off).
    runTimeRules.on = false;
    try {
      expect(quotesOf('Smith said Jones deserves credit for the new deal.', [SMITH, JONES])).toEqual([]);
    } finally {
      runTimeRules.on = true;
    }
  });
  it('starts a second attribution at "but officials said" after a comma', () => {
    const qs = quotesOf('Smith said he had met the board twice, but officials said those talks came after the report was finished.', [SMITH]);
    expect(qs.map((q) => [q.text, q.speaker?.name ?? q.speaker?.description])).toEqual([
      ['he had met the board twice', 'John Smith'],
      ['those talks came after the report was finished', 'officials'],
    ]);
  });
  it('leaves a description of the speaker out of a trailing attribution', () => {
    const cases: [string, string][] = [
      ['The plan failed badly, said John Smith, a spokesman for the party.', 'The plan failed badly'],
      ['The plan failed badly, John Smith, a spokesman for the party, said.', 'The plan failed badly'],
      ['The plan has failed badly, said Smith, who leads the party.', 'The plan has failed badly'],
    ];
    for (const [text, content] of cases) {
      const qs = quotesOf(text, [SMITH]);
      expect(qs.map((q) => q.text)).toEqual([content]);
      expect(qs[0]!.speaker?.name).toBe('John Smith');
    }
  });
});

describe('robustness', () => {
  it('bounds an unbalanced mark to its paragraph', () => {
    const text = 'Smith said the “plan was bad.\nJones met reporters on Monday. “We are ready to talk to everyone,” Jones said.';
    const qs = direct(quotesOf(text, [SMITH, JONES]));
    expect(qs.map((q) => q.text)).toEqual(['We are ready to talk to everyone,']);
    expect(qs[0]!.speaker?.name).toBe('Mary Jones');
  });
  it('ends an open double quotation when a new one opens in the same paragraph', () => {
    const text =
      'Jones said: "We have already doubled the pay. "We are going to extend it further." She said mothers were already entitled to leave. "We have made a firm commitment to all of them." Smith said: "These plans are old news."';
    const qs = quotesOf(text, [SMITH, JONES]);
    const d = qs.filter((q) => q.kind !== 'indirect');
    expect(d.map((q) => q.text)).toEqual([
      'We have already doubled the pay.',
      'We are going to extend it further.',
      'We have made a firm commitment to all of them.',
      'These plans are old news.',
    ]);
    expect(d.map((q) => q.speaker?.name)).toEqual(['Mary Jones', 'Mary Jones', 'Mary Jones', 'John Smith']);
  });
  it('handles a long single-line hostile input quickly', () => {
    const unit = 'He said “yes and ‘no’ it’s "fine" «ok» „so“ and then, that it is what it is: ';
    const text = unit.repeat(Math.ceil(300_000 / unit.length));
    const t0 = performance.now();
    const qs = quotesOf(text, []);
    const ms = performance.now() - t0;
    expect(Array.isArray(qs)).toBe(true);
    expect(ms).toBeLessThan(20_000);
  });
});

describe('stories and names are no speech', () => {
  const indirect = (text: string) => quotesOf(text, [SMITH, JONES]).filter((q) => q.kind === 'indirect').map((q) => q.text);
  it("a work that tells the story of something and things that were called something carry no quote; a person's story stays", () => {
    expect(indirect('The film tells the story of two boys who are sent to live with their father.')).toEqual([]);
    expect(indirect('Earlier versions, which had the same engine, were called Phoenix and Firebird.')).toEqual([]);
    expect(indirect('Smith said the company would close two plants next year.')).toHaveLength(1);
  });
  it('a keeper who denied a player, or an injury that denied him a start, said nothing; denying that someone did something is speech', () => {
    expect(indirect('Smith denied Jones with a superb save in the second half.')).toEqual([]);
    expect(indirect('Smith denied Jones the opportunity to make a third start.')).toEqual([]);
    expect(indirect('Smith denied Jones made the remark.')).toHaveLength(1);
  });
  it('a plural noun heading a subject is no cue; a verb in -s after its subject stays one', () => {
    expect(indirect('But privacy advocates are concerned by the invasive nature of such software.')).toEqual([]);
    expect(indirect('Brain activity produces electrical signals that can be read by electrodes.')).toEqual([]);
    expect(indirect('Smith says the company will close two plants next year.')).toHaveLength(1);
    expect(indirect('The plan includes six units which the government says would save more than £4bn.')).toEqual(['would save more than £4bn']);
    expect(indirect('Sri Lanka and the Maldives are the two countries the bank fears are most at risk.')).toEqual(['are most at risk']);
  });
  it('a headline verb with a bare object reports no speech; a headline with a clause does', () => {
    expect(indirect('Smith claims Dubai crown\n\nJohn Smith won the title on Sunday.')).toEqual([]);
    expect(indirect('Smith attacks defence spending\n\nJohn Smith spoke on Sunday.')).toEqual([]);
    expect(indirect('Smith says Jones should stay\n\nJohn Smith spoke on Sunday.')).toEqual(['Jones should stay']);
  });
  it('"thanks to", a supporting actress and a noun after an existential "there" are no cues; the verbs stay cues', () => {
    expect(indirect('Smith kept his job thanks to a late rally in the polls.')).toEqual([]);
    expect(indirect('Mary Jones won the best supporting actress award for her part in the film.')).toEqual([]);
    expect(indirect('There are also fears that the new rules will hurt small shops.')).toEqual([]);
    expect(indirect('There have been calls for the minister to resign over the affair.')).toEqual([]);
    expect(indirect('Smith fears that the new rules will hurt small shops.')).toEqual(['the new rules will hurt small shops']);
    expect(indirect('There is little doubt, Smith claims, that the new rules will hurt small shops.')).toEqual(['There is little doubt', 'that the new rules will hurt small shops']);
  });
  it('going on to do something says nothing; going on to say something is speech', () => {
    expect(indirect('The novel proved to be his final book. He went on to produce eleven best-selling books.')).toEqual([]);
    expect(indirect('The novel proved to be his final book. Smith went on to win the title and four other trophies.')).toEqual([]);
    expect(indirect('Smith went on to say the company would close two plants next year.')).toHaveLength(1);
  });
});

describe('epithets of the person a text is about (quotes22)', () => {
  it('"said the 24-year-old", "the youngster said" link to the person the text is about, as "she" would', () => {
    const qs = quotesOf('Mary Jones won the final in three sets on Sunday. "I played my best tennis of the year," said the 24-year-old.', [SMITH, JONES]);
    expect(qs.map((q) => [q.speaker?.name ?? null, q.speaker?.description ?? null])).toEqual([['Mary Jones', 'the 24-year-old']]);
    const young = quotesOf('John Smith was called up for the first time on Monday. "I did not expect it at all," the youngster said.', [SMITH, JONES]);
    expect(young.map((q) => q.speaker?.name ?? null)).toEqual(['John Smith']);
    // No person before it: the epithet stays a description.
    const none = quotesOf('"I did not expect it at all," the youngster said.', [SMITH, JONES]);
    expect(none.map((q) => [q.speaker?.name ?? null, q.speaker?.description ?? null])).toEqual([[null, 'the youngster']]);
  });
});

describe('reported content and parentheses (quotes22)', () => {
  const indirect = (text: string) => quotesOf(text, [SMITH, JONES]).filter((q) => q.kind === 'indirect').map((q) => q.text);
  it('a semicolon inside parentheses ("($22m; 17m euros)") does not end the content; one outside still does', () => {
    expect(indirect('Jones said the club still owed £12m ($22m; 17m euros) to its former owners.')).toEqual(['the club still owed £12m ($22m; 17m euros) to its former owners']);
    expect(indirect('Smith said the firm was looking for a further 500bn yen ($4.8bn; £2.5bn) in fresh funds.')).toEqual(['the firm was looking for a further 500bn yen ($4.8bn; £2.5bn) in fresh funds']);
    expect(indirect('Smith said the plant would close; the workers had not been told.')).toEqual(['the plant would close']);
  });
});

describe('pronouns agree with what the article says of a person (quotes22)', () => {
  const speakerOf = (text: string) => quotesOf(text, [SMITH, JONES]).map((q) => q.speaker?.name ?? null);
  it('"she" is not a man the article calls "Mr", nor "he" a woman it calls "Ms"', () => {
    expect(speakerOf('Mr Smith met Ms Jones in London on Monday. "We will not give up the fight," she said.')).toEqual(['Mary Jones']);
    expect(speakerOf('Ms Jones met Mr Smith in London on Monday. "We will not give up the fight," he said.')).toEqual(['John Smith']);
    // Where the article says nothing, the pronoun still takes the person it is about.
    expect(speakerOf('Smith met Jones in London on Monday. "We will not give up the fight," he said.')).toEqual(['John Smith']);
  });
});

describe('the subject of a participle cue (quotes19)', () => {
  const PEOPLE = [SMITH, JONES, PAULA];
  /** The speaker's mention text of the quote whose cue is `cue`. */
  const speakerAt = (text: string, cue: string, specs: EntitySpec[] = PEOPLE) => {
    const q = quotesOf(text, specs).find((x) => x.cue !== null && text.slice(x.cue.start, x.cue.end) === cue);
    return q ? (q.speaker?.mention?.text ?? null) : 'no quote';
  };

  it('after a reporting clause ("…, Smith added, saying …") the participle is that clause\'s subject\'s, not the content\'s', () => {
    expect(speakerAt('Jones cannot win the seat, Smith added, saying the polls were clear.', 'saying')).toBe('Smith');
  });

  it('after "…, but X did …" or "…, while X did …" the participle hangs on the last clause', () => {
    expect(speakerAt('Jones backed the merger, but Smith voted against it, saying the price was far too high.', 'saying')).toBe('Smith');
    expect(speakerAt('Jones welcomed the report, while Smith rejected its findings, arguing that the survey was too small.', 'arguing')).toBe('Smith');
  });

  it('"… by accusing" shares the subject of the clause it modifies (a relative clause\'s antecedent inside one); its object never speaks', () => {
    expect(speakerAt('Jones was unhappy about the report and hit Smith back by accusing him of lying.', 'accusing')).toBe('Jones');
    expect(speakerAt('The board thanked Jones, who surprised the staff by announcing that she would retire in May.', 'announcing')).toBe('Jones');
    expect(speakerAt('Smith defended the appointment on Monday, calling Jones "the best person for the job".', 'calling')).toBe('Smith');
  });

  it('a possessor names no subject of the main clause; a dateline names no speaker', () => {
    expect(speakerAt("Grant's Acme Foundation caused a stir on Friday by suggesting that Jones should resign.", 'suggesting')).toBe('Acme Foundation');
    const LONDON: EntitySpec = { name: 'LONDON', type: 'LOCATION', aliases: [] };
    expect(speakerAt('LONDON — Senator Jones attacked the plan, saying it would fail.', 'saying', [...PEOPLE, LONDON])).toBe('Jones');
  });
});

describe('a second verb of the same subject, and time phrases before a subject (quotes23)', () => {
  const LABOUR: EntitySpec = { name: 'Labour', type: 'ORGANIZATION', aliases: [] };
  const ACME: EntitySpec = { name: 'Acme Corp', type: 'ORGANIZATION', aliases: [] };
  const PEOPLE = [SMITH, JONES, PAULA, LABOUR, ACME];
  const speakerOf = (text: string, cue: string) => {
    const q = quotesOf(text, PEOPLE).find((x) => x.cue !== null && text.slice(x.cue.start, x.cue.end) === cue);
    return q ? { mention: q.speaker?.mention?.text ?? null, name: q.speaker?.name ?? null } : 'no quote';
  };

  it('"X attacked Y and said …": the subject of the first verb speaks, not its object', () => {
    expect(speakerOf('The party chairman attacked Labour\'s new plans as "empty" and said the voters would not be fooled.', 'said')).toMatchObject({ mention: 'The party chairman' });
    expect(speakerOf('Grant signed the order on Monday, while Jones, the former governor, rejected it and said the plan was cruel.', 'said')).toMatchObject({ name: 'Mary Jones' });
    expect(speakerOf('The union was furious with Smith because Grant had backed the cuts and argued they were needed.', 'argued')).toMatchObject({ name: 'Paula Grant' });
  });

  it('"The Canada-based company says": a name joined to a participle is a modifier of the phrase, no speaker', () => {
    expect(speakerOf('Sales fell again. The Canada-based company says it will cut costs.', 'says')).toMatchObject({ mention: 'The Canada-based company' });
    expect(speakerOf('"We are very proud," said the Leeds-born singer.', 'said')).toMatchObject({ mention: 'the Leeds-born singer' });
  });

  it('"The firm, which is owned by Smith and Jones, said": the names inside a closed relative clause do not speak', () => {
    expect(speakerOf('Acme Corp, which is owned by Smith and Jones, said that profits rose sharply.', 'said')).toMatchObject({ name: 'Acme Corp' });
    expect(speakerOf('The actor, whose films include Red Sky, Dark Water and Mary Jones: The Story, said: "The theatre is too important to lose."', 'said')).toMatchObject({ mention: 'The actor' });
  });

  it('"the prime minister" is not the person introduced as deputy prime minister (a qualified role names the one it qualifies)', () => {
    const text = 'Deputy Prime Minister John Smith visited the plant on Monday. "We will not give up," the prime minister said.';
    expect(speakerOf(text, 'said')).toMatchObject({ mention: 'the prime minister', name: null });
    expect(speakerOf('Deputy Prime Minister John Smith visited the plant. "We will not give up," the deputy prime minister said.', 'said')).toMatchObject({ name: 'John Smith' });
    expect(speakerOf('Shadow health minister Mary Jones attacked the budget. "It is a fraud," the shadow health minister said.', 'said')).toMatchObject({ name: 'Mary Jones' });
    expect(speakerOf('Health minister Mary Jones left office in May. "It was a privilege," the former health minister said.', 'said')).toMatchObject({ name: 'Mary Jones' });
  });

  it('"Last month it said": an opening time phrase is no part of the subject', () => {
    expect(speakerOf('Acme Corp lost money again. Last month it said it would close two of its factories.', 'said')).toMatchObject({ mention: 'it', name: 'Acme Corp' });
    expect(speakerOf('This week a judge claimed the new law was not working.', 'claimed')).toMatchObject({ mention: 'a judge' });
  });

  it('"polls continue to show that …", "figures also show …", "a report showed …": evidence behind a raising verb or adverb, and reports, speak', () => {
    const polls = quotesOf('Still, polls continue to show that the turnout will be high in the north.', []);
    expect(polls[0]).toMatchObject({ text: 'the turnout will be high in the north', speaker: { description: 'polls' } });
    const figures = quotesOf('The latest data also show the jobless total fell sharply in March.', []);
    expect(figures[0]).toMatchObject({ text: 'the jobless total fell sharply in March', speaker: { description: 'The latest data' } });
    const report = quotesOf('The annual report showed that the bakery had lost money for a third year.', []);
    expect(report[0]?.speaker?.description).toBe('The annual report');
    expect(quotesOf('The report was a hit, and she showed up late.', [])).toEqual([]);
  });
  it('"stated earlier this week that …": a time phrase may stand between a weak verb of saying and its that-clause', () => {
    expect(quotesOf('Smith stated earlier this week that he would not stand again.', [SMITH])[0]).toMatchObject({ text: 'he would not stand again', speaker: { name: 'John Smith' } });
    expect(quotesOf('The bank reported on Monday that its profits had doubled.', [])[0]?.text).toBe('its profits had doubled');
    expect(quotesOf('Smith posted a photo on Monday that showed his dog.', [SMITH])).toEqual([]);
  });
  it('"told the court he …": the addressee\'s noun phrase is no part of the reported clause', () => {
    expect(quotesOf('Smith told the court he had been attacked on his way home.', [SMITH])[0]?.text).toBe('he had been attacked on his way home');
    expect(quotesOf('Smith told a meeting of the city council it would be unwise to cut the budget.', [SMITH])[0]?.text).toBe('it would be unwise to cut the budget');
    expect(quotesOf('The men told police they had been attacked by a gang.', [])[0]?.text).toBe('they had been attacked by a gang');
    expect(quotesOf('Jones warned changes to the pension scheme would have to go ahead in April.', [JONES])[0]?.text).toBe('changes to the pension scheme would have to go ahead in April');
    expect(quotesOf('Smith admitted to jurors he had lied about the accounts.', [SMITH])[0]?.text).toBe('he had lied about the accounts');
    expect(quotesOf('Smith promised to halve the deficit within five years.', [SMITH])[0]?.text).toBe('to halve the deficit within five years');
  });
});
