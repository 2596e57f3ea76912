/**
 * Article text + annotated spans → HTML in which every span is an element
 * around exactly its piece of the text. Spans may nest (a mention inside a
 * quotation) or cross (a time expression straddling a quotation's end); crossing
 * spans are split into fragments so the HTML stays well formed, and only the
 * first fragment carries the span's id (the anchor evidence links point to).
 *
 * A label (entity type, speaker, resolved date) is an empty element right after
 * the span's last fragment, drawn by CSS from its data-label attribute, so the
 * page's text content stays exactly the article text.
 *
 * Offsets are Unicode code points, as everywhere in the data model.
 */
import { escapeHtml } from './escape.js';

export interface Annotation {
  start: number;
  end: number;
  /** Element name: mark for entities, span otherwise. */
  tag: 'mark' | 'span';
  /** CSS classes, e.g. "ent PERSON". */
  className: string;
  /** Anchor id on the first fragment. */
  id?: string;
  /** data-* attributes and title, escaped on output. */
  attrs?: Record<string, string>;
  /** Text of the label drawn after the span (CSS ::after). */
  label?: string;
  /** Lower draws outside when two spans cover the same range. */
  layer: number;
}

/**
 * @example
 * annotate('Putin spoke', [{ start: 0, end: 5, tag: 'mark', className: 'ent', layer: 1 }])
 * // '<mark class="ent">Putin</mark> spoke'
 */
export function annotate(text: string, annotations: readonly Annotation[]): string {
  const chars = [...text];
  const n = chars.length;
  const spans = annotations
    .filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.end <= n && a.start < a.end)
    .map((a, order) => ({ ...a, order }))
    .sort((x, y) => x.start - y.start || y.end - x.end || x.layer - y.layer || x.order - y.order);
  const points = [...new Set([0, n, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const startsAt = new Map<number, typeof spans>();
  for (const s of spans) startsAt.set(s.start, [...(startsAt.get(s.start) ?? []), s]);

  const open = (s: (typeof spans)[number], first: boolean) => {
    const attrs = Object.entries(s.attrs ?? {})
      .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
      .join('');
    const id = first && s.id ? ` id="${escapeHtml(s.id)}"` : '';
    return `<${s.tag}${id} class="${escapeHtml(s.className)}${first ? '' : ' cont'}"${attrs}>`;
  };
  const close = (s: (typeof spans)[number], last: boolean) =>
    `</${s.tag}>${last && s.label ? `<span class="label l-${escapeHtml(s.className.split(' ')[0])}" data-label="${escapeHtml(s.label)}" aria-hidden="true"></span>` : ''}`;

  let out = '';
  const stack: typeof spans = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    // Close everything down to the deepest span ending here, then reopen the ones that go on.
    const idx = stack.findIndex((s) => s.end <= p);
    if (idx >= 0) {
      const popped = stack.splice(idx);
      for (let k = popped.length - 1; k >= 0; k--) out += close(popped[k]!, popped[k]!.end <= p);
      for (const s of popped) {
        if (s.end > p) {
          out += open(s, false);
          stack.push(s);
        }
      }
    }
    for (const s of startsAt.get(p) ?? []) {
      out += open(s, true);
      stack.push(s);
    }
    const next = points[i + 1];
    if (next !== undefined) out += escapeHtml(chars.slice(p, next).join(''));
  }
  return out;
}
