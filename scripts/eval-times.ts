/**
 * Scores the time stage against TempEval-3 TimeML (.tml) files.
 *
 *   npx tsx scripts/eval-times.ts [dir of .tml] [--errors] [--limit N]
 *
 * Default dir: $ARTICLE_EXPORT_DATA_DIR/tempeval3/TBAQ-cleaned/TimeBank. The stage
 * sees the plain text of the TEXT element, with publishedAt = the document
 * creation time (the TIMEX3 with functionInDocument="CREATION_TIME").
 * Metrics as TempEval-3 defines them: strict and relaxed (overlap) span P/R/F1,
 * type accuracy on relaxed matches, and value F1 (a relaxed match with the right
 * value counts as correct; P over system expressions, R over gold ones).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/text/create-doc.js';
import { runPipeline } from '../src/pipeline.js';
import { documentLayers } from '../src/document/build.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Plain text of the TEXT element and the TIMEX3 spans in it. */
export function parseTimeML(xml: string): { text: string; dct: string | null; timexes: GoldTimex[] } {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0];
  const dctValue = dctTag ? /value="([^"]*)"/.exec(dctTag)?.[1] ?? null : null;
  const dct = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + 6, close) : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const stack: Array<{ start: number; type: string; value: string } | null> = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|[^<&]+|[<&]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[2]) {
      const closing = m[1] === '/';
      const selfClosing = m[3]!.endsWith('/');
      if (m[2] !== 'TIMEX3') continue;
      if (closing) {
        const t = stack.pop();
        if (t) timexes.push({ start: t.start, end: text.length, text: text.slice(t.start, text.length), type: t.type, value: t.value });
      } else if (!selfClosing) {
        stack.push({ start: text.length, type: /type="([^"]*)"/.exec(m[3]!)?.[1] ?? '', value: /value="([^"]*)"/.exec(m[3]!)?.[1] ?? '' });
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? m[0];
    else text += m[0];
  }
  return { text, dct, timexes };
}

interface Counts {
  gold: number;
  sys: number;
  strict: number;
  relaxed: number;
  type: number;
  value: number;
}

function main() {
  const args = process.argv.slice(2);
  const showErrors = args.includes('--errors');
  const li = args.indexOf('--limit');
  const limit = li >= 0 ? Number(args[li + 1]) : Infinity;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit') ?? join(dataDir, 'tempeval3', 'TBAQ-cleaned', 'TimeBank');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort().slice(0, limit);
  } catch {
    console.error(`No TimeML files at ${dir} (set ARTICLE_EXPORT_DATA_DIR or pass a directory)`);
    process.exit(1);
  }
  const c: Counts = { gold: 0, sys: 0, strict: 0, relaxed: 0, type: 0, value: 0 };
  let chars = 0;
  let ms = 0;
  for (const f of files) {
    const { text, dct, timexes } = parseTimeML(readFileSync(join(dir, f), 'utf8'));
    const t0 = performance.now();
    const doc = createDoc({ text, publishedAt: dct });
    runPipeline(doc, { until: 'times', disable: ['entities'] });
    ms += performance.now() - t0;
    chars += text.length;
    const sys = documentLayers(doc).times;
    c.gold += timexes.length;
    c.sys += sys.length;
    const used = new Set<number>();
    for (const g of timexes) {
      const exact = sys.findIndex((s, i) => !used.has(i) && s.start === g.start && s.end === g.end);
      const k = exact >= 0 ? exact : sys.findIndex((s, i) => !used.has(i) && s.start < g.end && s.end > g.start);
      if (k < 0) {
        if (showErrors) console.log(`MISS ${f} "${g.text}" ${g.type} ${g.value}`);
        continue;
      }
      used.add(k);
      const s = sys[k]!;
      c.relaxed++;
      if (exact >= 0) c.strict++;
      else if (showErrors) console.log(`SPAN ${f} gold "${g.text}" sys "${s.text}"`);
      if (s.type === g.type) c.type++;
      else if (showErrors) console.log(`TYPE ${f} "${g.text}" gold ${g.type} sys ${s.type}`);
      if (s.value === g.value) c.value++;
      else if (showErrors) console.log(`VALUE ${f} "${g.text}" gold ${g.value} sys ${s.value} (dct ${dct})`);
    }
    if (showErrors) sys.forEach((s, i) => !used.has(i) && console.log(`FP ${f} "${s.text}" ${s.type} ${s.value}`));
  }
  const prf = (tp: number) => {
    const p = c.sys ? tp / c.sys : 0;
    const r = c.gold ? tp / c.gold : 0;
    return { p: +p.toFixed(3), r: +r.toFixed(3), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3) };
  };
  console.log(
    JSON.stringify(
      {
        dir,
        documents: files.length,
        gold: c.gold,
        system: c.sys,
        strict: prf(c.strict),
        relaxed: prf(c.relaxed),
        type_accuracy: +(c.relaxed ? c.type / c.relaxed : 0).toFixed(3),
        value: prf(c.value),
        speed_chars_per_ms: +(chars / ms).toFixed(1),
      },
      null,
      2,
    ),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
