import { createInputReader, InputError, type InputEntry, type InputReader } from './read-input';

/** Largest input the side panel reads (issue 4): bigger files are refused with a message, the list stays as it was. */
export const MAX_STAGING_INPUT_BYTES = 50 * 1024 * 1024;

/** Pasted text is read in pieces this long, so progress shows and a cancel is heard between pieces. */
const textPieceLength = 512 * 1024;

export interface StagingInputProgress {
  source: string;
  /** Bytes (files) or characters (pasted text) read so far over all inputs of the job, and in all. */
  done: number;
  total: number;
  /** Lines read of the current input. */
  linesRead: number;
}

/** One input's outcome: its entries, or why it could not be used (then it adds nothing). */
export type StagingInputOutcome = { source: string; entries: InputEntry[] } | { source: string; error: string };

export class StagingInputCancelled extends Error {
  constructor() {
    super('Reading was cancelled; the list is as it was.');
    this.name = 'StagingInputCancelled';
  }
}

/** Rounded up, so a file just over the limit never reads as the limit itself. */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StagingInputCancelled();
}

function outcomeOfError(source: string, error: unknown): StagingInputOutcome {
  if (error instanceof StagingInputCancelled) throw error;
  if (error instanceof InputError) return { source, error: `${source} was not added: ${error.message.replace(/\.$/, '')}.` };
  const reason = error instanceof Error ? error.message : String(error);
  return { source, error: `${source} could not be read (${reason}). Check that the file still exists and can be opened, then add it again.` };
}

function finished(source: string, reader: InputReader): StagingInputOutcome {
  const { entries } = reader.finish();
  if (entries.length === 0) return { source, error: `${source} was not added: it has no entry numbers.` };
  return { source, entries };
}

/** Throttles progress reports to one per interval, so the page gets a few updates a second, not thousands. */
function throttled(report: (progress: StagingInputProgress) => void, intervalMs = 100): (progress: StagingInputProgress, force?: boolean) => void {
  let last = -Infinity;
  return (progress, force = false) => {
    const now = Date.now();
    if (!force && now - last < intervalMs) return;
    last = now;
    report(progress);
  };
}

/**
 * Reads dropped or picked files one after another, streamed (a 50 MB ES-003 export never sits in memory as lines).
 * Each file gets its own outcome; cancelling throws StagingInputCancelled between chunks.
 */
export async function readStagingFiles(
  files: ReadonlyArray<{ name: string; blob: Blob }>,
  onProgress: (progress: StagingInputProgress) => void,
  signal?: AbortSignal,
): Promise<StagingInputOutcome[]> {
  const total = files.reduce((sum, file) => sum + Math.min(file.blob.size, MAX_STAGING_INPUT_BYTES), 0);
  const report = throttled(onProgress);
  const outcomes: StagingInputOutcome[] = [];
  let before = 0;
  for (const { name, blob } of files) {
    throwIfCancelled(signal);
    if (blob.size > MAX_STAGING_INPUT_BYTES) {
      outcomes.push({
        source: name,
        error: `${name} was not added: it is ${megabytes(blob.size)}, and the side panel reads files up to ${megabytes(MAX_STAGING_INPUT_BYTES)}. Split it (for example by importer or by month) and add the parts.`,
      });
      continue;
    }
    const reader = createInputReader({ source: name });
    let bytesRead = 0;
    try {
      const stream = blob.stream().getReader();
      const decoder = new TextDecoder('utf-8');
      for (;;) {
        const { done, value } = await stream.read();
        throwIfCancelled(signal);
        if (done) break;
        bytesRead += value.byteLength;
        reader.pushChunk(decoder.decode(value, { stream: true }));
        report({ source: name, done: before + bytesRead, total, linesRead: reader.linesRead });
      }
      reader.pushChunk(decoder.decode());
      outcomes.push(finished(name, reader));
    } catch (error) {
      outcomes.push(outcomeOfError(name, error));
    }
    before += blob.size;
    report({ source: name, done: before, total, linesRead: reader.linesRead }, true);
  }
  return outcomes;
}

/** Reads pasted text in pieces, yielding between them so progress shows and a cancel is heard. */
export async function readStagingText(
  text: string,
  source: string,
  onProgress: (progress: StagingInputProgress) => void,
  signal?: AbortSignal,
): Promise<StagingInputOutcome> {
  const report = throttled(onProgress);
  const reader = createInputReader({ source });
  try {
    for (let start = 0; start < text.length; start += textPieceLength) {
      throwIfCancelled(signal);
      reader.pushChunk(text.slice(start, start + textPieceLength));
      report({ source, done: Math.min(text.length, start + textPieceLength), total: text.length, linesRead: reader.linesRead });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    throwIfCancelled(signal);
    return finished(source, reader);
  } catch (error) {
    return outcomeOfError(source, error);
  }
}
