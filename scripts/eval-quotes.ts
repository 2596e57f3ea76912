/**
 * Scores the quotation stage against PolNeAR (brat standoff: Source, Cue and
 * Content spans linked by Attribution events), running the real pipeline
 * through its quote stage (createDoc, then runPipeline until 'quotes') on each
 * article's text.
 *
 *   npx tsx scripts/eval-quotes.ts [dir] [--limit N] [--errors FILE]
 *
 * `dir` is a PolNeAR split folder holding text/ and attributions/ (default: the
 * dev split under $ARTICLE_EXPORT_DATA_DIR or ../shared/data).
 *
 * Matching: a prediction matches a gold attribution when their content spans
 * overlap by at least 50% of the shorter one (pieces of one predicted quotation,
 * sharing a group, are scored as one multi-span content, as PolNeAR annotates
 * them); matching is one-to-one, greedy by overlap.
 * Categories: a gold attribution is "quoted" when its content lies inside
 * quotation marks (it contains a double quotation mark, or one opens right
 * before it), "reported" otherwise; a prediction is quoted when its kind is
 * direct or partial, reported when indirect. Recall is counted over gold items of
 * a category, precision over predictions of that category (matched to any gold).
 * Speaker: right when the predicted speaker's mention overlaps the gold Source,
 * or the gold Source names the predicted entity (its last name), over matched
 * pairs whose gold has a Source. End-to-end: matched and speaker right.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quote } from '../src/document/schema.js';
import { runPipeline } from '../src/pipeline.js';
import { documentLayers } from '../src/document/build.js';
import { createDoc } from '../src/text/create-doc.js';

type Range = [number, number];

interface GoldAttribution {
  content: Range[];
  source: Range[];
  cue: Range[];
  quoted: boolean;
}

interface Predicted {
  content: Range[];
  quoted: boolean;
  speaker: Quote['speaker'];
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

function parseArgs(argv: string[]) {
  let dir = join(dataDir, 'polnear', 'data', 'dev');
  let limit = Infinity;
  let errors: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--limit') limit = Number(argv[++i]);
    else if (a === '--errors') errors = argv[++i]!;
    else dir = resolve(a);
  }
  return { dir, limit, errors };
}

/** Code point offsets (brat, written by Python) → UTF-16 offsets. */
function codePointMap(text: string): (cp: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)]!;
}

const OPEN_BEFORE = /(?:[“"«„]|'')\s*$/u;
const QUOTE_CHAR = /[“”"«»„]|''/u;

function parseBrat(ann: string, text: string): GoldAttribution[] {
  const toU16 = codePointMap(text);
  const spans = new Map<string, { type: string; ranges: Range[] }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const parts = line.split('\t');
    if (line.startsWith('T') && parts.length >= 2) {
      const [type, offs] = [parts[1]!.slice(0, parts[1]!.indexOf(' ')), parts[1]!.slice(parts[1]!.indexOf(' ') + 1)];
      const ranges = offs.split(';').map((r) => r.trim().split(/\s+/).map(Number) as Range).map(([s, e]) => [toU16(s), toU16(e)] as Range);
      spans.set(parts[0]!, { type, ranges });
    } else if (line.startsWith('E') && parts.length >= 2) events.push(parts[1]!);
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const a: GoldAttribution = { content: [], source: [], cue: [], quoted: false };
    for (const arg of ev.split(/\s+/)) {
      const [role, id] = arg.split(':');
      const sp = spans.get(id!);
      if (!sp) continue;
      if (role!.startsWith('Content')) a.content.push(...sp.ranges);
      else if (role!.startsWith('Source')) a.source.push(...sp.ranges);
      else if (role!.startsWith('Cue')) a.cue.push(...sp.ranges);
    }
    if (!a.content.length) continue;
    a.content.sort((x, y) => x[0] - y[0]);
    a.quoted = a.content.some(([s, e]) => QUOTE_CHAR.test(text.slice(s, e)) || OPEN_BEFORE.test(text.slice(Math.max(0, s - 3), s)));
    out.push(a);
  }
  return out;
}

const len = (rs: Range[]) => rs.reduce((n, [s, e]) => n + Math.max(0, e - s), 0);
function intersect(a: Range[], b: Range[]): number {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}

function predictions(quotes: Quote[]): Predicted[] {
  const byGroup = new Map<string, Predicted>();
  const out: Predicted[] = [];
  for (const q of quotes) {
    const key = q.group ?? q.quote_id;
    const cur = byGroup.get(key);
    if (cur) cur.content.push([q.start, q.end]);
    else {
      const p: Predicted = { content: [[q.start, q.end]], quoted: q.kind !== 'indirect', speaker: q.speaker };
      byGroup.set(key, p);
      out.push(p);
    }
  }
  return out;
}

function speakerRight(p: Predicted, g: GoldAttribution, text: string): boolean {
  const sp = p.speaker;
  if (!sp) return false;
  if (sp.mention && intersect([[sp.mention.start, sp.mention.end]], g.source) > 0) return true;
  const gold = g.source.map(([s, e]) => text.slice(s, e)).join(' ').toLowerCase();
  const last = sp.name?.toLowerCase().split(/\s+/).pop();
  return !!last && last.length >= 2 && new RegExp(`\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(gold);
}

interface Tally {
  gold: number;
  pred: number;
  goldMatched: number;
  predMatched: number;
  speakerPairs: number;
  speakerRight: number;
  e2eGold: number;
  e2ePred: number;
}
const tally = (): Tally => ({ gold: 0, pred: 0, goldMatched: 0, predMatched: 0, speakerPairs: 0, speakerRight: 0, e2eGold: 0, e2ePred: 0 });

function main() {
  const { dir, limit, errors } = parseArgs(process.argv.slice(2));
  if (!existsSync(join(dir, 'attributions'))) {
    console.error(`No PolNeAR split at ${dir} (expected attributions/ and text/). Set ARTICLE_EXPORT_DATA_DIR or pass the split folder.`);
    process.exit(2);
  }
  // One annotation per article (some were annotated by several annotators).
  const seen = new Set<string>();
  const files = readdirSync(join(dir, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort()
    .filter((f) => {
      const base = f.replace(/_[0-9a-f]+\.ann$/, '');
      if (seen.has(base)) return false;
      seen.add(base);
      return true;
    })
    .slice(0, limit);
  const cats = { quoted: tally(), reported: tally() };
  const log: string[] = [];
  let chars = 0;
  let ms = 0;
  for (const f of files) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    const textPath = join(dir, 'text', `${base}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const gold = parseBrat(readFileSync(join(dir, 'attributions', f), 'utf8'), text);
    const doc = createDoc({ text });
    runPipeline(doc, { until: 'quotes', onStage: (name, t) => name === 'quotes' && (ms += t) });
    chars += text.length;
    const preds = predictions(documentLayers(doc).quotes);

    // Greedy one-to-one matching by overlap ratio.
    const pairs: { g: number; p: number; r: number }[] = [];
    gold.forEach((g, gi) =>
      preds.forEach((p, pi) => {
        const inter = intersect(g.content, p.content);
        if (inter === 0) return;
        const r = inter / Math.min(len(g.content), len(p.content));
        if (r >= 0.5) pairs.push({ g: gi, p: pi, r });
      }),
    );
    pairs.sort((a, b) => b.r - a.r);
    const gMatch = new Int32Array(gold.length).fill(-1);
    const pMatch = new Int32Array(preds.length).fill(-1);
    for (const pr of pairs) {
      if (gMatch[pr.g] !== -1 || pMatch[pr.p] !== -1) continue;
      gMatch[pr.g] = pr.p;
      pMatch[pr.p] = pr.g;
    }
    gold.forEach((g, gi) => {
      const t = g.quoted ? cats.quoted : cats.reported;
      t.gold++;
      const pi = gMatch[gi]!;
      if (pi < 0) {
        log.push(`MISS ${g.quoted ? 'Q' : 'R'} ${base}: [${g.cue.map(([s, e]) => text.slice(s, e)).join(' ')}] ${g.content.map(([s, e]) => text.slice(s, e)).join(' … ').slice(0, 160)}`);
        return;
      }
      t.goldMatched++;
      const right = speakerRight(preds[pi]!, g, text);
      if (g.source.length) {
        t.speakerPairs++;
        if (right) t.speakerRight++;
        else log.push(`SPKR ${g.quoted ? 'Q' : 'R'} ${base}: gold "${g.source.map(([s, e]) => text.slice(s, e)).join(' ')}" got "${preds[pi]!.speaker?.name ?? preds[pi]!.speaker?.description ?? 'null'}" (${preds[pi]!.speaker?.mention?.text ?? ''}) :: ${text.slice(g.content[0]![0], g.content[0]![1]).slice(0, 80)}`);
      }
      if (right) t.e2eGold++;
    });
    preds.forEach((p, pi) => {
      const t = p.quoted ? cats.quoted : cats.reported;
      t.pred++;
      const gi = pMatch[pi]!;
      if (gi < 0) {
        log.push(`FP   ${p.quoted ? 'Q' : 'R'} ${base}: [${p.speaker?.name ?? p.speaker?.description ?? 'null'}] ${p.content.map(([s, e]) => text.slice(s, e)).join(' … ').slice(0, 160)}`);
        return;
      }
      t.predMatched++;
      if (speakerRight(p, gold[gi]!, text)) t.e2ePred++;
    });
  }
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`PolNeAR ${dir}: ${files.length} articles, ${(chars / 1e6).toFixed(2)} M chars, quotes stage ${ms.toFixed(0)} ms`);
  console.log('category   gold  pred   content P/R/F1          speaker acc     end-to-end P/R/F1');
  for (const [name, t] of Object.entries(cats)) {
    const P = t.pred ? t.predMatched / t.pred : 0;
    const R = t.gold ? t.goldMatched / t.gold : 0;
    const sa = t.speakerPairs ? t.speakerRight / t.speakerPairs : 0;
    const eP = t.pred ? t.e2ePred / t.pred : 0;
    const eR = t.gold ? t.e2eGold / t.gold : 0;
    console.log(
      `${name.padEnd(9)} ${String(t.gold).padStart(5)} ${String(t.pred).padStart(5)}   ${pct(P)}/${pct(R)}/${pct(f1(P, R))}`.padEnd(46) +
        `${pct(sa)} (${t.speakerRight}/${t.speakerPairs})`.padEnd(16) +
        `${pct(eP)}/${pct(eR)}/${pct(f1(eP, eR))}`,
    );
  }
  if (errors) {
    writeFileSync(errors, log.join('\n') + '\n');
    console.log(`errors written to ${errors}`);
  }
}

main();
