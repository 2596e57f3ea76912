/** The run summary printed by `local` (and `extract` on several files): what the datasets hold. */
import type { ArticleDocument } from '../document/schema.js';
import type { TableName } from '../datasets/index.js';

export function formatSummary(docs: readonly ArticleDocument[], rows?: Partial<Record<TableName, number>>): string {
  const lines: string[] = [];
  if (rows) {
    lines.push('Rows per table:');
    for (const [t, n] of Object.entries(rows)) lines.push(`  ${t.padEnd(20)} ${String(n).padStart(7)}`);
  }
  const entities = new Map<string, { name: string; type: string; mentions: number; articles: number }>();
  const speakers = new Map<string, number>();
  const events = new Map<string, string[]>();
  for (const d of docs) {
    for (const e of d.entities) {
      const cur = entities.get(e.entity_id) ?? { name: e.name, type: e.type, mentions: 0, articles: 0 };
      cur.mentions += e.mention_count;
      cur.articles++;
      entities.set(e.entity_id, cur);
    }
    for (const q of d.quotes) {
      const who = q.speaker?.name ?? q.speaker?.description ?? '(unattributed)';
      speakers.set(who, (speakers.get(who) ?? 0) + 1);
    }
    for (const ev of d.events) {
      if (!ev.date?.start) continue;
      const key = ev.date.end && ev.date.end !== ev.date.start ? `${ev.date.start}..${ev.date.end}` : ev.date.start;
      const who = ev.participants.map((p) => p.name).join(', ');
      events.set(key, [...(events.get(key) ?? []), `${ev.type} "${ev.trigger.text}"${who ? ` (${who})` : ''}`]);
    }
  }
  lines.push('', 'Top entities (mentions, articles):');
  const top = [...entities.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, 15);
  for (const e of top) lines.push(`  ${e.name.padEnd(40)} ${e.type.padEnd(13)} ${String(e.mentions).padStart(5)} ${String(e.articles).padStart(4)}`);
  if (top.length === 0) lines.push('  (none)');
  lines.push('', 'Quotes by speaker:');
  const bySpeaker = [...speakers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15);
  for (const [who, n] of bySpeaker) lines.push(`  ${who.padEnd(40)} ${String(n).padStart(5)}`);
  if (bySpeaker.length === 0) lines.push('  (none)');
  lines.push('', 'Events by date:');
  const dated = [...events].sort((a, b) => a[0].localeCompare(b[0])).slice(0, 30);
  for (const [date, evs] of dated) for (const ev of evs) lines.push(`  ${date.padEnd(23)} ${ev}`);
  if (dated.length === 0) lines.push('  (none)');
  return lines.join('\n');
}
