/**
 * Generated news-like articles for the fault tests: small (fast to extract),
 * varied (different tables get rows, so file sets differ between articles and
 * between versions of one article), deterministic for a seed, and each with a
 * unique reference so a test can tell which version ended up in the outputs.
 */
import { prng } from './fault-proxy.js';

const FIRST = ['Maria', 'James', 'Aisha', 'Pedro', 'Ingrid', 'Kofi', 'Mei', 'Tomasz', 'Fatima', 'Lars', 'Elena', 'Ravi'];
const LAST = ['Lopez', 'Whitfield', 'Okafor', 'Almeida', 'Nilsson', 'Mensah', 'Chen', 'Kowalski', 'Haddad', 'Berg', 'Petrova', 'Sharma'];
const ORGS = ['Northwind Energy', 'the European Commission', 'Acme Robotics', 'the World Health Organization', 'Bluewater Bank', 'the United Nations', 'Helix Pharma', 'Orion Airlines'];
const PLACES = ['Berlin', 'Nairobi', 'Lisbon', 'Osaka', 'Toronto', 'Warsaw', 'Lima', 'Oslo', 'Cairo', 'Madrid'];
const DAYS = ['on Monday', 'on Tuesday', 'last week', 'on 3 March', 'yesterday', 'in October', 'two days ago', 'next month'];
const TOPICS = ['the new climate plan', 'rising fuel prices', 'a merger', 'the trade agreement', 'vaccine supplies', 'the budget'];

/** Two people, an organisation, a place, a time, a topic. */
type Cast = [string, string, string, string, string, string];

const SENTENCES: ((p: () => Cast) => string)[] = [
  (p) => { const [a, b, , place, day] = p(); return `${a} met ${b} in ${place} ${day}.`; },
  (p) => { const [a, , org, , , topic] = p(); return `"We will not accept ${topic}," ${a} of ${org} told reporters.`; },
  (p) => { const [, , org, place, day] = p(); return `${cap(org)} announced ${day} that it would open an office in ${place}.`; },
  (p) => { const [a, , , , day, topic] = p(); return `${a} said ${day} that ${topic} would be decided soon.`; },
  (p) => { const [, , org, place] = p(); return `Protesters gathered outside the offices of ${org} in ${place}.`; },
  (p) => { const [a, b] = p(); return `${b} was appointed chief executive, replacing ${a}.`; },
  (p) => { const [, , org, , day] = p(); return `Shares in ${org} fell 4% ${day} after results disappointed investors.`; },
  () => 'Nothing else was said about it.',
  () => 'The weather stayed mild for the season.',
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface GeneratedArticle {
  /** Key in the input bucket. */
  key: string;
  body: string;
  /** Unique text that only this version of this article contains. */
  marker: string;
}

/**
 * `count` articles; `version` changes the content (and usually which tables have rows) of the same keys.
 *
 * @example generateArticles(3, 'A', 1).map((a) => a.key)
 */
export function generateArticles(count: number, version: string, seed: number): GeneratedArticle[] {
  const keyRandom = prng(seed); // keys depend only on the seed, so versions share keys
  const random = prng(seed * 7919 + version.charCodeAt(0));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const dir = ['incoming/', 'incoming/world/', 'incoming/business news/', 'incoming/ünïcode/', 'incoming/a+b/'][Math.floor(keyRandom() * 5)]!;
    const key = `${dir}article ${String(i).padStart(4, '0')}.txt`;
    const marker = `Reference ${i}${version}${Math.floor(random() * 1e6)}`;
    const people = (): Cast => [`${pick(FIRST)} ${pick(LAST)}`, `${pick(FIRST)} ${pick(LAST)}`, pick(ORGS), pick(PLACES), pick(DAYS), pick(TOPICS)];
    // Some versions are deliberately bare (few tables), so reprocessing must delete files.
    const bare = random() < 0.25;
    const n = bare ? 1 : 2 + Math.floor(random() * 5);
    const sentences = bare ? [SENTENCES[7 + Math.floor(random() * 2)]!(people)] : Array.from({ length: n }, () => pick(SENTENCES)(people));
    const text = `${sentences.join(' ')}\n\n${marker}.`;
    const frontMatter = random() < 0.5 ? `---\ntitle: Story ${i} (${version})\npublished: 2024-10-${String(1 + (i % 28)).padStart(2, '0')}\n---\n` : '';
    out.push({ key, body: frontMatter + text + '\n', marker });
  }
  return out;
}
