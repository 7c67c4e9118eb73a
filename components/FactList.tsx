import { factLines } from '@/utils/history-labels';
import type { LearnedFacts } from '@/utils/history-schema';

/** The facts known of an entry, each with where and when it was learned. */
export function FactList({ facts }: { facts: LearnedFacts }) {
  const lines = factLines(facts);
  if (lines.length === 0) return <p class="muted">No facts known yet. Open an ACE report that lists this entry, or load a file with it in the side panel.</p>;
  return (
    <dl class="fact-list">
      {lines.map((line) => (
        <div key={line.field} class="fact-list__row">
          <dt>{line.label}</dt>
          <dd>
            {line.value}
            <span class="fact-list__source">
              from {line.source}, <time dateTime={line.learnedOn}>{line.learnedOn}</time>
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
