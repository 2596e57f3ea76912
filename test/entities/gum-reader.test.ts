import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGum } from '../../src/entities/training/corpus.js';

// A GUM-style CoNLL-U document: nested and one-token mentions, a multiword token, SpaceAfter=No, paragraphs.
const CONLLU = [
  '# newdoc id = GUM_news_test',
  '# newpar',
  '# sent_id = GUM_news_test-1',
  '1\tU.S.\tU.S.\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-s-cf1-1-coref(2-place-new-s-cf2-1-coref-United_States)',
  '2\tofficials\tofficial\tNOUN\tNNS\t_\t3\tnsubj\t_\tEntity=1)',
  '3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_',
  '4\tteam\tteam\tNOUN\tNN\t_\t5\tcompound\t_\tEntity=(3-person-new-s-cf3-2-coref-Rodaba_Noori',
  '5\tmember\tmember\tNOUN\tNN\t_\t3\tobj\t_\t_',
  '6\tRodaba\tRodaba\tPROPN\tNNP\t_\t7\tflat\t_\t_',
  '7\tNoori\tNoori\tPROPN\tNNP\t_\t5\tappos\t_\tEntity=3)|SpaceAfter=No',
  '8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_',
  '',
  '# newpar',
  '# sent_id = GUM_news_test-2',
  '1-2\tTrump\'s\t_\t_\t_\t_\t_\t_\t_\t_',
  '1\tTrump\tTrump\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tEntity=(4-person-new-s-cf4-1-coref-Donald_Trump|SpaceAfter=No',
  '2\t\'s\t\'s\tPART\tPOS\t_\t1\tcase\t_\tEntity=4)',
  '3\tMuslims\tMuslim\tPROPN\tNNPS\t_\t0\troot\t_\tEntity=(5-person-new-s-cf5-1-coref)',
  '',
].join('\n');

describe('readGum (GUM CoNLL-U with entities)', () => {
  it('rebuilds the text and reads nested mentions, identities and whether a mention is a name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gum-'));
    const file = join(dir, 'GUM_news_test.conllu');
    writeFileSync(file, CONLLU);
    const doc = readGum(file);
    expect(doc.text).toBe("U.S. officials met team member Rodaba Noori.\n\nTrump's Muslims");
    const m = (text: string) => doc.mentions.find((x) => doc.text.slice(x.start, x.end) === text);
    expect(m('U.S.')).toMatchObject({ type: 'place', identity: 'United_States', proper: true });
    expect(m('U.S. officials')).toMatchObject({ type: 'person', identity: '', proper: false }); // its proper noun is a mention of its own
    expect(m('team member Rodaba Noori')).toMatchObject({ type: 'person', identity: 'Rodaba_Noori', proper: true });
    expect(m("Trump's")).toMatchObject({ instance: '4', proper: true });
    expect(m('Muslims')).toMatchObject({ proper: false }); // a plural proper noun (NNPS) names a group
  });
});
