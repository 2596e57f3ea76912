/**
 * BILOU labels over the four CoNLL types. Label 0 is O; type t (0..3) owns
 * B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t.
 */
import type { EntityType } from '../document/schema.js';

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];
export const ENTITY_TYPE: Record<NerType, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION', MISC: 'MISC' };
export const N_LABELS = 17;

export const B = (t: number) => 1 + 4 * t;
export const I = (t: number) => 2 + 4 * t;
export const L = (t: number) => 3 + 4 * t;
export const U = (t: number) => 4 + 4 * t;
export const typeOf = (label: number) => (label === 0 ? -1 : ((label - 1) >> 2));
export const partOf = (label: number) => (label === 0 ? 'O' : 'BILU'[(label - 1) & 3]!);

/** allowed[prev * N + cur]: BILOU well-formedness; prev = N_LABELS means sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((N_LABELS + 1) * N_LABELS);
  for (let prev = 0; prev <= N_LABELS; prev++) {
    for (let cur = 0; cur < N_LABELS; cur++) {
      const pOpen = prev < N_LABELS && (partOf(prev) === 'B' || partOf(prev) === 'I');
      const cPart = partOf(cur);
      const ok = pOpen ? (cPart === 'I' || cPart === 'L') && typeOf(cur) === typeOf(prev) : cPart === 'O' || cPart === 'B' || cPart === 'U';
      a[prev * N_LABELS + cur] = ok ? 1 : 0;
    }
  }
  return a;
})();
/** Labels that may end a sentence. */
export const CAN_END = (label: number) => partOf(label) === 'O' || partOf(label) === 'L' || partOf(label) === 'U';

/** Token-level labels for spans [start, end) of type t. */
export function encodeSpans(n: number, spans: { start: number; end: number; type: number }[]): Uint8Array {
  const labels = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) labels[s.start] = U(s.type);
    else {
      labels[s.start] = B(s.type);
      for (let k = s.start + 1; k < s.end - 1; k++) labels[k] = I(s.type);
      labels[s.end - 1] = L(s.type);
    }
  }
  return labels;
}

/** Spans from a well-formed label sequence. */
export function decodeSpans(labels: ArrayLike<number>, from = 0, to = labels.length): { start: number; end: number; type: number }[] {
  const out: { start: number; end: number; type: number }[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const lab = labels[i]!;
    const p = partOf(lab);
    if (p === 'U') out.push({ start: i, end: i + 1, type: typeOf(lab) });
    else if (p === 'B') open = i;
    else if (p === 'L' && open >= 0) {
      out.push({ start: open, end: i + 1, type: typeOf(lab) });
      open = -1;
    } else if (p === 'O') open = -1;
  }
  return out;
}
