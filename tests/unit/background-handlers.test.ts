import { describe, expect, it } from 'vitest';
import { historyMessageHandlers } from '../../utils/background-handlers';
import { openHistoryDb } from '../../utils/history-db';
import type { Message } from '../../utils/messages';

let databaseCount = 0;

function handlersWithFreshHistory() {
  const db = openHistoryDb(`background-handlers-${++databaseCount}`);
  let revision = 0;
  const handlers = historyMessageHandlers({ openDb: () => db, onHistoryChanged: async () => ++revision });
  return { handlers, revision: () => revision };
}

const lookup = (entries: Message<'history:lookup-entries'>['entries']): Message<'history:lookup-entries'> => ({
  type: 'history:lookup-entries',
  entries,
  learnedOn: '2026-11-23',
});

describe('history message handlers', () => {
  it('learns the facts a page shows and serves them to a page that shows only the number', async () => {
    const { handlers, revision } = handlersWithFreshHistory();
    const first = await handlers['history:lookup-entries']!(lookup([{ entryNumber: 'EQ700564782', facts: { entryType: '01', liquidationStatus: 'unliquidated' } }]), {});
    expect(first.learnedRevision).toBe(1);
    const later = await handlers['history:lookup-entries']!(lookup([{ entryNumber: 'EQ700564782', facts: {} }]), {});
    expect(later.learnedRevision).toBeUndefined();
    expect(later.entries).toEqual([['EQ700564782', { facts: { entryType: '01', liquidationStatus: 'unliquidated' }, claims: [] }]]);
    expect(revision()).toBe(1);
  });

  it('answers only what history adds to the page: stored facts the page did not show, and claims', async () => {
    const { handlers } = handlersWithFreshHistory();
    await handlers['history:lookup-entries']!(lookup([{ entryNumber: 'EQ700564782', facts: { entryType: '01', entrySummaryDate: '2026-03-02', liquidationStatus: 'unliquidated' } }]), {});
    const answer = await handlers['history:lookup-entries']!(
      lookup([
        { entryNumber: 'EQ700564782', facts: { entryType: '01', liquidationStatus: 'liquidated' } },
        { entryNumber: 'EQ700564790', facts: {} },
      ]),
      {},
    );
    expect(answer.entries).toEqual([['EQ700564782', { facts: { entrySummaryDate: '2026-03-02' }, claims: [] }]]);
    const sameFacts = await handlers['history:lookup-entries']!(lookup([{ entryNumber: 'EQ700564782', facts: { entryType: '01', entrySummaryDate: '2026-03-02', liquidationStatus: 'liquidated' } }]), {});
    expect(sameFacts.entries).toEqual([]);
  });

  it('answers the claims that hold an entry once captured, and ignores malformed entry numbers', async () => {
    const { handlers } = handlersWithFreshHistory();
    await handlers['history:capture-claims']!(
      {
        type: 'history:capture-claims',
        claims: [
          {
            claim: { claimNumber: 'CAPE-26-0001847', aceStatus: 'accepted', source: 'captured', notes: '', updatedAt: '2026-11-23T10:00:00.000Z' },
            entries: [{ claimNumber: 'CAPE-26-0001847', entryNumber: 'EQ700564782', outcome: 'accepted', updatedAt: '2026-11-23T10:00:00.000Z' }],
          },
        ],
      },
      {},
    );
    const answer = await handlers['history:lookup-entries']!(lookup([{ entryNumber: 'EQ700564782', facts: {} }, { entryNumber: 'not an entry', facts: {} }]), {});
    expect(answer.entries).toHaveLength(1);
    expect(answer.entries[0]![1].claims).toEqual([{ claimNumber: 'CAPE-26-0001847', outcome: 'accepted' }]);
  });
});
