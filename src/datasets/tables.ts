/**
 * The CSV tables: one row schema per table (TypeBox, so the JSON Schemas in
 * schemas/csv/ are generated from the same source) and the function that turns
 * an ArticleDocument into rows. Every table carries article_id; entity_id joins
 * entities, mentions, quotes, event_participants and timeline across articles.
 * Multi-valued cells (aliases, roles) are joined with " | ".
 */
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import type { ArticleDocument } from '../document/schema.js';
import { scheduledEvent } from '../events/future.js';

const S = Type.String();
const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const I = Type.Integer({ minimum: 0 });
const row = <P extends Record<string, TSchema>>(title: string, description: string, props: P) =>
  Type.Object(props, { title, description, additionalProperties: false });

export const TABLES = {
  articles: row('articles', 'One row per article', {
    article_id: S, external_id: N(S), title: N(S), published_at: N(S), published_at_source: S, language: S,
    char_count: I, word_count: I, sha256: S, source_uri: S, source_format: S, source_encoding: S, url: N(S),
    dateline_place: N(S), dateline_agency: N(S),
    entity_count: I, quote_count: I, time_count: I, event_count: I, pipeline_version: S,
  }),
  entities: row('entities', 'One row per entity per article', {
    article_id: S, entity_id: S, type: S, subtype: N(S), name: S, aliases: S, roles: S, mention_count: I,
    country_code: N(S), latitude: N(Type.Number()), longitude: N(Type.Number()),
  }),
  mentions: row('mentions', 'One row per entity mention', {
    article_id: S, entity_id: S, start: I, end: I, text: S, sentence: I,
  }),
  quotes: row('quotes', 'One row per quotation or reported statement', {
    article_id: S, quote_id: S, kind: S, text: S, start: I, end: I,
    speaker_entity_id: N(S), speaker_name: N(S), speaker_description: N(S), speaker_confidence: N(Type.Number()),
    cue: N(S), cue_start: N(I), cue_end: N(I), addressee_entity_id: N(S), addressee_name: N(S), quote_group: N(S),
  }),
  times: row('times', 'One row per time expression', {
    article_id: S, time_id: S, text: S, start: I, end: I, type: S, value: S, date_start: N(S), date_end: N(S),
  }),
  events: row('events', 'One row per event', {
    article_id: S, event_id: S, type: S, cameo: N(S), factuality: S, trigger: S, trigger_start: I, trigger_end: I, mention_count: I,
    date_start: N(S), date_end: N(S), time_id: N(S), location_entity_id: N(S), location_name: N(S), sentence: S,
  }),
  event_participants: row('event_participants', 'One row per participant of an event', {
    article_id: S, event_id: S, entity_id: S, name: S, role: S,
  }),
  timeline: row('timeline', "Each entity's dated events that happened (asserted) or are scheduled (possible, scheduled evidence) in date order (SemEval-2015 Task 4 view)", {
    entity_id: S, name: S, date_start: S, date_end: S, event_type: S, trigger: S, article_id: S, event_id: S,
  }),
} satisfies Record<string, TObject>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export type Row<T extends TableName> = Static<(typeof TABLES)[T]>;
export type Rows = { [T in TableName]: Row<T>[] };

/** Column order of a table, as in its CSV header. */
export function columns(table: TableName): string[] {
  return Object.keys(TABLES[table].properties);
}

const joinList = (xs: readonly string[]) => xs.join(' | ');

/**
 * @example
 * toRows(extract('Putin met Pezeshkian.')).mentions.length // 2
 */
export function toRows(doc: ArticleDocument): Rows {
  const a = doc.article;
  const id = a.article_id;
  const names = new Map(doc.entities.map((e) => [e.entity_id, e.name]));
  const timeline: Row<'timeline'>[] = [];
  for (const ev of doc.events) {
    // Only what the article asserts happened, or schedules ("is to visit on Friday", "will meet on Monday": possible,
    // with scheduled evidence); negated, modal or conditional, cancelled and reported events stay in `events` with their flag.
    if (!ev.date?.start || !(ev.factuality === 'asserted' || scheduledEvent(ev))) continue;
    for (const p of ev.participants) {
      timeline.push({
        entity_id: p.entity_id, name: names.get(p.entity_id) ?? p.name, date_start: ev.date.start,
        date_end: ev.date.end ?? ev.date.start, event_type: ev.type, trigger: ev.trigger.text, article_id: id, event_id: ev.event_id,
      });
    }
  }
  timeline.sort((x, y) => cmp(x.entity_id, y.entity_id) || cmp(x.date_start, y.date_start) || cmp(x.date_end, y.date_end) || cmp(x.event_id, y.event_id));
  return {
    articles: [{
      article_id: id, external_id: a.external_id, title: a.title, published_at: a.published_at,
      published_at_source: a.published_at_source, language: a.language, char_count: a.char_count, word_count: a.word_count,
      sha256: a.sha256, source_uri: a.source.uri, source_format: a.source.format, source_encoding: a.source.encoding, url: a.source.url,
      dateline_place: a.dateline?.place ?? null, dateline_agency: a.dateline?.agency ?? null,
      entity_count: doc.entities.length, quote_count: doc.quotes.length, time_count: doc.times.length, event_count: doc.events.length,
      pipeline_version: a.pipeline_version,
    }],
    entities: doc.entities.map((e) => ({
      article_id: id, entity_id: e.entity_id, type: e.type, subtype: e.subtype, name: e.name,
      aliases: joinList(e.aliases), roles: joinList(e.roles), mention_count: e.mention_count,
      country_code: e.geo?.country_code ?? null, latitude: e.geo?.latitude ?? null, longitude: e.geo?.longitude ?? null,
    })),
    mentions: doc.entities.flatMap((e) =>
      e.mentions.map((m) => ({ article_id: id, entity_id: e.entity_id, start: m.start, end: m.end, text: m.text, sentence: m.sentence })),
    ).sort((x, y) => x.start - y.start || x.end - y.end),
    quotes: doc.quotes.map((q) => ({
      article_id: id, quote_id: q.quote_id, kind: q.kind, text: q.text, start: q.start, end: q.end,
      speaker_entity_id: q.speaker?.entity_id ?? null, speaker_name: q.speaker?.name ?? null,
      speaker_description: q.speaker?.description ?? null, speaker_confidence: q.speaker_confidence, cue: q.cue?.text ?? null, cue_start: q.cue?.start ?? null,
      cue_end: q.cue?.end ?? null, addressee_entity_id: q.addressee?.entity_id ?? null, addressee_name: q.addressee?.name ?? null,
      quote_group: q.group,
    })),
    times: doc.times.map((t) => ({
      article_id: id, time_id: t.time_id, text: t.text, start: t.start, end: t.end, type: t.type, value: t.value,
      date_start: t.date_start, date_end: t.date_end,
    })),
    events: doc.events.map((e) => ({
      article_id: id, event_id: e.event_id, type: e.type, cameo: e.cameo, factuality: e.factuality, trigger: e.trigger.text,
      trigger_start: e.trigger.start, trigger_end: e.trigger.end, mention_count: e.mentions.length, date_start: e.date?.start ?? null, date_end: e.date?.end ?? null,
      time_id: e.date?.time_id ?? null, location_entity_id: e.location?.entity_id ?? null, location_name: e.location?.name ?? null,
      sentence: e.sentence.text,
    })),
    event_participants: doc.events.flatMap((e) =>
      e.participants.map((p) => ({ article_id: id, event_id: e.event_id, entity_id: p.entity_id, name: p.name, role: p.role })),
    ),
    timeline,
  };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
