/** Why a history write failed: no storage left, interrupted, a record that cannot be stored, the database closed, a missing batch. */
export type HistoryWriteFailure = 'quota' | 'aborted' | 'invalid-record' | 'closed' | 'not-found' | 'unknown';

/** A history write that changed nothing; `message` is plain words for the user. */
export class HistoryWriteError extends Error {
  override readonly name = 'HistoryWriteError';
  readonly failure: HistoryWriteFailure;

  constructor(failure: HistoryWriteFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.failure = failure;
  }
}

/** The history database could not be opened or upgraded. */
export class HistoryOpenError extends Error {
  override readonly name = 'HistoryOpenError';
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
}

/** Plain message for a failed write of `what` (e.g. "claim CAPE-123"), from the error IndexedDB gave. */
export function toHistoryWriteError(error: unknown, what: string): HistoryWriteError {
  if (error instanceof HistoryWriteError) return error;
  const unchanged = 'Nothing was changed.';
  switch (errorName(error)) {
    case 'QuotaExceededError':
      return new HistoryWriteError(
        'quota',
        `Could not save ${what}: the browser has no storage space left for CAPE Companion. ${unchanged} Free disk space, or export a backup and delete old staged batches, then try again.`,
        { cause: error },
      );
    case 'AbortError':
    case 'TransactionInactiveError':
      return new HistoryWriteError('aborted', `Could not save ${what}: the save was interrupted. ${unchanged} Try again.`, { cause: error });
    case 'InvalidStateError':
      return new HistoryWriteError(
        'closed',
        `Could not save ${what}: the history database was closed (the extension was updated or reloaded). ${unchanged} Reopen this window and try again.`,
        { cause: error },
      );
    case 'DataCloneError':
    case 'DataError':
    case 'ConstraintError':
      return new HistoryWriteError('invalid-record', `Could not save ${what}: a value could not be stored (${errorMessage(error)}). ${unchanged}`, {
        cause: error,
      });
    default:
      return new HistoryWriteError('unknown', `Could not save ${what}: ${errorMessage(error)}. ${unchanged}`, { cause: error });
  }
}
