/** A bounded stack of undoable changes, newest last; the oldest fall off so memory stays bounded. */
export class StagingUndoStack<Change> {
  private readonly changes: Change[] = [];

  constructor(private readonly limit = 50) {}

  push(change: Change): void {
    this.changes.push(change);
    if (this.changes.length > this.limit) this.changes.shift();
  }

  pop(): Change | undefined {
    return this.changes.pop();
  }

  peek(): Change | undefined {
    return this.changes[this.changes.length - 1];
  }

  clear(): void {
    this.changes.length = 0;
  }

  get size(): number {
    return this.changes.length;
  }
}
