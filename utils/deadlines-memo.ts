import type { CalendarDate } from './calendar-date';
import { deadlinesOfReadableFacts, type DeadlineOptions, type EntryDeadlines } from './deadlines';
import type { EntryFacts } from './entry-facts';
import { TwoKeyMemo } from './two-key-memo';
import { dateCode, flagCode, statusCode } from './verdict-memo';

/**
 * Deadlines per distinct liquidation status, liquidation date, entry summary date and protest flag (all the clocks
 * read), for one `today`: entries sharing them share one read-only result instead of six objects each.
 */
export function createDeadlinesMemo(today: CalendarDate, options: DeadlineOptions = {}): (readable: EntryFacts) => EntryDeadlines {
  // By liquidation date, status and protest flag, then entry summary date.
  const results = new TwoKeyMemo<EntryDeadlines>();
  return (facts) => {
    const liquidation = dateCode(facts.liquidationDate) * 24 + statusCode(facts.liquidationStatus) * 3 + flagCode(facts.protestOpen);
    const summaryDate = dateCode(facts.entrySummaryDate);
    let result = results.get(liquidation, summaryDate);
    if (result === undefined) results.set(liquidation, summaryDate, (result = deadlinesOfReadableFacts(facts, today, options)));
    return result;
  };
}
