import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm run eval:ner -- <conll-file>` on a two-sentence CoNLL file: conlleval-style rows per type for the real stage and compromise.
const CONLL = `-DOCSTART- -X- -X- O

German JJ B-NP B-MISC
Chancellor NNP I-NP O
Olaf NNP I-NP B-PER
Scholz NNP I-NP I-PER
met VBD B-VP O
officials NNS B-NP O
of IN B-PP O
the DT B-NP O
European NNP I-NP B-ORG
Union NNP I-NP I-ORG
in IN B-PP O
Berlin NNP B-NP B-LOC
. . O O

Scholz NNP B-NP B-PER
later RB B-ADVP O
flew VBD B-VP O
to TO B-PP O
Paris NNP B-NP B-LOC
. . O O
`;

describe('eval:ner', () => {
  it('prints precision, recall and F1 per type for the entity stage and for compromise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-ner-'));
    const file = join(dir, 'tiny.conll');
    writeFileSync(file, CONLL);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/eval-ner.ts', file], { cwd: join(import.meta.dirname, '..', '..') });
    const [ours, baseline] = stdout.split(/compromise people/);
    expect(ours).toMatch(/1 documents/);
    // Six gold entities, all found with exact boundaries and types by the stage.
    expect(ours).toMatch(/^ALL\s+100\.00\s+100\.00\s+100\.00\s+6\s+6$/m);
    for (const type of ['PER', 'ORG', 'LOC', 'MISC']) expect(ours).toMatch(new RegExp(`^${type}\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+\\d+\\s+\\d+$`, 'm'));
    expect(baseline).toMatch(/^ALL\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+6\s+\d+$/m);
  });
});
