/**
 * How often the time that dates an event lies in an earlier sentence, and whether that can be learned (issue 12,
 * events32). Reads TimeBank (minus the held-out fifth) and AQUAINT as `npm run train:events` does, and
 *
 * 1. counts where the gold anchor (a DATE or TIME linked by an anchoring TLINK, not the creation time) lies: the
 *    event's own sentence, an earlier or a later one;
 * 2. for every event in a sentence with no date or time expression, whose nearest earlier date or time is at most two
 *    sentences back (the candidate a cross-sentence anchor would add), counts how often that time (or one with the
 *    same value) is the gold anchor, by the signals issue 12 names: sentence distance, same paragraph, whether the
 *    time dates an event of its own sentence, a calendar value, the event's class;
 * 3. trains a perceptron on those signals plus the event's word, suffix, previous word and the sentence's first word,
 *    cross-validated by document (5 folds), and reports precision and recall at the top of its ranking, then the same
 *    model on the TimeBank held-out fifth.
 *
 * "prec/linked" counts only events with some TLINK (the others may be unannotated), "prec/all" every candidate.
 *
 *     npx tsx scripts/measure-cross-sentence-anchors.ts [--data ../shared/data]
 */
import { readEventCorpora } from '../src/events/training/build.js';
import type { AlignedText } from '../src/events/training/corpus.js';
import { createDoc } from '../src/text/create-doc.js';

const dataDir = process.argv.includes('--data') ? process.argv[process.argv.indexOf('--data') + 1]! : '../shared/data';
const corpora = readEventCorpora(dataDir);

interface Candidate {
  doc: number;
  features: string[];
  /** The nearest earlier time (or one of the same value) is the event's gold anchor. */
  positive: boolean;
  /** The event has some TLINK (to a time, the creation time or another event). */
  linked: boolean;
}

const isDateOrTime = (t: { type: string }) => t.type === 'DATE' || t.type === 'TIME';

function granularity(value: string): string {
  if (/^\d{4}-\d\d-\d\d/.test(value)) return 'day';
  if (/^\d{4}-\d\d$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return /^\d{4}/.test(value) ? 'other' : 'vague';
}

/** Where gold anchors lie relative to their event's sentence. */
function anchorPlaces(texts: AlignedText[]): Record<string, number> {
  const out: Record<string, number> = { same: 0, earlier: 0, later: 0, 'earlier, own sentence without a time': 0 };
  for (const d of texts) {
    const timeById = new Map(d.times.map((t) => [t.gold.id, t]));
    const withTime = new Set(d.times.filter(isDateOrTime).map((t) => d.view.sentence[t.start]!));
    for (const e of d.events) {
      const a = timeById.get(d.source.anchors.get(e.gold.id) ?? '');
      if (!a || !isDateOrTime(a)) continue;
      const s = d.view.sentence[e.start]!;
      const as = d.view.sentence[a.start]!;
      out[as === s ? 'same' : as < s ? 'earlier' : 'later']!++;
      if (as < s && !withTime.has(s)) out['earlier, own sentence without a time']!++;
    }
  }
  return out;
}

function candidates(texts: AlignedText[]): Candidate[] {
  const out: Candidate[] = [];
  texts.forEach((d, di) => {
    const doc = createDoc({ text: d.source.text });
    const paragraph = (tok: number) => doc.sentences[d.view.sentence[tok]!]!.paragraph;
    const times = d.times.filter(isDateOrTime);
    const timeById = new Map(d.times.map((t) => [t.gold.id, t]));
    const withTime = new Set(times.map((t) => d.view.sentence[t.start]!));
    const anchoredIn = new Map<number, Set<string>>();
    for (const e of d.events) {
      const a = d.source.anchors.get(e.gold.id);
      const s = d.view.sentence[e.start]!;
      if (a) (anchoredIn.get(s) ?? anchoredIn.set(s, new Set()).get(s)!).add(a);
    }
    const lower = d.view.texts.map((w) => w.toLowerCase());
    for (const e of d.events) {
      const s = d.view.sentence[e.start]!;
      if (withTime.has(s)) continue;
      const prev = times.filter((t) => t.start < e.start).at(-1);
      if (!prev) continue;
      const ps = d.view.sentence[prev.start]!;
      const dist = s - ps;
      if (dist > 2) continue;
      const gold = timeById.get(d.source.anchors.get(e.gold.id) ?? '');
      const word = lower[e.start]!;
      const gran = granularity(prev.gold.value);
      const cls = e.gold.cls;
      out.push({
        doc: di,
        positive: !!gold && (gold === prev || gold.gold.value === prev.gold.value),
        linked: d.source.anchors.has(e.gold.id) || d.source.linkedElsewhere.has(e.gold.id),
        features: [
          'bias', `cls=${cls}`, `dist=${dist}`, `sameParagraph=${paragraph(prev.start) === paragraph(e.start)}`,
          `datesItsSentence=${anchoredIn.get(ps)?.has(prev.gold.id) ?? false}`, `gran=${gran}`, `cls,gran=${cls},${gran}`,
          `cls,dist=${cls},${dist}`, `isCreationDay=${prev.gold.value === d.source.dct}`, `word=${word}`,
          `suffix=${word.slice(-2)}`, `before=${lower[e.start - 1]}`, `first=${lower[doc.sentences[s]!.tokenStart]}`,
          `position=${Math.min(e.start - doc.sentences[s]!.tokenStart, 10)}`, `timeWord=${lower[prev.start]}`,
        ],
      });
    }
  });
  return out;
}

type Weights = Map<string, number>;
const scoreOf = (f: string[], w: Weights) => f.reduce((s, k) => s + (w.get(k) ?? 0), 0);

/** Averaged perceptron, 10 epochs, over linked candidates only (an unlinked event's anchor is unknown). */
function train(examples: Candidate[]): Weights {
  const w: Weights = new Map();
  const acc: Weights = new Map();
  let step = 1;
  for (let epoch = 0; epoch < 10; epoch++) {
    for (const x of examples) {
      const y = x.positive ? 1 : -1;
      if (y * scoreOf(x.features, w) <= 0) {
        for (const k of x.features) {
          w.set(k, (w.get(k) ?? 0) + y);
          acc.set(k, (acc.get(k) ?? 0) + y * step);
        }
      }
      step++;
    }
  }
  return new Map([...w].map(([k, v]) => [k, v - (acc.get(k) ?? 0) / step]));
}

function report(label: string, scored: Array<Candidate & { score: number }>, cuts: number[]): void {
  scored.sort((a, b) => b.score - a.score);
  const positives = scored.filter((x) => x.positive).length;
  console.log(`${label}: ${scored.length} candidates, ${scored.filter((x) => x.linked).length} linked, ${positives} anchored to the earlier time`);
  let tp = 0;
  let linked = 0;
  scored.forEach((x, i) => {
    if (x.positive) tp++;
    if (x.linked) linked++;
    if (cuts.includes(i + 1)) {
      console.log(`  top ${i + 1}: prec/linked ${(tp / linked).toFixed(2)}, prec/all ${(tp / (i + 1)).toFixed(2)}, recall ${(tp / positives).toFixed(2)}`);
    }
  });
}

function tabulate(list: Candidate[], key: (x: Candidate) => string): void {
  const rows = new Map<string, number[]>();
  for (const x of list) {
    const r = rows.get(key(x)) ?? rows.set(key(x), [0, 0, 0]).get(key(x))!;
    r[0]!++;
    if (x.linked) r[1]!++;
    if (x.positive) r[2]!++;
  }
  for (const [k, [n, linked, pos]] of [...rows].sort()) {
    console.log(`  ${k.padEnd(60)} n ${n}, linked ${linked}, anchored ${pos}: prec/linked ${(pos! / linked!).toFixed(2)}, prec/all ${(pos! / n!).toFixed(2)}`);
  }
}

console.log('gold anchors (training documents):', anchorPlaces(corpora.timemlTrain));
const trainCands = candidates(corpora.timemlTrain);
const feature = (x: Candidate, name: string) => x.features.find((f) => f.startsWith(`${name}=`))!;
console.log('by signal (training documents):');
tabulate(trainCands, (x) => `${feature(x, 'dist')} ${feature(x, 'sameParagraph')}`);
tabulate(trainCands, (x) => `${feature(x, 'dist')} ${feature(x, 'datesItsSentence')} ${feature(x, 'gran')}`);
const cv: Array<Candidate & { score: number }> = [];
for (let fold = 0; fold < 5; fold++) {
  const model = train(trainCands.filter((x) => x.doc % 5 !== fold && x.linked));
  for (const x of trainCands.filter((x) => x.doc % 5 === fold)) cv.push({ ...x, score: scoreOf(x.features, model) });
}
report('training documents, 5-fold cross-validation by document', cv, [10, 20, 40, 80, 120, 200]);
const model = train(trainCands.filter((x) => x.linked));
report('TimeBank held-out fifth', candidates(corpora.timebankHeldOut).map((x) => ({ ...x, score: scoreOf(x.features, model) })), [5, 10, 20, 30, 50]);
