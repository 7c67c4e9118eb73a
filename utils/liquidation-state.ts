import type { CalendarDate } from './calendar-date';
import type { EntryFacts } from './entry-facts';

/** Where an entry stands with liquidation, read from its status and date without guessing. */
export type LiquidationState =
  | { kind: 'not-liquidated'; status: 'unliquidated' | 'suspended' | 'extended' | 'under-review' }
  | { kind: 'liquidated'; date?: CalendarDate; final: boolean }
  | { kind: 'cancelled' }
  | { kind: 'unknown' };

/**
 * A missing status with a liquidation date on or before `onDate` means liquidated on that date;
 * a later date may be a scheduled one, so without a status it stays unknown.
 */
export function liquidationState(facts: EntryFacts, onDate: CalendarDate): LiquidationState {
  switch (facts.liquidationStatus) {
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'unliquidated':
    case 'suspended':
    case 'extended':
    case 'under-review':
      return { kind: 'not-liquidated', status: facts.liquidationStatus };
    case 'liquidated':
      return { kind: 'liquidated', date: facts.liquidationDate, final: false };
    case 'final':
      return { kind: 'liquidated', date: facts.liquidationDate, final: true };
    case undefined:
      if (facts.liquidationDate !== undefined && facts.liquidationDate <= onDate) {
        return { kind: 'liquidated', date: facts.liquidationDate, final: false };
      }
      return { kind: 'unknown' };
  }
}
