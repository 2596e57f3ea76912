/** The shipped quotation models (models/quotes.bin), loaded once. */
import { resolveModelPath } from '../../models.js';
import { QuoteModels } from './model.js';

export const QUOTE_MODEL_FILE = 'quotes.bin';

let cached: QuoteModels | null = null;

export function loadQuoteModels(): QuoteModels {
  return (cached ??= QuoteModels.load(resolveModelPath(QUOTE_MODEL_FILE)));
}
