import type { Deadline, EntryDeadlines } from '@/utils/deadlines';
import { daysLeftText } from './days-left';

/** Order of the deadlines in a list: the ones a filer can act on first. */
const shownOrder = ['capeWindowEnd', 'pscWindowEnd', 'voluntaryReliquidationEnd', 'protestDeadline', 'finalLiquidation', 'estimatedLiquidation'] as const;

/** Every known deadline of an entry with its date and countdown; the next one is marked in words, not only in style. */
export function DeadlineList({ deadlines }: { deadlines: EntryDeadlines }) {
  const shown = shownOrder.map((name) => deadlines[name]).filter((deadline): deadline is Deadline => deadline !== undefined);
  if (shown.length === 0) return <p class="muted">No deadlines known: they need the liquidation date, status or entry summary date.</p>;
  const next = deadlines.nextDeadline?.name;
  return (
    <ul class="deadline-list">
      {shown.map((deadline) => (
        <li key={deadline.name} class={deadline.name === next ? 'deadline-list__next' : deadline.daysLeft < 0 ? 'muted' : undefined}>
          {deadline.name === next && <strong>Next: </strong>}
          {deadline.label}: <time dateTime={deadline.date}>{deadline.date}</time> ({daysLeftText(deadline.daysLeft)})
          {deadline.note && <span class="muted"> {deadline.note}</span>}
        </li>
      ))}
    </ul>
  );
}
