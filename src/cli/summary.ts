/**
 * The run summary printed by `local` (and `extract` on several files): what the datasets hold.
 * Articles are folded in one at a time as small digests (computed where the article was
 * processed, e.g. in a worker thread), so a run over any number of articles never holds
 * their documents.
 */
import type { ArticleDocument } from '../document/schema.js';
import type { TableName } from '../datasets/index.js';

/** What the summary needs of one article: plain data, cheap to pass between threads. */
export interface SummaryDigest {
  /** [entity_id, name, type, mention_count] */
  entities: [string, string, string, number][];
  /** The speaker of each quotation (name, description, or '(unattributed)'). */
  speakers: string[];
  /** [date or date range, 'TYPE "trigger" (participants)'] for each dated event. */
  events: [string, string][];
}

export function summaryDigest(d: ArticleDocument): SummaryDigest {
  return {
    entities: d.entities.map((e) => [e.entity_id, e.name, e.type, e.mention_count]),
    speakers: d.quotes.map((q) => q.speaker?.name ?? q.speaker?.description ?? '(unattributed)'),
    events: d.events.flatMap((ev): [string, string][] => {
      if (!ev.date?.start) return [];
      const key = ev.date.end && ev.date.end !== ev.date.start ? `${ev.date.start}..${ev.date.end}` : ev.date.start;
      const who = ev.participants.map((p) => p.name).join(', ');
      return [[key, `${ev.type} "${ev.trigger.text}"${who ? ` (${who})` : ''}`]];
    }),
  };
}

export class SummaryCollector {
  private entities = new Map<string, { name: string; type: string; mentions: number; articles: number }>();
  private speakers = new Map<string, number>();
  private events = new Map<string, string[]>();
  articles = 0;

  add(d: SummaryDigest): void {
    this.articles++;
    for (const [id, name, type, mentions] of d.entities) {
      const cur = this.entities.get(id) ?? { name, type, mentions: 0, articles: 0 };
      cur.mentions += mentions;
      cur.articles++;
      this.entities.set(id, cur);
    }
    for (const who of d.speakers) this.speakers.set(who, (this.speakers.get(who) ?? 0) + 1);
    for (const [key, line] of d.events) {
      const list = this.events.get(key);
      if (list) list.push(line);
      else this.events.set(key, [line]);
    }
  }

  format(rows?: Partial<Record<TableName, number>>): string {
    const lines: string[] = [];
    if (rows) {
      lines.push('Rows per table:');
      for (const [t, n] of Object.entries(rows)) lines.push(`  ${t.padEnd(20)} ${String(n).padStart(7)}`);
    }
    lines.push('', 'Top entities (mentions, articles):');
    const top = [...this.entities.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, 15);
    for (const e of top) lines.push(`  ${e.name.padEnd(40)} ${e.type.padEnd(13)} ${String(e.mentions).padStart(5)} ${String(e.articles).padStart(4)}`);
    if (top.length === 0) lines.push('  (none)');
    lines.push('', 'Quotes by speaker:');
    const bySpeaker = [...this.speakers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15);
    for (const [who, n] of bySpeaker) lines.push(`  ${who.padEnd(40)} ${String(n).padStart(5)}`);
    if (bySpeaker.length === 0) lines.push('  (none)');
    lines.push('', 'Events by date:');
    const dated = [...this.events].sort((a, b) => a[0].localeCompare(b[0])).slice(0, 30);
    for (const [date, evs] of dated) for (const ev of evs) lines.push(`  ${date.padEnd(23)} ${ev}`);
    if (dated.length === 0) lines.push('  (none)');
    return lines.join('\n');
  }
}

export function formatSummary(docs: readonly ArticleDocument[], rows?: Partial<Record<TableName, number>>): string {
  const summary = new SummaryCollector();
  for (const d of docs) summary.add(summaryDigest(d));
  return summary.format(rows);
}
