/**
 * One article's page: its text with entities highlighted by type, quotations
 * marked with speaker (and confidence, when the document has it), time
 * expressions with their resolved dates and event triggers with their type;
 * then the events, quotations, times and entities as lists whose every item
 * links to its evidence in the text (anchors on the spans).
 */
import type { ArticleDocument, Entity, Event, Quote } from '../document/schema.js';
import { annotate, type Annotation } from './annotate.js';
import { html, raw, type Html } from './escape.js';
import { ENTITY_COLORS, page } from './style.js';

const TYPE_LABEL: Record<string, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC', MISC: 'MISC' };

/** The page's file name below the report folder; ids are checked so a hostile id cannot climb out. */
export function articleHref(articleId: string): string {
  const safe = /^a_[0-9a-f]{16}$/.test(articleId) ? articleId : `x_${[...articleId].map((c) => c.codePointAt(0)!.toString(16)).join('').slice(0, 40)}`;
  return `articles/${safe}.html`;
}

/**
 * The speaker confidence of a quotation, when the pipeline provides one
 * (`speaker_confidence` on the quote, or `confidence` on its speaker); null otherwise.
 */
export function speakerConfidence(q: Quote): number | null {
  const v = (q as { speaker_confidence?: unknown }).speaker_confidence ?? (q.speaker as { confidence?: unknown } | null)?.confidence;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function speakerLabel(q: Quote): string {
  return q.speaker?.name ?? q.speaker?.description ?? 'unattributed';
}

const mentionId = (entityIndex: number, mentionIndex: number) => `m${entityIndex}-${mentionIndex}`;
const range = (start: string | null | undefined, end: string | null | undefined) =>
  !start ? '' : !end || end === start ? start : `${start} – ${end}`;

function annotations(doc: ArticleDocument): Annotation[] {
  const out: Annotation[] = [];
  doc.quotes.forEach((q) => {
    const conf = speakerConfidence(q);
    out.push({
      start: q.start, end: q.end, tag: 'span', className: `quote ${q.kind}`, id: `quote-${q.quote_id}`, layer: 0,
      attrs: {
        'data-quote': q.quote_id, 'data-kind': q.kind, 'data-speaker': speakerLabel(q),
        ...(conf === null ? {} : { 'data-confidence': conf.toFixed(2) }),
        title: `${q.quote_id} · ${q.kind} quotation · speaker: ${speakerLabel(q)}${conf === null ? '' : ` (confidence ${conf.toFixed(2)})`}`,
      },
      label: `— ${speakerLabel(q)}${conf === null ? '' : ` · ${conf.toFixed(2)}`}`,
    });
    const sm = q.speaker?.mention;
    if (sm) out.push({ start: sm.start, end: sm.end, tag: 'span', className: 'speaker', id: `speaker-${q.quote_id}`, layer: 3, attrs: { title: `speaker of ${q.quote_id}` } });
    if (q.cue) out.push({ start: q.cue.start, end: q.cue.end, tag: 'span', className: 'cue', id: `cue-${q.quote_id}`, layer: 3, attrs: { title: `cue of ${q.quote_id}` } });
  });
  doc.events.forEach((e) => {
    out.push({
      start: e.trigger.start, end: e.trigger.end, tag: 'span', className: 'trigger', id: `event-${e.event_id}`, layer: 2,
      attrs: { 'data-event': e.event_id, 'data-type': e.type, title: `${e.event_id} · ${e.type}${e.date?.start ? ` · ${range(e.date.start, e.date.end)}` : ''}` },
      label: e.type,
    });
  });
  doc.times.forEach((t) => {
    const resolved = range(t.date_start, t.date_end);
    out.push({
      start: t.start, end: t.end, tag: 'span', className: 'time', id: `time-${t.time_id}`, layer: 1,
      attrs: { 'data-time': t.time_id, 'data-value': t.value, ...(t.date_start ? { 'data-date': resolved } : {}), title: `${t.time_id} · ${t.type} · ${t.value}${resolved ? ` → ${resolved}` : ''}` },
      label: resolved || t.value,
    });
  });
  doc.entities.forEach((e, i) => {
    e.mentions.forEach((m, j) => {
      out.push({
        start: m.start, end: m.end, tag: 'mark', className: `ent ${e.type}`, id: mentionId(i, j), layer: 4,
        attrs: { 'data-type': e.type, 'data-entity': e.entity_id, title: `${e.type}${e.subtype ? ` (${e.subtype})` : ''} · ${e.name}` },
        label: TYPE_LABEL[e.type] ?? e.type,
      });
    });
  });
  return out;
}

/** Where an entity shows in the text: its mention nearest to (and preferably inside) a span. */
function mentionNear(doc: ArticleDocument, entityId: string | null | undefined, near?: { start: number; end: number }): string | null {
  const i = doc.entities.findIndex((e) => e.entity_id === entityId);
  if (i < 0 || doc.entities[i]!.mentions.length === 0) return null;
  const ms = doc.entities[i]!.mentions;
  if (!near) return mentionId(i, 0);
  let best = 0;
  let dist = Infinity;
  ms.forEach((m, j) => {
    const d = m.end <= near.start ? near.start - m.end : m.start >= near.end ? m.start - near.end : 0;
    if (d < dist) [best, dist] = [j, d];
  });
  return mentionId(i, best);
}

const link = (anchor: string | null, text: unknown) => (anchor ? html`<a href="#${anchor}">${text}</a>` : html`${text}`);

function eventItem(doc: ArticleDocument, e: Event): Html {
  const time = e.date?.time_id ? doc.times.find((t) => t.time_id === e.date!.time_id) : undefined;
  const date = e.date?.start ? link(time ? `time-${time.time_id}` : null, range(e.date.start, e.date.end)) : html`<span class="muted">undated</span>`;
  const place = e.location ? link(mentionNear(doc, e.location.entity_id, e.sentence), e.location.name) : html`<span class="muted">—</span>`;
  const participants = e.participants.length
    ? e.participants.map((p, k) => html`${k ? ', ' : ''}${link(mentionNear(doc, p.entity_id, e.sentence), p.name)} <span class="muted">(${p.role})</span>`)
    : html`<span class="muted">none found</span>`;
  const evidence = Object.entries(e.evidence ?? {});
  return html`<li id="ev-item-${e.event_id}" data-event="${e.event_id}">
<span class="tag">${e.type}</span>${e.cameo ? html` <span class="muted">CAMEO ${e.cameo}</span>` : ''}
 <a href="#event-${e.event_id}">“${e.trigger.text}”</a>
 · date: ${date} · place: ${place} · participants: ${participants}
<div class="sentence">${e.sentence.text}</div>
${evidence.length ? html`<details><summary>why</summary><table>${evidence.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table></details>` : ''}
</li>`;
}

function quoteRow(doc: ArticleDocument, q: Quote): Html {
  const conf = speakerConfidence(q);
  const speaker = q.speaker
    ? q.speaker.mention
      ? html`<a href="#speaker-${q.quote_id}">${speakerLabel(q)}</a>${q.speaker.name && q.speaker.description ? html` <span class="muted">(“${q.speaker.description}”)</span>` : ''}`
      : html`${speakerLabel(q)}`
    : html`<span class="muted">unattributed</span>`;
  const entityLink = q.speaker?.entity_id ? mentionNear(doc, q.speaker.entity_id, q.speaker.mention ?? q) : null;
  return html`<tr data-quote="${q.quote_id}">
<td class="nw"><a href="#quote-${q.quote_id}">${q.quote_id}</a></td><td class="nw">${q.kind}</td>
<td>${speaker}${entityLink ? html` <a href="#${entityLink}" title="speaker mention">↗</a>` : ''}</td>
<td class="num" data-field="confidence">${conf === null ? '' : conf.toFixed(2)}</td>
<td>${q.cue ? link(`cue-${q.quote_id}`, q.cue.text) : ''}</td>
<td>${q.addressee?.name ?? ''}</td>
<td>${q.text}</td></tr>`;
}

function entityRow(e: Entity, i: number): Html {
  const geo = e.geo ? `${e.geo.country_code ?? ''} ${e.geo.latitude.toFixed(2)}, ${e.geo.longitude.toFixed(2)}`.trim() : '';
  return html`<tr data-entity="${e.entity_id}">
<td>${e.mentions.length ? html`<a href="#${mentionId(i, 0)}">${e.name}</a>` : e.name}</td>
<td><span class="tag ${e.type}">${e.type}</span>${e.subtype ? html` <span class="muted">${e.subtype}</span>` : ''}</td>
<td class="num">${e.mention_count}</td><td>${e.aliases.join(', ')}</td><td>${e.roles.join('; ')}</td><td>${geo}</td></tr>`;
}

export function legend(): Html {
  return html`<div class="legend">${Object.entries(ENTITY_COLORS).map(([t, c]) => html`<span><span class="sw" style="background:${c}"></span>${t}</span>`)}
<span><span class="sw" style="background:#fff1a8"></span>quotation (— speaker · confidence)</span>
<span><span class="sw" style="background:#d5f2ef;border-bottom:2px dotted #0f8a84"></span>time → resolved date</span>
<span><span class="sw" style="background:#fde1e1;border-bottom:2px solid #c83737"></span>event trigger</span></div>`;
}

export function renderArticlePage(doc: ArticleDocument): string {
  const a = doc.article;
  const title = a.title?.trim() ? a.title : a.article_id;
  const body = html`
<h1 data-field="title">${title}</h1>
<div class="meta"><span>published ${a.published_at ?? 'unknown'} <span class="muted">(${a.published_at_source})</span></span>${a.dateline ? html`<span data-field="dateline">dateline ${a.dateline.place ?? a.dateline.text}${a.dateline.agency ? ` (${a.dateline.agency})` : ''}</span>` : ''}<span>${a.source.uri}</span><span>${a.article_id}</span><span>${a.word_count} words</span></div>
<section class="card">${legend()}</section>
<section class="card"><div class="text" id="text" data-article="${a.article_id}">${raw(annotate(a.text, annotations(doc)))}</div></section>
<h2 id="events">Events (${doc.events.length})</h2>
${doc.events.length ? html`<ol class="events">${doc.events.map((e) => eventItem(doc, e))}</ol>` : html`<p class="muted">No events found.</p>`}
<h2 id="quotes">Quotations (${doc.quotes.length})</h2>
${doc.quotes.length ? html`<table><thead><tr><th>id</th><th>kind</th><th>speaker</th><th class="num">confidence</th><th>cue</th><th>addressee</th><th>text</th></tr></thead><tbody>${doc.quotes.map((q) => quoteRow(doc, q))}</tbody></table>` : html`<p class="muted">No quotations found.</p>`}
<h2 id="times">Time expressions (${doc.times.length})</h2>
${doc.times.length ? html`<table><thead><tr><th>id</th><th>text</th><th>type</th><th>TIMEX3 value</th><th>resolved dates</th></tr></thead><tbody>${doc.times.map((t) => html`<tr data-time="${t.time_id}"><td><a href="#time-${t.time_id}">${t.time_id}</a></td><td>${t.text}</td><td>${t.type}</td><td>${t.value}</td><td>${range(t.date_start, t.date_end) || html`<span class="muted">unresolved</span>`}</td></tr>`)}</tbody></table>` : html`<p class="muted">No time expressions found.</p>`}
<h2 id="entities">Entities (${doc.entities.length})</h2>
${doc.entities.length ? html`<table><thead><tr><th>name</th><th>type</th><th class="num">mentions</th><th>aliases</th><th>roles</th><th>place</th></tr></thead><tbody>${doc.entities.map(entityRow)}</tbody></table>` : html`<p class="muted">No entities found.</p>`}
`;
  return page(title, body, '../index.html');
}
