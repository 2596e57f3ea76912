/**
 * conlleval-style scoring: an entity counts as correct only when its type and
 * both boundaries match exactly. Spans are compared as character offsets into
 * the same text, which is equivalent to exact token boundaries.
 */
import { TYPES } from '../labels.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Scoreboard = Map<string, Counts>;

export function newScoreboard(): Scoreboard {
  const b: Scoreboard = new Map();
  for (const t of [...TYPES, 'ALL']) b.set(t, { tp: 0, fp: 0, fn: 0 });
  return b;
}

/** Adds one document's predicted and gold spans (type = index into TYPES). */
export function addDocument(board: Scoreboard, predicted: { start: number; end: number; type: number }[], gold: { start: number; end: number; type: number }[]): void {
  const key = (s: { start: number; end: number; type: number }) => `${s.start}:${s.end}:${s.type}`;
  const goldSet = new Set(gold.map(key));
  const predSet = new Set(predicted.map(key));
  for (const p of predSet) {
    const t = TYPES[Number(p.split(':')[2])]!;
    const hit = goldSet.has(p);
    for (const k of [t, 'ALL']) {
      const c = board.get(k)!;
      if (hit) c.tp++;
      else c.fp++;
    }
  }
  for (const g of goldSet) {
    if (predSet.has(g)) continue;
    const t = TYPES[Number(g.split(':')[2])]!;
    board.get(t)!.fn++;
    board.get('ALL')!.fn++;
  }
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** A conlleval-like table. */
export function formatScoreboard(board: Scoreboard, title: string): string {
  const lines = [title, 'type      precision  recall     F1   gold  pred'];
  for (const [t, c] of board) {
    const { p, r, f } = prf(c);
    lines.push(`${t.padEnd(8)} ${(100 * p).toFixed(2).padStart(10)} ${(100 * r).toFixed(2).padStart(7)} ${(100 * f).toFixed(2).padStart(6)} ${String(c.tp + c.fn).padStart(6)} ${String(c.tp + c.fp).padStart(5)}`);
  }
  return lines.join('\n');
}
