/**
 * Queues what changed under a root and hands it over in one scheduled pass (as Bitwarden's autofill does on busy pages):
 * a burst of mutations costs one pass, not one per record.
 */
export interface MutationBatch {
  /** Nodes added or whose text changed, outermost only. */
  changedRoots: Node[];
  /** Nodes removed from the page since the last pass. */
  removedNodes: Node[];
}

export interface MutationBatcherOptions {
  signal: AbortSignal;
  /** Ignore mutations inside nodes this says are ours (badges), so our own inserts never loop. */
  isOwnNode: (node: Node) => boolean;
  onBatch: (batch: MutationBatch) => void;
  schedule?: (run: () => void) => void;
}

export function observeMutations(root: Node, options: MutationBatcherOptions): void {
  const added = new Set<Node>();
  const removed = new Set<Node>();
  let scheduled = false;
  const schedule = options.schedule ?? ((run: () => void) => setTimeout(run, 30));

  const flush = (): void => {
    scheduled = false;
    if (options.signal.aborted) return;
    const changedRoots = outermost([...added].filter((node) => node.isConnected));
    const removedNodes = [...removed];
    added.clear();
    removed.clear();
    if (changedRoots.length || removedNodes.length) options.onBatch({ changedRoots, removedNodes });
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (options.isOwnNode(record.target)) continue;
      if (record.type === 'characterData') {
        added.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) if (!options.isOwnNode(node)) added.add(node);
      // Our own badges count when removed: a page that drops them gets them back after the sweep.
      for (const node of record.removedNodes) removed.add(node);
    }
    if (!scheduled && (added.size || removed.size)) {
      scheduled = true;
      schedule(flush);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  options.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

function outermost(nodes: Node[]): Node[] {
  const set = new Set(nodes);
  return nodes.filter((node) => {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) if (set.has(parent)) return false;
    return true;
  });
}
