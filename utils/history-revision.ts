import { historyRevision } from './settings';

/** Call after a history write from an extension page, so open ACE tabs and the toolbar badge re-check. */
export async function noteHistoryChanged(): Promise<void> {
  await historyRevision.setValue((await historyRevision.getValue()) + 1);
}
