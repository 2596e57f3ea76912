import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import type { DocEntity, Span } from '../../src/text/doc.js';
import { mentionAt } from '../../src/text/layers.js';

/** A span of the tokens [ts, te) of `doc`. */
function span(doc: ReturnType<typeof createDoc>, ts: number, te: number): Span {
  return { start: doc.tokens[ts]!.start, end: doc.tokens[te - 1]!.end, tokenStart: ts, tokenEnd: te };
}

function entity(name: string, mentions: Span[]): DocEntity {
  return { id: name, type: 'PERSON', subtype: null, name, aliases: [], roles: [], geo: null, mentions };
}

describe('mentionAt: mentions in text order', () => {
  it('orders the mentions of all entities by start, mentions with one start in entity order (as a stable sort)', () => {
    const doc = createDoc({ text: 'Anna met Bert and Carl, then Bert met Anna Lee and Carl again.' });
    // Tokens: Anna0 met1 Bert2 and3 Carl4 ,5 then6 Bert7 met8 Anna9 Lee10 and11 Carl12 again13 .14
    const carl = entity('Carl', [span(doc, 12, 13), span(doc, 4, 5)]);
    const lee = entity('Anna Lee', [span(doc, 9, 11)]);
    const bert = entity('Bert', [span(doc, 7, 8), span(doc, 2, 3)]);
    const anna = entity('Anna', [span(doc, 9, 10), span(doc, 0, 1)]); // same start as "Anna Lee": after it (entity order)
    doc.entities = [carl, lee, bert, anna];
    const { mentions, at } = mentionAt(doc);
    expect(mentions.map((m) => [m.tokenStart, m.entity.name])).toEqual([
      [0, 'Anna'], [2, 'Bert'], [4, 'Carl'], [7, 'Bert'], [9, 'Anna Lee'], [9, 'Anna'], [12, 'Carl'],
    ]);
    // The first mention in that order covering a token names it.
    expect(mentions[at[9]!]!.entity.name).toBe('Anna Lee');
    expect(at[3]).toBe(-1);
  });

  it('keeps a single mention and an empty list as they are', () => {
    const doc = createDoc({ text: 'Anna spoke.' });
    doc.entities = [entity('Anna', [span(doc, 0, 1)])];
    expect(mentionAt(doc).mentions.map((m) => m.tokenStart)).toEqual([0]);
    const none = createDoc({ text: 'Nobody spoke.' });
    none.entities = [];
    expect(mentionAt(none).mentions).toEqual([]);
  });
});
