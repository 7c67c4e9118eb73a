import type { CalendarDate } from './calendar-date';
import { deadlinesOfReadableFacts, type DeadlineOptions, type EntryDeadlines } from './deadlines';
import type { EntryFacts } from './entry-facts';
import { dateCode, dateCodes, flagCode, statusCode } from './verdict-memo';

/** Most results one memo keeps; emptied when full, so odd data cannot grow it. */
const memoLimit = 1 << 16;

/**
 * Deadlines per distinct liquidation status, liquidation date, entry summary date and protest flag (all the clocks
 * read), for one `today`: entries sharing them share one read-only result instead of six objects each.
 */
export function createDeadlinesMemo(today: CalendarDate, options: DeadlineOptions = {}): (readable: EntryFacts) => EntryDeadlines {
  const results = new Map<number, EntryDeadlines>();
  return (facts) => {
    // dateCodes² × 24 stays well inside exact integers.
    const key =
      (dateCode(facts.liquidationDate) * dateCodes + dateCode(facts.entrySummaryDate)) * 24 +
      statusCode(facts.liquidationStatus) * 3 +
      flagCode(facts.protestOpen);
    let result = results.get(key);
    if (result === undefined) {
      result = deadlinesOfReadableFacts(facts, today, options);
      if (results.size >= memoLimit) results.clear();
      results.set(key, result);
    }
    return result;
  };
}
