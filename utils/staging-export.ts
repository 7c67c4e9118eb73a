import type { CheckedEntry } from './check-declaration';
import type { CapeFile } from './cape-file';
import type { ExclusionRow } from './exclusions-report';
import type { ExportedFile, IsoTimestamp, StagedBatchState } from './history-schema';
import type { StagedEntryRow } from './staging-rows';

type ResultOf = (id: number) => CheckedEntry | undefined;

/** Normal forms of the ready entries in list order: what the CAPE files hold. */
export function stagedReadyEntryNumbers(rows: readonly StagedEntryRow[], resultOf: ResultOf): string[] {
  const ready: string[] = [];
  for (const row of rows) {
    if (row.removed) continue;
    const result = resultOf(row.id);
    if (result?.status === 'ready') ready.push(result.entryNumber!);
  }
  return ready;
}

/** Every row left out, in list order, with the core's code and message; rows the user removed say so. */
export function stagedExclusionRows(rows: readonly StagedEntryRow[], resultOf: ResultOf): ExclusionRow[] {
  const excluded: ExclusionRow[] = [];
  for (const row of rows) {
    const source = row.source === undefined ? {} : { source: row.source };
    if (row.removed) {
      excluded.push({ row: row.row, input: row.input, entryNumber: row.entryNumber, code: 'removed', message: `Row ${row.row}: removed from the list by you.`, ...source });
      continue;
    }
    const result = resultOf(row.id);
    if (result?.exclusion) {
      excluded.push({ row: result.row, input: result.input, entryNumber: result.entryNumber, code: result.exclusion.code, message: result.exclusion.message, ...source });
    }
  }
  return excluded;
}

/** A name no recorded file of the batch has, so each claim number stays tied to one file. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let copy = 2; ; copy++) {
    const candidate = `${stem}-${copy}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The batch's exported files after a new export: files already recorded under a claim stay; files exported but not
 * recorded are replaced by the new ones (only the newest export can still be uploaded as it is).
 */
export function exportedFilesAfter(
  previous: readonly ExportedFile[],
  written: readonly CapeFile[],
  entryNumbers: readonly string[],
  exportedAt: IsoTimestamp,
): { files: ExportedFile[]; names: string[] } {
  const kept = previous.filter((file) => file.claimNumber !== undefined);
  const taken = new Set(kept.map((file) => file.fileName));
  const names: string[] = [];
  let offset = 0;
  const added = written.map((file): ExportedFile => {
    const fileName = freeName(file.name, taken);
    taken.add(fileName);
    names.push(fileName);
    // The core splits in input order: each file holds the next entryCount entries.
    const fileEntries = entryNumbers.slice(offset, offset + file.entryCount);
    offset += file.entryCount;
    return { fileName, entryNumbers: fileEntries, exportedAt };
  });
  return { files: [...kept, ...added], names };
}

export function stagedBatchStateOf(files: readonly ExportedFile[]): StagedBatchState {
  if (files.length === 0) return 'staging';
  return files.every((file) => file.claimNumber !== undefined) ? 'recorded' : 'exported';
}
