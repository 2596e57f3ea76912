/** Why an input could not become an article. The message is meant for the user. */
export type InputErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'TOO_LARGE'
  | 'INVALID_JSON'
  | 'NO_TEXT'
  | 'INVALID_DATE'
  | 'INVALID_LANGUAGE'
  | 'UNSUPPORTED_LANGUAGE'
  | 'UNSUPPORTED_FORMAT'
  | 'READ_FAILED';

/** An input problem that retrying will not fix: it ends in an error record, not a retry. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
