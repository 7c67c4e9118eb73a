import { aceErrorToReason } from './ace-error-texts';
import type { CalendarDate } from './calendar-date';
import type { EntryFacts, FactSource } from './entry-facts';
import { HISTORY_SCHEMA_VERSION, type HistoryStoreName, type LearnedFacts } from './history-schema';

/** claimEntries as schema v1 wrote them: ACE's error text only, no reason code. */
export interface ClaimEntryRecordV1 {
  claimNumber: string;
  entryNumber: string;
  outcome: 'accepted' | 'rejected' | 'pending';
  aceErrorText?: string;
  updatedAt: string;
}

/** entryLedger as schema v1 wrote it: plain facts with one source and date for the whole entry. */
export interface EntryLedgerRecordV1 {
  entryNumber: string;
  facts: Partial<EntryFacts>;
  source: FactSource;
  learnedOn: CalendarDate;
  updatedAt: string;
}

/** Reason code of an ACE error text, or undefined when there is no text. */
export function reasonCodeFor(aceErrorText: string | undefined): string | undefined {
  if (aceErrorText === undefined || aceErrorText.trim() === '') return undefined;
  return aceErrorToReason(aceErrorText)?.code;
}

type RecordUpgrade = (record: unknown) => unknown;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** v1 → v2: derive the reason code from ACE's error text. */
export function claimEntryV1toV2(record: unknown): unknown {
  if (!isObject(record) || record.reasonCode !== undefined || typeof record.aceErrorText !== 'string') return record;
  const reasonCode = reasonCodeFor(record.aceErrorText);
  return reasonCode === undefined ? record : { ...record, reasonCode };
}

/** v1 → v2: give each fact its own source and date, taken from the entry's single source and date. */
export function entryLedgerV1toV2(record: unknown): unknown {
  if (!isObject(record) || !isObject(record.facts) || record.source === undefined) return record;
  const { source, learnedOn, facts, ...rest } = record;
  const date = typeof learnedOn === 'string' ? learnedOn : String(record.updatedAt ?? '').slice(0, 10);
  const learned: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(facts)) {
    if (value !== undefined && value !== null) learned[field] = { value, source, learnedOn: date };
  }
  return { ...rest, facts: learned as LearnedFacts };
}

/** Record upgrades indexed by the version they start from; a store not named keeps its records unchanged. */
export const recordUpgrades: ReadonlyArray<Partial<Record<HistoryStoreName, RecordUpgrade>>> = [
  {},
  { claimEntries: claimEntryV1toV2, entryLedger: entryLedgerV1toV2 },
];

/** A record written by schema `fromVersion`, brought to the current version. */
export function migrateRecord(store: HistoryStoreName, record: unknown, fromVersion: number): unknown {
  let migrated = record;
  for (let version = fromVersion; version < HISTORY_SCHEMA_VERSION; version++) {
    const upgrade = recordUpgrades[version]?.[store];
    if (upgrade) migrated = upgrade(migrated);
  }
  return migrated;
}
