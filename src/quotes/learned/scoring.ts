/**
 * Scoring of attributions against PolNeAR gold, shared by the training script
 * (labels) and `npm run eval:quotes`: contents match when they overlap
 * by ≥ 50% of the shorter (one-to-one, greedy by overlap); a speaker is right
 * when its span overlaps the gold Source; gold is split into quoted and
 * reported speech, speakers into named, pronoun and description sources.
 */
import type { DocQuote } from '../../text/doc.js';
import type { GoldAttribution, Range } from './polnear.js';

export interface Prediction {
  content: Range[];
  quoted: boolean;
  /** The speaker's span in the text (UTF-16), null when none. */
  speaker: Range | null;
  /** A further test of speaker rightness (e.g. the gold source names the predicted entity). */
  speakerNames?: string | null;
  /** Null when the prediction has no speaker (or no confidence). */
  speakerConfidence: number | null;
}

export type SourceKind = 'named' | 'pronoun' | 'description';

export interface Tally {
  gold: number;
  pred: number;
  goldMatched: number;
  predMatched: number;
  speakerPairs: number;
  speakerRight: number;
  e2eGold: number;
  e2ePred: number;
}

export const tally = (): Tally => ({ gold: 0, pred: 0, goldMatched: 0, predMatched: 0, speakerPairs: 0, speakerRight: 0, e2eGold: 0, e2ePred: 0 });

export interface Scores {
  quoted: Tally;
  reported: Tally;
  bySource: Record<SourceKind, { pairs: number; right: number }>;
  /** Speaker confidence and rightness of every matched pair with a gold source. */
  calibration: { confidence: number; right: boolean }[];
  log: string[];
}

export function emptyScores(): Scores {
  return {
    quoted: tally(),
    reported: tally(),
    bySource: { named: { pairs: 0, right: 0 }, pronoun: { pairs: 0, right: 0 }, description: { pairs: 0, right: 0 } },
    calibration: [],
    log: [],
  };
}

const len = (rs: Range[]) => rs.reduce((n, [s, e]) => n + Math.max(0, e - s), 0);
export function intersect(a: Range[], b: Range[]): number {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}

const PRONOUN_SOURCE = /^(?:he|she|they|we|i|it|you|who|him|her|them|us|me|his|their|its|our|my)$/i;

/** How the gold source names the speaker: a pronoun, a name (a capitalised word), or a description. */
export function sourceKind(text: string, g: GoldAttribution): SourceKind {
  const s = g.source.map(([a, b]) => text.slice(a, b)).join(' ').trim();
  if (PRONOUN_SOURCE.test(s)) return 'pronoun';
  const words = s.split(/\s+/);
  if (words.some((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && /^(?:The|A|An|One|Two|Three|Some|Many|Several|Most|All|Other|Another|This|These|Those)$/.test(w)))) return 'named';
  return 'description';
}

/**
 * PolNeAR marks the relative pronoun as the source of "X, who said …": the speaker is its
 * antecedent, the noun phrase right before it (after a comma, or after one appositive opening
 * with a determiner: "Lionel Sosa, a Texas media consultant, who …").
 */
const RELATIVE_SOURCE = /^(?:who|which|that)$/i;
const BEFORE_RELATIVE = /^(?:[\s,]*|,\s+(?:a|an|the)\s[^,.;:!?"“”]{0,80},?\s*)$/;

export function speakerRight(p: Pick<Prediction, 'speaker' | 'speakerNames'>, g: GoldAttribution, text: string): boolean {
  if (p.speaker && intersect([p.speaker], g.source) > 0) return true;
  if (p.speaker && g.source.length === 1) {
    const [s, e] = g.source[0]!;
    if (RELATIVE_SOURCE.test(text.slice(s, e)) && p.speaker[1] <= s && BEFORE_RELATIVE.test(text.slice(p.speaker[1], s))) return true;
  }
  if (!p.speakerNames) return false;
  const gold = g.source.map(([s, e]) => text.slice(s, e)).join(' ').toLowerCase();
  const last = p.speakerNames.toLowerCase().split(/\s+/).pop();
  return !!last && last.length >= 2 && new RegExp(`\\b${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(gold);
}

/**
 * One-to-one matching of predictions to gold attributions: pairs whose
 * contents overlap by ≥ 50% of the shorter, greedy by overlap ratio.
 * Returns, per prediction, the index of its gold attribution or −1 (and the reverse).
 */
export function matchAttributions(gold: readonly GoldAttribution[], preds: readonly { content: Range[] }[]): { gMatch: Int32Array; pMatch: Int32Array } {
  const pairs: { g: number; p: number; r: number }[] = [];
  gold.forEach((g, gi) =>
    preds.forEach((p, pi) => {
      const inter = intersect(g.content, p.content);
      if (inter === 0) return;
      const r = inter / Math.min(len(g.content), len(p.content));
      if (r >= 0.5) pairs.push({ g: gi, p: pi, r });
    }),
  );
  pairs.sort((a, b) => b.r - a.r || a.g - b.g || a.p - b.p);
  const gMatch = new Int32Array(gold.length).fill(-1);
  const pMatch = new Int32Array(preds.length).fill(-1);
  for (const pr of pairs) {
    if (gMatch[pr.g] !== -1 || pMatch[pr.p] !== -1) continue;
    gMatch[pr.g] = pr.p;
    pMatch[pr.p] = pr.g;
  }
  return { gMatch, pMatch };
}

/** Words between two offsets of the text (signed: negative when `b` comes before `a`). */
function wordsBetween(text: string, a: number, b: number): number {
  const n = (text.slice(Math.min(a, b), Math.max(a, b)).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return b < a ? -n : n;
}

/**
 * For the error listing of a missed gold attribution: the prediction overlapping its content most, if any, with
 * the overlap (share of the shorter) and how far its start and end lie from the gold's, in words (+ = later), so
 * that boundary errors can be told from content never found.
 */
function nearestPrediction(g: GoldAttribution, preds: readonly Prediction[], pMatch: Int32Array, text: string): string {
  let best = -1;
  let bestInter = 0;
  preds.forEach((p, pi) => {
    const inter = intersect(g.content, p.content);
    if (inter > bestInter) [best, bestInter] = [pi, inter];
  });
  if (best < 0) return '';
  const p = preds[best]!;
  const r = bestInter / Math.min(len(g.content), len(p.content));
  const gs = g.content[0]![0], ge = g.content[g.content.length - 1]![1];
  const ps = p.content[0]![0], pe = p.content[p.content.length - 1]![1];
  const taken = pMatch[best]! >= 0 ? ', matched elsewhere' : '';
  return `  ~~ nearest ${p.quoted ? 'Q' : 'R'} overlap ${r.toFixed(2)}${taken}, start ${wordsBetween(text, gs, ps)}, end ${wordsBetween(text, ge, pe)}: ${text.slice(ps, pe).slice(0, 100).replace(/\n/g, ' ')}`;
}

/** Adds one article's predictions to `scores`. */
export function scoreArticle(scores: Scores, id: string, text: string, gold: GoldAttribution[], preds: Prediction[]): void {
  const { gMatch, pMatch } = matchAttributions(gold, preds);
  const show = (rs: Range[]) => rs.map(([s, e]) => text.slice(s, e)).join(' … ').slice(0, 160).replace(/\n/g, ' ');
  gold.forEach((g, gi) => {
    const t = g.quoted ? scores.quoted : scores.reported;
    t.gold++;
    const pi = gMatch[gi]!;
    if (pi < 0) {
      scores.log.push(`MISS ${g.quoted ? 'Q' : 'R'} ${id}: [${show(g.cue)}] ${show(g.content)}${nearestPrediction(g, preds, pMatch, text)}`);
      return;
    }
    t.goldMatched++;
    const p = preds[pi]!;
    const right = g.source.length > 0 && speakerRight(p, g, text);
    if (g.source.length) {
      t.speakerPairs++;
      const kind = sourceKind(text, g);
      scores.bySource[kind].pairs++;
      scores.calibration.push({ confidence: p.speakerConfidence ?? 0, right });
      if (right) {
        t.speakerRight++;
        scores.bySource[kind].right++;
      } else scores.log.push(`SPKR ${g.quoted ? 'Q' : 'R'} ${id}: gold "${show(g.source)}" got "${p.speaker ? text.slice(p.speaker[0], p.speaker[1]) : 'null'}" :: ${show(g.content).slice(0, 80)}`);
    }
    if (right) t.e2eGold++;
  });
  preds.forEach((p, pi) => {
    const t = p.quoted ? scores.quoted : scores.reported;
    t.pred++;
    const gi = pMatch[pi]!;
    if (gi < 0) {
      scores.log.push(`FP   ${p.quoted ? 'Q' : 'R'} ${id}: [${p.speaker ? text.slice(p.speaker[0], p.speaker[1]) : 'null'}] ${show(p.content)}`);
      return;
    }
    t.predMatched++;
    const g = gold[gi]!;
    if (g.source.length > 0 && speakerRight(p, g, text)) t.e2ePred++;
  });
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x: number) => (100 * x).toFixed(1);

export function summary(t: Tally): { P: number; R: number; F: number; speaker: number; eP: number; eR: number; eF: number } {
  const P = t.pred ? t.predMatched / t.pred : 0;
  const R = t.gold ? t.goldMatched / t.gold : 0;
  const eP = t.pred ? t.e2ePred / t.pred : 0;
  const eR = t.gold ? t.e2eGold / t.gold : 0;
  return { P, R, F: f1(P, R), speaker: t.speakerPairs ? t.speakerRight / t.speakerPairs : 0, eP, eR, eF: f1(eP, eR) };
}

/** Adds two tallies (quoted + reported = all). */
export function sum(a: Tally, b: Tally): Tally {
  const out = tally();
  for (const k of Object.keys(out) as (keyof Tally)[]) out[k] = a[k] + b[k];
  return out;
}

/** The report printed by the training and evaluation scripts. */
export function formatScores(s: Scores): string {
  const lines = ['category   gold  pred   content P/R/F1          speaker acc          end-to-end P/R/F1'];
  for (const [name, t] of [['quoted', s.quoted], ['reported', s.reported], ['all', sum(s.quoted, s.reported)]] as const) {
    const m = summary(t);
    lines.push(
      `${name.padEnd(9)} ${String(t.gold).padStart(5)} ${String(t.pred).padStart(5)}   ${pct(m.P)}/${pct(m.R)}/${pct(m.F)}`.padEnd(46) +
        `${pct(m.speaker)} (${t.speakerRight}/${t.speakerPairs})`.padEnd(21) +
        `${pct(m.eP)}/${pct(m.eR)}/${pct(m.eF)}`,
    );
  }
  lines.push('speaker accuracy by source: ' + (Object.entries(s.bySource) as [SourceKind, { pairs: number; right: number }][]).map(([k, v]) => `${k} ${pct(v.pairs ? v.right / v.pairs : 0)} (${v.right}/${v.pairs})`).join(', '));
  lines.push(calibrationTable('speaker_confidence', s.calibration, 'right speaker'));
  return lines.join('\n');
}

/** Reliability table: per confidence band, how many and how many right; and the share right at ≥ 0.9. */
export function calibrationTable(name: string, rows: readonly { confidence: number; right: boolean }[], what: string): string {
  const bands = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];
  const out = [`${name} calibration (${what}):`, '  band          n     mean conf   observed'];
  for (let b = 0; b + 1 < bands.length; b++) {
    const inBand = rows.filter((r) => r.confidence >= bands[b]! && r.confidence < bands[b + 1]!);
    if (!inBand.length) continue;
    const mean = inBand.reduce((x, r) => x + r.confidence, 0) / inBand.length;
    const obs = inBand.filter((r) => r.right).length / inBand.length;
    out.push(`  [${bands[b]!.toFixed(2)}, ${Math.min(1, bands[b + 1]!).toFixed(2)}) ${String(inBand.length).padStart(6)}   ${mean.toFixed(3)}       ${obs.toFixed(3)}`);
  }
  const hi = rows.filter((r) => r.confidence >= 0.9);
  out.push(`  confidence ≥ 0.90: ${hi.length} of ${rows.length}, ${pct(hi.length ? hi.filter((r) => r.right).length / hi.length : 0)}% right`);
  return out.join('\n');
}

/** Pieces of one predicted quotation (sharing a group) are scored as one multi-span content. */
export function quotePredictions(quotes: DocQuote[]): Prediction[] {
  const byGroup = new Map<string, Prediction>();
  const out: Prediction[] = [];
  for (const q of quotes) {
    const key = q.group ?? q.id;
    const cur = byGroup.get(key);
    if (cur) cur.content.push([q.start, q.end]);
    else {
      const p: Prediction = {
        content: [[q.start, q.end] as Range],
        quoted: q.kind !== 'indirect',
        speaker: q.speaker?.mention ? [q.speaker.mention.start, q.speaker.mention.end] : null,
        speakerNames: q.speaker?.entity?.name ?? q.speaker?.name ?? null,
        speakerConfidence: q.speakerConfidence,
      };
      byGroup.set(key, p);
      out.push(p);
    }
  }
  return out;
}
