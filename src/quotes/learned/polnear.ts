/**
 * PolNeAR (brat standoff: Source, Cue and Content spans linked by Attribution
 * events) read into token ranges of our own tokenization, so training and
 * evaluation see the tokens the pipeline sees.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashString } from '../../entities/hash.js';

export type Range = [number, number];

/** A token range [tokenStart, tokenEnd). */
export interface TokenSpan {
  tokenStart: number;
  tokenEnd: number;
}

export interface GoldAttribution {
  /** UTF-16 offset ranges, sorted. */
  content: Range[];
  source: Range[];
  cue: Range[];
  /** The content lies inside quotation marks. */
  quoted: boolean;
}

export interface PolnearArticle {
  /** File name without annotator suffix and extension. */
  id: string;
  text: string;
  gold: GoldAttribution[];
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

const OPEN_BEFORE = /(?:[“"«„]|''|``)\s*$/u;
const QUOTE_CHAR = /[“”"«»„]|''|``/u;

export function parseBrat(ann: string, text: string): GoldAttribution[] {
  const toU16 = codePointMap(text);
  const spans = new Map<string, { type: string; ranges: Range[] }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const parts = line.split('\t');
    if (line.startsWith('T') && parts.length >= 2) {
      const sp = parts[1]!.indexOf(' ');
      const type = parts[1]!.slice(0, sp);
      const ranges = parts[1]!
        .slice(sp + 1)
        .split(';')
        .map((r) => r.trim().split(/\s+/).map(Number) as Range)
        .map(([s, e]) => [toU16(s), toU16(e)] as Range);
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
    a.cue.sort((x, y) => x[0] - y[0]);
    a.source.sort((x, y) => x[0] - y[0]);
    a.quoted = a.content.some(([s, e]) => QUOTE_CHAR.test(text.slice(s, e)) || OPEN_BEFORE.test(text.slice(Math.max(0, s - 3), s)));
    out.push(a);
  }
  return out;
}

/** The articles of a split folder (text/ and attributions/), one annotation per article, in file order. */
export function readSplit(dir: string, limit = Infinity): PolnearArticle[] {
  if (!existsSync(join(dir, 'attributions'))) throw new Error(`No PolNeAR split at ${dir} (expected attributions/ and text/)`);
  const seen = new Set<string>();
  const out: PolnearArticle[] = [];
  for (const f of readdirSync(join(dir, 'attributions')).filter((x) => x.endsWith('.ann')).sort()) {
    if (out.length >= limit) break;
    const id = f.replace(/_[0-9a-f]+\.ann$/, '');
    if (seen.has(id)) continue;
    seen.add(id);
    const textPath = join(dir, 'text', `${id}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    out.push({ id, text, gold: parseBrat(readFileSync(join(dir, 'attributions', f), 'utf8'), text) });
  }
  return out;
}

/**
 * The held-out slice of PolNeAR train used for selection, threshold tuning and
 * calibration: about 15% of articles, chosen by a hash of the article id, so
 * the same articles are held out on every run and by every script.
 */
export function isHeldOut(id: string): boolean {
  return hashString(id) % 100 < 15;
}

/** Token range [first token overlapping, one past the last) of offset ranges, or null. */
export function tokensOf(starts: ArrayLike<number>, ends: ArrayLike<number>, ranges: readonly Range[]): TokenSpan | null {
  if (!ranges.length) return null;
  const s = ranges[0]![0];
  const e = ranges[ranges.length - 1]![1];
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= s) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  while (k < starts.length && starts[k]! < e) k++;
  return k > lo ? { tokenStart: lo, tokenEnd: k } : null;
}

/** Per token: 1 when it overlaps one of the ranges. */
export function tokenMask(starts: ArrayLike<number>, ends: ArrayLike<number>, ranges: readonly Range[], out: Uint8Array): void {
  for (const r of ranges) {
    const t = tokensOf(starts, ends, [r]);
    if (t) for (let k = t.tokenStart; k < t.tokenEnd; k++) out[k] = 1;
  }
}
