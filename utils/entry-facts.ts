import type { CalendarDate } from './calendar-date';

/** Liquidation status words normalised (issue 3 §2 lists the words ACE layouts use). */
export type LiquidationStatus =
  | 'unliquidated'
  | 'liquidated'
  | 'final'
  | 'suspended'
  | 'extended'
  | 'under-review'
  | 'cancelled';

/** One tariff line of an entry summary (ES-003 has one row per line). */
export interface TariffLine {
  htsNumber: string;
  dutyAmount?: number;
}

/** Where a fact was learned: a file the user gave, an ACE page, a claim result, or typed by hand. */
export type FactSource = 'file' | 'page' | 'claim-result' | 'manual';

/** What is known of one entry. Every field is optional: unknown facts stay unknown, never guessed. */
export interface EntryFacts {
  /** Two-digit entry type code, e.g. "01" (domain.md §4). */
  entryType?: string;
  /** Entry summary date. */
  entrySummaryDate?: CalendarDate;
  liquidationDate?: CalendarDate;
  liquidationStatus?: LiquidationStatus;
  tariffLines?: TariffLine[];
  reconciliationFlag?: boolean;
  /** A type 09 reconciliation summary has been filed for this entry (Phase 2 rule, domain.md §5). */
  reconciliationSummaryFiled?: boolean;
  drawbackFlag?: boolean;
  /** Open or suspended protest on file (domain.md §5). */
  protestOpen?: boolean;
  /** AD/CVD state: suspended pending Commerce (accepted) or pending liquidation with instructions issued (rejected). */
  adcvdStatus?: 'none' | 'suspended-pending-commerce' | 'pending-liquidation';
  importerNumber?: string;
  filerCode?: string;
}
