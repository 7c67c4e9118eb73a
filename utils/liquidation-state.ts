import type { CalendarDate } from './calendar-date';
import type { EntryFacts } from './entry-facts';

/** Where an entry stands with liquidation, read from its status and date without guessing. */
export type LiquidationState =
  | { kind: 'not-liquidated'; status: 'unliquidated' | 'suspended' | 'extended' | 'under-review' }
  | { kind: 'liquidated'; date?: CalendarDate; final: boolean }
  | { kind: 'cancelled' }
  | { kind: 'unknown' };

// States without a date, made once: they are read, never changed, and every entry checked needs one twice.
const cancelledState: LiquidationState = Object.freeze({ kind: 'cancelled' });
const unknownState: LiquidationState = Object.freeze({ kind: 'unknown' });
const notLiquidatedStates = {
  unliquidated: Object.freeze({ kind: 'not-liquidated', status: 'unliquidated' }),
  suspended: Object.freeze({ kind: 'not-liquidated', status: 'suspended' }),
  extended: Object.freeze({ kind: 'not-liquidated', status: 'extended' }),
  'under-review': Object.freeze({ kind: 'not-liquidated', status: 'under-review' }),
} as const satisfies Record<string, LiquidationState>;

/**
 * A missing status with a liquidation date on or before `onDate` means liquidated on that date;
 * a later date may be a scheduled one, so without a status it stays unknown.
 */
export function liquidationState(facts: EntryFacts, onDate: CalendarDate): LiquidationState {
  switch (facts.liquidationStatus) {
    case 'cancelled':
      return cancelledState;
    case 'unliquidated':
    case 'suspended':
    case 'extended':
    case 'under-review':
      return notLiquidatedStates[facts.liquidationStatus];
    case 'liquidated':
      return { kind: 'liquidated', date: facts.liquidationDate, final: false };
    case 'final':
      return { kind: 'liquidated', date: facts.liquidationDate, final: true };
    case undefined:
      if (facts.liquidationDate !== undefined && facts.liquidationDate <= onDate) {
        return { kind: 'liquidated', date: facts.liquidationDate, final: false };
      }
      return unknownState;
  }
}
