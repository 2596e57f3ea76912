/**
 * Which language an article is written in, and whether the models cover it.
 *
 * The models are trained on English news. Other languages would be processed
 * as English without a word ("Freitag" a PERSON), so they are detected and
 * refused unless the caller states English (CLI --language en, S3 metadata
 * `language`, front matter `language`), which forces processing; a stated
 * language the models do not cover is refused the same way.
 *
 * Detection: English news passes a cheap check first (the share of very common
 * English words); only texts that fail it go to franc (trigram profiles, a
 * well-kept library; franc-min is 150 KB), restricted to widely published
 * languages so that a short or odd text is not taken for a rare one.
 */
import { franc } from 'franc-min';
import { InputError } from './errors.js';

/** Languages the models cover (BCP 47 primary tags). */
export const SUPPORTED_LANGUAGES = ['en'] as const;

/** ISO 639-3 (franc) → ISO 639-1 for the languages franc is allowed to answer. */
const CANDIDATES: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi',
  pol: 'pl', ces: 'cs', slk: 'sk', hun: 'hu', ron: 'ro', hrv: 'hr', slv: 'sl', rus: 'ru', ukr: 'uk', bul: 'bg', ell: 'el',
  tur: 'tr', ind: 'id', vie: 'vi', arb: 'ar', pes: 'fa', heb: 'he', hin: 'hi', ben: 'bn', cmn: 'zh', jpn: 'ja', kor: 'ko', tha: 'th',
};
const ONLY = Object.keys(CANDIDATES);

/** Words far more frequent in English than in any other language franc is asked about. */
const ENGLISH_MARKERS = new Set([
  'the', 'of', 'and', 'to', 'is', 'was', 'that', 'for', 'with', 'said', 'he', 'she', 'it', 'by', 'are', 'from', 'has', 'have',
  'be', 'his', 'her', 'were', 'which', 'not', 'but', 'this', 'they', 'would', 'had', 'been', 'their', 'its', 'at', 'who',
]);
/** Below this many words the text is not judged: it is taken as English unless stated otherwise. */
const MIN_WORDS = 25;
/** Share of marker words in English news is about 0.3; in French or German text under 0.05. */
const ENGLISH_SHARE = 0.12;
const SAMPLE_WORDS = 250;

export interface LanguageDecision {
  /** BCP 47 primary tag written to `article.language`. */
  language: string;
  /** How it was decided: stated by the caller, detected, or assumed (text too short to judge). */
  how: 'stated' | 'detected' | 'assumed';
}

/**
 * Detects the language of a text: an ISO 639-1 code, or null when the text is too short to judge.
 * @example detectLanguage('Le gouvernement a annoncé vendredi une nouvelle réforme des retraites, qui sera présentée au Parlement la semaine prochaine par le ministre du Travail.') // 'fr'
 */
export function detectLanguage(text: string): string | null {
  const words = text.slice(0, 1500).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const sample = words.slice(0, SAMPLE_WORDS);
  let markers = 0;
  for (const w of sample) if (ENGLISH_MARKERS.has(w)) markers++;
  if (markers / sample.length >= ENGLISH_SHARE) return 'en';
  const code = franc(sample.join(' '), { only: ONLY, minLength: 20 });
  return CANDIDATES[code] ?? 'en'; // 'und': franc cannot tell; English markers were few, but nothing else is likelier
}

/** A stated language tag, normalised ("EN", "en-GB" → "en"); a malformed tag is an input error. */
export function parseLanguage(value: string | null | undefined, where: string): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const tag = value.trim();
  if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(tag)) {
    throw new InputError('INVALID_LANGUAGE', `${where} language "${tag}" is not a language tag (expected e.g. "en" or "en-GB").`);
  }
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * The article's language: the stated one, else the detected one. Either must be one the models
 * cover, or the input is refused with UNSUPPORTED_LANGUAGE; stating a supported language ("en")
 * forces processing whatever detection would say.
 */
export function decideLanguage(text: string, stated: string | null): LanguageDecision {
  if (stated) {
    if (!isSupported(stated)) throw unsupported(`The input states language "${stated}"`);
    return { language: stated, how: 'stated' };
  }
  const detected = detectLanguage(text);
  if (detected === null) return { language: 'en', how: 'assumed' };
  if (!isSupported(detected)) throw unsupported(`The text appears to be in language "${detected}"`);
  return { language: detected, how: 'detected' };
}

const isSupported = (code: string) => (SUPPORTED_LANGUAGES as readonly string[]).includes(code);

function unsupported(what: string): InputError {
  return new InputError(
    'UNSUPPORTED_LANGUAGE',
    `${what}; the models cover ${SUPPORTED_LANGUAGES.join(', ')} only, so no datasets were made. ` +
      'To process it as English anyway, state --language en on the command line, or S3 object metadata language=en, or "language: en" in front matter.',
  );
}
