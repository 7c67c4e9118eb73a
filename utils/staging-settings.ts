import { storage } from '#imports';
import { MAX_ENTRIES_PER_DECLARATION } from './cape-file';

/** Write entry numbers as `ABC-1234567-6` in CAPE files (domain.md §3 [open]: undashed by default). */
export const capeFileDashes = storage.defineItem<boolean>('local:capeFileDashes', { fallback: false });

/** Entries per CAPE file: 9,999 at most (domain.md §3); a broker may choose fewer. */
export const capeFileMaxEntries = storage.defineItem<number>('local:capeFileMaxEntries', { fallback: MAX_ENTRIES_PER_DECLARATION });

/** Keep entries predicted not eligible in the CAPE file, letting ACE decide (the CLI's --keep-ineligible). */
export const keepIneligibleEntries = storage.defineItem<boolean>('local:keepIneligibleEntries', { fallback: false });
