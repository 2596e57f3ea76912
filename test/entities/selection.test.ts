import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeantime } from '../../src/entities/training/corpus.js';
import { heldOut } from '../../src/entities/training/split.js';
import { wordClusters } from '../../src/entities/training/clusters.js';

describe('model selection data', () => {
  it('holds out a fixed tenth of the training documents', () => {
    const picked = Array.from({ length: 2000 }, (_, i) => i).filter(heldOut);
    expect(picked.length).toBeGreaterThan(150);
    expect(picked.length).toBeLessThan(250);
    expect(Array.from({ length: 2000 }, (_, i) => i).filter(heldOut)).toEqual(picked);
  });

  it('reads MEANTIME named mentions with their entity type, and where annotation stops', () => {
    const xml = `<Document doc_id="1">
<token number="0" sentence="0" t_id="1">GM</token><token number="1" sentence="0" t_id="2">shares</token><token number="2" sentence="0" t_id="3">fell</token>
<token number="3" sentence="1" t_id="4">Ford</token><token number="4" sentence="1" t_id="5">rose</token>
<Markables>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11" syntactic_type="NOM"><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY TAG_DESCRIPTOR="General Motors" ent_type="ORG" m_id="20"/>
<ENTITY TAG_DESCRIPTOR="shares" ent_type="FIN" m_id="21"/>
</Markables>
<Relations><REFERS_TO r_id="1"><source m_id="10"/><target m_id="20"/></REFERS_TO><REFERS_TO r_id="2"><source m_id="11"/><target m_id="21"/></REFERS_TO></Relations>
</Document>`;
    const file = join(mkdtempSync(join(tmpdir(), 'meantime-')), 'a.xml');
    writeFileSync(file, xml);
    const a = readMeantime(file);
    expect(a.text).toBe('GM shares fell\n\nFord rose');
    expect(a.mentions).toEqual([{ start: 0, end: 2, type: 'ORG', instance: '20' }]);
    expect(a.annotatedEnd).toBe(a.text.indexOf('Ford')); // sentence 1 has no annotation
  });

  it('clusters words by their neighbours, the same way every run', () => {
    const sents = ['shares of acme rose', 'shares of globex rose', 'the cat sat down', 'the dog sat down'].map((s) => s.split(' '));
    const opts = { k: 3, vocabulary: 50, minCount: 1, contexts: 20, iterations: 5, seed: 3 };
    const a = wordClusters(sents, opts);
    expect(wordClusters(sents, opts)).toEqual(a);
    const clusterOf = (w: string) => a.findIndex((c) => c.includes(w));
    expect(clusterOf('acme')).toBe(clusterOf('globex'));
    expect(clusterOf('cat')).toBe(clusterOf('dog'));
  });
});
