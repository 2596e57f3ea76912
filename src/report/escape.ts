/**
 * Everything taken from an article goes through here before it reaches HTML or
 * SVG: text content and attribute values alike. Escaping the five characters
 * that matter to the HTML parser is enough because every value lands in text or
 * in a double-quoted attribute, never in a URL, a script or a style.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * @example escapeHtml('<img onerror="x">') // '&lt;img onerror=&quot;x&quot;&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A tagged template that escapes every interpolated value unless it is already
 * markup made by `html` (or marked safe with `raw`), so forgetting to escape
 * is not possible by construction.
 *
 * @example html`<b>${'<i>'}</b>`.toString() // '<b>&lt;i&gt;</b>'
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (markup: string) => new Html(markup);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v);
}
