/** Why CAPE rejects an entry, one code per rejection in domain.md §5 (plus cancelled, from its ACE error text). */
export type RejectionCode =
  | 'cancelled'
  | 'no-ieepa-line'
  | 'reconciliation'
  | 'drawback'
  | 'duty-deferral'
  | 'open-protest'
  | 'adcvd-pending-liquidation'
  | 'past-80-days'
  | 'finally-liquidated';

/** Why CAPE accepts an entry, now or with the refund waiting for liquidation (domain.md §5). */
export type AcceptanceCode =
  | 'unliquidated'
  | 'liquidated-within-window'
  | 'liquidated'
  | 'reconciliation-no-type-09'
  | 'awaits-liquidation'
  | 'warehouse-awaits-liquidation'
  | 'adcvd-awaits-commerce';

/** Why no verdict could be given, or what the verdict rests on. */
export type UndecidedCode = 'facts-missing' | 'cape-not-open' | 'assumed-facts';

/** Rejections ACE reports that no entry fact predicts (domain.md §5 error texts). */
export type AceOnlyCode =
  | 'unable-to-calculate-duty'
  | 'statement-processing-not-complete'
  | 'invalid-hts'
  | 'hts-relationship-mismatch'
  | 'duplicate-claim'
  | 'unknown-ace-error';
