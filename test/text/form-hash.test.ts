import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { formHashesInto } from '../../src/text/form-hash.js';
import { tokenIndex } from '../../src/text/token-index.js';
import { wordInfo } from '../../src/events/learned/features.js';

const TEXT = 'Mr Okonkwo said the Harbour Board had SAID nothing; “Said it,” said Lina Varga of Quillon Ltd.';

describe('form hashes kept by the token index', () => {
  it('are each token text’s own hashes, case and all', () => {
    const doc = createDoc({ text: TEXT });
    const ix = tokenIndex(doc);
    const h0 = new Int32Array(1);
    const h1 = new Int32Array(1);
    doc.tokens.forEach((t, k) => {
      formHashesInto(t.text, h0, h1, 0);
      expect([ix.formH0[k], ix.formH1[k]]).toEqual([h0[0], h1[0]]);
      expect(ix.formH0[k]).not.toBe(0); // 0 marks an empty slot in both tables
    });
    const said = doc.tokens.findIndex((t) => t.text === 'said');
    const upper = doc.tokens.findIndex((t) => t.text === 'SAID');
    expect(ix.formH0[said]).not.toBe(ix.formH0[upper]);
  });

  it('find the same event forms as hashing the texts in the form table', () => {
    const doc = createDoc({ text: TEXT });
    const ix = tokenIndex(doc);
    const texts = doc.tokens.map((t) => t.text);
    const sentence = Int32Array.from(doc.tokens, (t) => t.sentence);
    const hashed = wordInfo({ texts, sentence, formH0: ix.formH0, formH1: ix.formH1 });
    const plain = wordInfo({ texts, sentence });
    for (let i = 0; i < texts.length; i++) {
      expect(hashed.form(i)).toBe(plain.form(i));
      expect(hashed.lowerH[i]).toBe(plain.lowerH[i]);
    }
  });
});
