import type { CalendarDate } from './calendar-date';
import { deadlinesOfReadableFacts, type DeadlineOptions, type EntryDeadlines } from './deadlines';
import type { EntryFacts } from './entry-facts';
import { dateCode, flagCode, statusCode } from './verdict-memo';

/** Most results one memo keeps; emptied when full, so odd data cannot grow it. */
const memoLimit = 1 << 16;

/**
 * Deadlines per distinct liquidation status, liquidation date, entry summary date and protest flag (all the clocks
 * read), for one `today`: entries sharing them share one read-only result instead of six objects each.
 */
export function createDeadlinesMemo(today: CalendarDate, options: DeadlineOptions = {}): (readable: EntryFacts) => EntryDeadlines {
  // By liquidation date, status and protest flag, then entry summary date: small whole-number keys (one key of all
  // was a boxed number per lookup).
  const results = new Map<number, Map<number, EntryDeadlines>>();
  let size = 0;
  return (facts) => {
    const liquidation = dateCode(facts.liquidationDate) * 24 + statusCode(facts.liquidationStatus) * 3 + flagCode(facts.protestOpen);
    let byLiquidation = results.get(liquidation);
    if (byLiquidation === undefined) {
      if (size >= memoLimit) {
        results.clear();
        size = 0;
      }
      byLiquidation = new Map();
      results.set(liquidation, byLiquidation);
    }
    const summaryDate = dateCode(facts.entrySummaryDate);
    let result = byLiquidation.get(summaryDate);
    if (result === undefined) {
      result = deadlinesOfReadableFacts(facts, today, options);
      byLiquidation.set(summaryDate, result);
      size++;
    }
    return result;
  };
}
