/**
 * The report's stylesheet and page frame. Inlined in every page so a page works
 * opened on its own, from disk, with no network; the Content-Security-Policy
 * forbids scripts, remote resources and forms outright, a second wall behind the
 * escaping.
 */
import { html, raw, type Html } from './escape.js';

export const ENTITY_COLORS: Record<string, string> = {
  PERSON: '#cfe3ff',
  ORGANIZATION: '#ffe0b8',
  LOCATION: '#cdeccd',
  MISC: '#e8d9f7',
};

/** A fixed palette for categorical charts (Okabe–Ito, readable by colour-blind readers; its yellow, pale on white, replaced by darker Tol colours). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#332288', '#999999', '#882255', '#44AA99', '#994F00', '#000000'];

const CSS = `
:root { --ink: #1d232b; --muted: #5b6673; --line: #d9dee4; --bg: #fff; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f6f7f9; }
header.top { background: #1d232b; color: #fff; padding: 10px 24px; }
header.top a { color: #cfe3ff; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 1.6em; line-height: 1.25; margin: .4em 0 .2em; overflow-wrap: anywhere; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: .9em; }
.meta span + span::before { content: " · "; }
section.card > h2:first-child { margin-top: .2em; }
td.nw { white-space: nowrap; }
section.card { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 12px 18px; margin: 14px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: .85em; color: var(--muted); align-items: center; }
.legend .sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 4px; border: 1px solid rgba(0,0,0,.15); }
.text { white-space: pre-wrap; font: 17px/1.9 Georgia, "DejaVu Serif", serif; overflow-wrap: anywhere; }
mark.ent { border-radius: 3px; padding: 1px 2px; color: inherit; }
mark.ent.PERSON { background: ${ENTITY_COLORS.PERSON}; }
mark.ent.ORGANIZATION { background: ${ENTITY_COLORS.ORGANIZATION}; }
mark.ent.LOCATION { background: ${ENTITY_COLORS.LOCATION}; }
mark.ent.MISC { background: ${ENTITY_COLORS.MISC}; }
.label::after { content: attr(data-label); font: 600 10px/1 system-ui, sans-serif; letter-spacing: .03em; vertical-align: 1px; margin: 0 3px 0 2px; padding: 1px 3px; border-radius: 3px; white-space: nowrap; }
.l-ent::after { color: #33404d; background: rgba(0,0,0,.06); }
.l-quote::after { color: #7a4b00; background: #fff1c9; font-weight: 500; }
.l-time::after { color: #035e5b; background: #d5f2ef; }
.l-trigger::after { color: #8a1c1c; background: #fde1e1; }
.quote { background: linear-gradient(transparent 62%, #fff1a8 62%); }
.quote.indirect { background: linear-gradient(transparent 62%, #fff8d6 62%); }
.time { border-bottom: 2px dotted #0f8a84; }
.trigger { border-bottom: 2px solid #c83737; font-weight: 600; }
.cue { font-style: italic; }
:target { outline: 3px solid #f0a500; outline-offset: 2px; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { white-space: nowrap; color: var(--muted); font-weight: 600; background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.tag { display: inline-block; font-size: .78em; font-weight: 600; padding: 0 5px; border-radius: 3px; background: #eef1f4; color: #33404d; }
.tag.PERSON { background: ${ENTITY_COLORS.PERSON}; } .tag.ORGANIZATION { background: ${ENTITY_COLORS.ORGANIZATION}; }
.tag.LOCATION { background: ${ENTITY_COLORS.LOCATION}; } .tag.MISC { background: ${ENTITY_COLORS.MISC}; }
.events li { margin: 0 0 10px; }
.events .sentence { color: var(--muted); font-size: .9em; }
details summary { cursor: pointer; color: var(--muted); font-size: .85em; }
.muted { color: var(--muted); }
.charts { display: grid; grid-template-columns: 1fr; gap: 14px; }
svg { max-width: 100%; height: auto; font: 11px system-ui, "DejaVu Sans", sans-serif; }
svg text { fill: #33404d; }
svg .axis { stroke: #9aa5b1; stroke-width: 1; }
svg .grid { stroke: #eceff2; stroke-width: 1; }
.note { color: var(--muted); font-size: .85em; margin: 4px 0 0; }
`;

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function page(title: string, body: Html, home: string | null): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<header class="top">${home ? html`<a href="${home}">← article-export report</a>` : 'article-export report'}</header>
<main>
${body}
</main>
</body>
</html>
`.toString();
}
