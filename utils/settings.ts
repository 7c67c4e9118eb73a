import { storage } from '#imports';
import type { CalendarDate } from './calendar-date';

/** User settings, in the extension's local storage; every surface watches them, so a change shows without a reload. */
export const overlayEnabled = storage.defineItem<boolean>('local:overlayEnabled', { fallback: true });

/** Save claim numbers and outcomes read on CAPE pages to history. */
export const captureClaimsEnabled = storage.defineItem<boolean>('local:captureClaimsEnabled', { fallback: true });

/** Check entries as of this date (planning a filing day): verdicts and countdowns as they will be then; empty means today. */
export const checkAsOfDate = storage.defineItem<CalendarDate | null>('local:checkAsOfDate', { fallback: null });

/** Show on the toolbar icon how many remembered entries leave the 80-day window within 7 days. */
export const toolbarDeadlineBadgeEnabled = storage.defineItem<boolean>('local:toolbarDeadlineBadgeEnabled', { fallback: false });

/** Bumped after every history write, so open pages re-check their badges. */
export const historyRevision = storage.defineItem<number>('local:historyRevision', { fallback: 0 });

/**
 * ACE reports rarely show the reconciliation, drawback, protest and AD/CVD flags. When on, a missing flag is taken as "no"
 * and every verdict that rests on it says so; when off, such entries show "Check data".
 */
export const assumeMissingFlagsAreNo = storage.defineItem<boolean>('local:assumeMissingFlagsAreNo', { fallback: true });
