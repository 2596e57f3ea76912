/**
 * The contract of every output: the ArticleDocument and its parts, written once
 * as TypeBox schemas. The TypeScript types below are derived from them and the
 * JSON Schemas in `schemas/` are generated from them (`npm run schemas`), so the
 * three can never drift apart.
 *
 * Offsets (`start`, `end`) index `article.text` in Unicode code points, end
 * exclusive: `[...text].slice(start, end).join('')` (JS) or `text[start:end]`
 * (Python) equals the span's `text`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Offset = Type.Integer({ minimum: 0, description: 'Unicode code point offset into article.text' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO 8601 calendar date' });

export const Span = Type.Object(
  { text: Type.String(), start: Offset, end: Offset },
  { additionalProperties: false, description: 'A piece of article.text: start inclusive, end exclusive, code points' },
);
export type Span = Static<typeof Span>;

export const EntityType = Type.Union(
  [Type.Literal('PERSON'), Type.Literal('ORGANIZATION'), Type.Literal('LOCATION'), Type.Literal('MISC')],
  { description: 'Coarse entity type (CoNLL-2003 classes)' },
);
export type EntityType = Static<typeof EntityType>;

export const PublishedAtSource = Type.Union(
  [
    Type.Literal('s3_metadata'),
    Type.Literal('front_matter'),
    Type.Literal('json'),
    Type.Literal('html_meta'),
    Type.Literal('cli'),
    Type.Literal('none'),
  ],
  { description: 'Where published_at came from; "none" means relative dates stay unresolved' },
);
export type PublishedAtSource = Static<typeof PublishedAtSource>;

export const ArticleSource = Type.Object(
  {
    kind: Type.Union([Type.Literal('s3'), Type.Literal('file'), Type.Literal('inline')]),
    uri: Type.String({ description: 's3://bucket/key, a file path, or "inline"' }),
    bucket: Nullable(Type.String()),
    key: Nullable(Type.String()),
    version_id: Nullable(Type.String()),
    format: Type.Union([Type.Literal('txt'), Type.Literal('md'), Type.Literal('html'), Type.Literal('json')]),
    encoding: Type.String({ description: 'How the bytes were decoded, e.g. utf-8, utf-8-bom, utf-16le, utf-8+windows-1252' }),
    bytes: Type.Integer({ minimum: 0 }),
    url: Nullable(Type.String({ description: 'Canonical URL of the article when given' })),
  },
  { additionalProperties: false },
);
export type ArticleSource = Static<typeof ArticleSource>;

export const Article = Type.Object(
  {
    article_id: Type.String({ pattern: '^a_[0-9a-f]{16}$', description: 'Stable id derived from the source identity' }),
    external_id: Nullable(Type.String({ description: 'The id the input declares for itself (front matter or JSON "id")' })),
    title: Nullable(Type.String()),
    published_at: Nullable(IsoDate),
    published_at_source: PublishedAtSource,
    text: Type.String({ description: 'The article text all offsets point into' }),
    language: Type.String({ description: 'BCP 47 primary language tag: the one stated for the input (S3 metadata, front matter, --language), else the detected one' }),
    char_count: Type.Integer({ minimum: 0, description: 'Length of text in code points' }),
    word_count: Type.Integer({ minimum: 0 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of text (UTF-8)' }),
    pipeline_version: Type.String(),
    source: ArticleSource,
    dateline: Nullable(
      Type.Object(
        {
          text: Type.String({ description: 'The dateline as written, e.g. "NAIROBI, Kenya (AP)"' }),
          place: Nullable(Type.String({ description: 'The place as written, e.g. "NAIROBI, Kenya"' })),
          agency: Nullable(Type.String({ description: 'The news agency in brackets, e.g. "AP", "Reuters"' })),
        },
        { additionalProperties: false, description: 'The wire dateline opening the text, when there is one (it stays in text; it is never the title)' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Article = Static<typeof Article>;

export const Geo = Type.Object(
  {
    country_code: Nullable(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    latitude: Type.Number(),
    longitude: Type.Number(),
    geonames_id: Nullable(Type.Integer()),
  },
  { additionalProperties: false },
);
export type Geo = Static<typeof Geo>;

export const Mention = Type.Object(
  { text: Type.String(), start: Offset, end: Offset, sentence: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type Mention = Static<typeof Mention>;

export const Entity = Type.Object(
  {
    entity_id: Type.String({ pattern: '^e_[0-9a-f]{16}$', description: 'Stable across articles for the same canonical name and type' }),
    type: EntityType,
    subtype: Nullable(Type.String({ description: 'country, city, region, nationality, media, product, event, award, law, work…' })),
    name: Type.String({ description: 'Canonical name: the fullest form used in the article' }),
    aliases: Type.Array(Type.String()),
    roles: Type.Array(Type.String(), { description: 'Titles stated in the text, e.g. "Russian Deputy Foreign Minister"' }),
    geo: Nullable(Geo),
    mention_count: Type.Integer({ minimum: 1 }),
    mentions: Type.Array(Mention),
  },
  { additionalProperties: false },
);
export type Entity = Static<typeof Entity>;

export const EntityRef = Type.Object(
  { entity_id: Nullable(Type.String()), name: Nullable(Type.String()) },
  { additionalProperties: false },
);

export const Speaker = Type.Object(
  {
    entity_id: Nullable(Type.String()),
    name: Nullable(Type.String()),
    description: Nullable(Type.String({ description: 'How the text names the speaker when not by name: "the spokesman", "He"' })),
    mention: Nullable(Span),
  },
  { additionalProperties: false },
);
export type Speaker = Static<typeof Speaker>;

export const QuoteKind = Type.Union([Type.Literal('direct'), Type.Literal('partial'), Type.Literal('indirect')]);
export type QuoteKind = Static<typeof QuoteKind>;

export const Quote = Type.Object(
  {
    quote_id: Type.String(),
    text: Type.String(),
    start: Offset,
    end: Offset,
    kind: QuoteKind,
    speaker: Nullable(Speaker),
    speaker_confidence: Nullable(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'Calibrated probability that the speaker is right (of quotes at ≥ 0.9, about nine in ten or more have the right speaker); null without a speaker',
      }),
    ),
    cue: Nullable(Span),
    addressee: Nullable(EntityRef),
    group: Nullable(Type.String({ description: 'Pieces of one quotation split by its attribution share a group' })),
  },
  { additionalProperties: false },
);
export type Quote = Static<typeof Quote>;

export const TimeType = Type.Union([Type.Literal('DATE'), Type.Literal('TIME'), Type.Literal('DURATION'), Type.Literal('SET')]);
export type TimeType = Static<typeof TimeType>;

export const TimeExpression = Type.Object(
  {
    time_id: Type.String(),
    text: Type.String(),
    start: Offset,
    end: Offset,
    type: TimeType,
    value: Type.String({ description: 'TIMEX3 value, e.g. 2024-10-11, 2024-W41, P3Y, XXXX-WXX-1; unresolved relative dates keep X placeholders' }),
    date_start: Nullable(IsoDate),
    date_end: Nullable(IsoDate),
  },
  { additionalProperties: false },
);
export type TimeExpression = Static<typeof TimeExpression>;

export const EventParticipant = Type.Object(
  {
    entity_id: Type.String(),
    name: Type.String(),
    role: Type.String({ description: 'agent, patient, participant, recipient…' }),
  },
  { additionalProperties: false },
);
export type EventParticipant = Static<typeof EventParticipant>;

export const Event = Type.Object(
  {
    event_id: Type.String(),
    type: Type.String({ description: 'Event type from the documented taxonomy (docs/events.md)' }),
    cameo: Nullable(Type.String({ description: 'CAMEO root code where one applies' })),
    factuality: Type.Union(
      [Type.Literal('asserted'), Type.Literal('negated'), Type.Literal('possible'), Type.Literal('cancelled'), Type.Literal('reported')],
      { description: 'What the article commits to: asserted (happened), negated, possible (modal, conditional, planned or scheduled: a scheduled one has evidence.factuality starting "scheduled: " and is charted on the timeline), cancelled (or failed), reported (the claim of a source)' },
    ),
    trigger: Span,
    mentions: Type.Array(Span, {
      description: 'Every trigger of the event in text order, its own included: mentions of the same happening merged into it (in one clause, or coreferent across the article)',
    }),
    sentence: Span,
    date: Nullable(
      Type.Object(
        { start: Nullable(IsoDate), end: Nullable(IsoDate), time_id: Nullable(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    location: Nullable(Type.Object({ entity_id: Type.String(), name: Type.String() }, { additionalProperties: false })),
    participants: Type.Array(EventParticipant),
    evidence: Type.Record(Type.String(), Type.String(), { description: 'Why each field got its value' }),
  },
  { additionalProperties: false },
);
export type Event = Static<typeof Event>;

export const ArticleDocument = Type.Object(
  {
    article: Article,
    entities: Type.Array(Entity),
    quotes: Type.Array(Quote),
    times: Type.Array(TimeExpression),
    events: Type.Array(Event),
  },
  {
    $id: 'https://article-export.dev/schemas/article-document.schema.json',
    title: 'ArticleDocument',
    description: 'Everything article-export extracts from one article',
    additionalProperties: false,
  },
);
export type ArticleDocument = Static<typeof ArticleDocument>;

export const ErrorRecord = Type.Object(
  {
    article_id: Type.String(),
    source: Type.Object(
      { uri: Type.String(), bucket: Nullable(Type.String()), key: Nullable(Type.String()), bytes: Nullable(Type.Integer()) },
      { additionalProperties: false },
    ),
    error: Type.Object(
      {
        code: Type.String({ description: 'Machine-readable reason, e.g. EMPTY_INPUT, BINARY_INPUT, TOO_LARGE, UNSUPPORTED_LANGUAGE' }),
        message: Type.String({ description: 'What went wrong, in words a user can act on' }),
        retryable: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    pipeline_version: Type.String(),
  },
  {
    $id: 'https://article-export.dev/schemas/error-record.schema.json',
    title: 'ErrorRecord',
    description: 'Written instead of datasets when an input cannot be processed',
    additionalProperties: false,
  },
);
export type ErrorRecord = Static<typeof ErrorRecord>;
