/**
 * The report's index: corpus figures, charts (entities and quotations by speaker
 * over time, events by type and period, a timeline per entity) and the list of
 * articles linking to their pages. Articles are placed in time by their
 * publication date, events by their own resolved date.
 */
import type { ArticleDocument } from '../document/schema.js';
import { articleHref } from './article-page.js';
import { bars, heatGrid, periodOf, periodsOf, stackedColumns, timelines, type Lane } from './charts.js';
import { html, type Html } from './escape.js';
import { page, PALETTE } from './style.js';

const TOP = 15;

interface Tally {
  label: string;
  href?: string;
  byPeriod: Map<string, number>;
  total: number;
}

function tally(map: Map<string, Tally>, key: string, label: string, period: string, n: number, href?: string) {
  let t = map.get(key);
  if (!t) map.set(key, (t = { label, href, byPeriod: new Map(), total: 0 }));
  t.byPeriod.set(period, (t.byPeriod.get(period) ?? 0) + n);
  t.total += n;
}

const UNDATED = 'undated';

/** Rows over publication periods when the corpus has dates, plain totals when it has none. */
function overTime(tallies: Map<string, Tally>, periods: string[], unit: string, id: string, what: string): Html {
  const top = [...tallies.values()].sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : 1)).slice(0, TOP);
  if (top.length === 0) return html`<p class="muted">No ${what} in these articles.</p>`;
  if (periods.length === 0) {
    return html`${bars(top.map((t) => ({ label: t.label, value: t.total, href: t.href })), unit, id)}
<p class="note">No article has a publication date, so ${what} are shown as totals, not over time.</p>`;
  }
  const cols = top.some((t) => t.byPeriod.has(UNDATED)) ? [...periods, UNDATED] : periods;
  return heatGrid(top.map((t) => ({ label: t.label, href: t.href, values: cols.map((p) => t.byPeriod.get(p) ?? 0) })), cols, unit, id);
}

export function renderIndexPage(docs: readonly ArticleDocument[], info: { errors: number; skipped: number }): string {
  const published = docs.map((d) => d.article.published_at).filter((d): d is string => !!d);
  const { granularity, periods } = periodsOf(published);
  const periodOfDoc = (d: ArticleDocument) => (d.article.published_at ? periodOf(d.article.published_at, granularity) : UNDATED);

  // Entities (mentions) and speakers (quotations) per publication period.
  const entities = new Map<string, Tally>();
  const speakers = new Map<string, Tally>();
  for (const d of docs) {
    const p = periodOfDoc(d);
    const href = articleHref(d.article.article_id);
    for (const e of d.entities) tally(entities, e.entity_id, `${e.name} (${e.type[0]})`, p, e.mention_count, href);
    for (const q of d.quotes) {
      // Named speakers only: "he" or "analysts" unresolved are not someone to follow over time.
      if (!q.speaker?.name) continue;
      const key = q.speaker.entity_id ?? `name:${q.speaker.name.toLowerCase()}`;
      tally(speakers, key, q.speaker.name, p, 1, `${href}#quote-${q.quote_id}`);
    }
  }
  // The row links go to an article where the entity or speaker appears (the first one seen).

  // Events by type and by the period of their own date.
  const events = docs.flatMap((d) => d.events.map((e) => ({ d, e })));
  const dated = events.filter(({ e }) => e.date?.start);
  // A few far-off dates ("in 1066", "by 2050") would squeeze the rest into one column: above 50 dated
  // events the chart shows the 2nd to 98th percentile of dates and says how many fall outside.
  const starts = dated.map(({ e }) => e.date!.start!).sort();
  const [lo, hi] = starts.length >= 50 ? [starts[Math.floor(starts.length * 0.02)]!, starts[Math.ceil(starts.length * 0.98) - 1]!] : [starts[0] ?? '', starts.at(-1) ?? ''];
  const shown = dated.filter(({ e }) => e.date!.start! >= lo && e.date!.start! <= hi);
  const ev = periodsOf(shown.map(({ e }) => e.date!.start!));
  const types = [...new Set(events.map(({ e }) => e.type))].sort();
  const typeColor = (t: string) => PALETTE[Math.max(0, types.indexOf(t)) % PALETTE.length]!; // the same colour for a type in every chart
  const typeCounts = types.map((t) => ({ name: t, color: typeColor(t), values: ev.periods.map((p) => shown.filter(({ e }) => e.type === t && periodOf(e.date!.start!, ev.granularity) === p).length) }))
    .filter((s) => s.values.some((v) => v > 0));

  // A timeline per entity: the entities with the most dated events, each event at its date.
  const lanes = new Map<string, Lane & { n: number }>();
  for (const { d, e } of dated) {
    for (const part of e.participants) {
      let l = lanes.get(part.entity_id);
      const name = d.entities.find((x) => x.entity_id === part.entity_id)?.name ?? part.name;
      if (!l) lanes.set(part.entity_id, (l = { label: name, points: [], n: 0 }));
      l.n++;
      l.points.push({
        start: e.date!.start!, end: e.date!.end ?? e.date!.start!, series: e.type,
        title: `${name} · ${e.type} “${e.trigger.text}” · ${e.date!.start}${e.date!.end && e.date!.end !== e.date!.start ? ` – ${e.date!.end}` : ''} · ${d.article.title ?? d.article.article_id}`,
        href: `${articleHref(d.article.article_id)}#event-${e.event_id}`,
      });
    }
  }
  const topLanes = [...lanes.values()].sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : 1)).slice(0, 12);

  const count = (f: (d: ArticleDocument) => number) => docs.reduce((s, d) => s + f(d), 0);
  const range = published.length ? `${[...published].sort()[0]} – ${[...published].sort().at(-1)}` : 'no publication dates';
  const body = html`
<h1>Datasets report</h1>
<div class="meta" id="totals"><span>${docs.length} articles</span><span>${count((d) => d.entities.length)} entities</span><span>${count((d) => d.quotes.length)} quotations</span><span>${count((d) => d.times.length)} time expressions</span><span>${count((d) => d.events.length)} events</span><span>${range}</span>${info.errors ? html`<span>${info.errors} inputs failed (error records)</span>` : ''}${info.skipped ? html`<span>${info.skipped} files skipped</span>` : ''}</div>
<div class="charts">
<section class="card"><h2>Entities${periods.length ? ' over time' : ''}</h2><p class="note">Mentions ${periods.length ? `per ${granularity} of publication` : 'in all articles'}, the ${TOP} most mentioned entities (P person, O organisation, L location, M other).</p>${overTime(entities, periods, 'mentions', 'chart-entities', 'entities')}</section>
<section class="card"><h2>Quotations by speaker${periods.length ? ' over time' : ''}</h2><p class="note">Quotations ${periods.length ? `per ${granularity} of publication` : 'in all articles'}, the ${TOP} most quoted named speakers.</p>${overTime(speakers, periods, 'quotations', 'chart-speakers', 'quotations')}</section>
<section class="card"><h2>Events by type and ${ev.granularity}</h2><p class="note">Each event at the ${ev.granularity} of its own date; ${events.length - dated.length} of ${events.length} events have no date${dated.length > shown.length ? html`, and ${dated.length - shown.length} dated before ${lo} or after ${hi}` : ''}; those are not shown.</p>${typeCounts.length ? stackedColumns(ev.periods, typeCounts, 'events', 'chart-events') : html`<p class="muted">No dated events.</p>`}</section>
<section class="card"><h2>Timeline per entity</h2><p class="note">The entities with the most dated events; each mark is one event (a bar when its date is a range), linking to its evidence.</p>${topLanes.length ? timelines(topLanes, types, typeColor, 'chart-timelines') : html`<p class="muted">No dated events with participants.</p>`}</section>
</div>
<h2>Articles</h2>
<table id="articles"><thead><tr><th>title</th><th>published</th><th class="num">entities</th><th class="num">quotations</th><th class="num">times</th><th class="num">events</th></tr></thead><tbody>
${docs.map((d) => html`<tr><td><a href="${articleHref(d.article.article_id)}">${d.article.title?.trim() ? d.article.title : d.article.article_id}</a></td><td class="nw">${d.article.published_at ?? ''}</td><td class="num">${d.entities.length}</td><td class="num">${d.quotes.length}</td><td class="num">${d.times.length}</td><td class="num">${d.events.length}</td></tr>`)}
</tbody></table>`;
  return page('article-export report', body, null);
}
