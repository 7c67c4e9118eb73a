import type { MergeCounts } from '@/utils/history-store';

/** "3 added, 1 updated, 2 unchanged" */
export function mergeCountsText(counts: MergeCounts): string {
  return `${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

export function changed(counts: MergeCounts): boolean {
  return counts.added + counts.updated > 0;
}
