import { hasProposedFix, type NewStagedRow, type StagedEntryRow } from './staging-rows';
import { StagingUndoStack } from './staging-undo';

/** What a change touched, so only those entries are checked again (duplicates link rows of the same entry number). */
export type StagingAffected = { all: true } | { all: false; entryNumbers: Set<string>; rowIds: Set<number> };

type StagingChange =
  | { kind: 'add'; ids: number[]; label: string }
  | { kind: 'remove'; ids: number[]; label: string }
  | { kind: 'restore'; ids: number[]; label: string }
  | { kind: 'accept-fix'; ids: number[]; label: string }
  | { kind: 'clear'; rows: StagedEntryRow[]; label: string }
  | { kind: 'reorder'; previousOrder: number[]; label: string };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** The staged rows in list order (the CAPE file's order) with every change undoable. Pure: no storage, no check. */
export class StagedList {
  private list: StagedEntryRow[];
  private readonly byId = new Map<number, StagedEntryRow>();
  private readonly undoStack = new StagingUndoStack<StagingChange>();
  private nextId: number;

  constructor(rows: StagedEntryRow[] = []) {
    this.list = rows.slice();
    for (const row of this.list) this.byId.set(row.id, row);
    this.nextId = this.list.reduce((highest, row) => Math.max(highest, row.id), 0) + 1;
  }

  get rows(): readonly StagedEntryRow[] {
    return this.list;
  }

  get(id: number): StagedEntryRow | undefined {
    return this.byId.get(id);
  }

  /** What the next undo would reverse, in the user's words, or null when there is nothing to undo. */
  get undoLabel(): string | null {
    return this.undoStack.peek()?.label ?? null;
  }

  add(newRows: readonly NewStagedRow[], what: string): StagingAffected {
    return this.addReserved(this.reserve(newRows), what);
  }

  /** Gives new rows their ids without adding them, so they can be checked before they join the list. */
  reserve(newRows: readonly NewStagedRow[]): StagedEntryRow[] {
    return newRows.map((newRow) => ({ ...newRow, id: this.nextId++ }));
  }

  addReserved(rows: readonly StagedEntryRow[], what: string): StagingAffected {
    const ids: number[] = [];
    for (const row of rows) {
      this.list.push(row);
      this.byId.set(row.id, row);
      ids.push(row.id);
    }
    if (ids.length > 0) this.undoStack.push({ kind: 'add', ids, label: `add ${plural(ids.length, 'row')} from ${what}` });
    return this.affectedBy(ids);
  }

  remove(ids: Iterable<number>): StagingAffected {
    const changed = this.flag(ids, (row) => !row.removed, (row) => (row.removed = true));
    if (changed.length > 0) this.undoStack.push({ kind: 'remove', ids: changed, label: `remove ${plural(changed.length, 'row')}` });
    return this.affectedBy(changed);
  }

  restore(ids: Iterable<number>): StagingAffected {
    const changed = this.flag(ids, (row) => row.removed === true, (row) => delete row.removed);
    if (changed.length > 0) this.undoStack.push({ kind: 'restore', ids: changed, label: `restore ${plural(changed.length, 'row')}` });
    return this.affectedBy(changed);
  }

  /** Accepts the restored leading zeros of the given rows (those that have such a fix). */
  acceptFixes(ids: Iterable<number>): StagingAffected {
    const changed = this.flag(ids, hasProposedFix, (row) => (row.fixAccepted = true));
    if (changed.length > 0) this.undoStack.push({ kind: 'accept-fix', ids: changed, label: `accept ${plural(changed.length, 'fix', 'fixes')}` });
    return this.affectedBy(changed);
  }

  clear(): StagingAffected {
    if (this.list.length === 0) return { all: false, entryNumbers: new Set(), rowIds: new Set() };
    this.undoStack.push({ kind: 'clear', rows: this.list, label: `clear the list of ${plural(this.list.length, 'row')}` });
    this.list = [];
    this.byId.clear();
    return { all: true };
  }

  /** Puts the rows in the given order; ids not named keep their relative order after the named ones. */
  reorder(order: readonly number[], what: string): StagingAffected {
    const previousOrder = this.list.map((row) => row.id);
    const next = this.ordered(order);
    if (next.every((row, index) => row.id === previousOrder[index])) return { all: false, entryNumbers: new Set(), rowIds: new Set() };
    this.list = next;
    this.undoStack.push({ kind: 'reorder', previousOrder, label: what });
    return this.affectedByOrder();
  }

  /** Reverses the latest change; null when there is none. */
  undo(): { label: string; affected: StagingAffected } | null {
    const change = this.undoStack.pop();
    if (!change) return null;
    switch (change.kind) {
      case 'add': {
        const dropped = new Set(change.ids);
        const affected = this.affectedBy(change.ids);
        this.list = this.list.filter((row) => !dropped.has(row.id));
        for (const id of change.ids) this.byId.delete(id);
        return { label: change.label, affected };
      }
      case 'remove':
        for (const id of change.ids) delete this.byId.get(id)?.removed;
        return { label: change.label, affected: this.affectedBy(change.ids) };
      case 'restore':
        for (const id of change.ids) {
          const row = this.byId.get(id);
          if (row) row.removed = true;
        }
        return { label: change.label, affected: this.affectedBy(change.ids) };
      case 'accept-fix':
        for (const id of change.ids) delete this.byId.get(id)?.fixAccepted;
        return { label: change.label, affected: this.affectedBy(change.ids) };
      case 'clear':
        this.list = change.rows;
        this.byId.clear();
        for (const row of this.list) this.byId.set(row.id, row);
        return { label: change.label, affected: { all: true } };
      case 'reorder':
        this.list = this.ordered(change.previousOrder);
        return { label: change.label, affected: this.affectedByOrder() };
    }
  }

  private ordered(order: readonly number[]): StagedEntryRow[] {
    const placed = new Set<number>();
    const next: StagedEntryRow[] = [];
    for (const id of order) {
      const row = this.byId.get(id);
      if (row && !placed.has(id)) {
        placed.add(id);
        next.push(row);
      }
    }
    for (const row of this.list) if (!placed.has(row.id)) next.push(row);
    return next;
  }

  private flag(ids: Iterable<number>, applies: (row: StagedEntryRow) => boolean, apply: (row: StagedEntryRow) => void): number[] {
    const changed: number[] = [];
    for (const id of new Set(ids)) {
      const row = this.byId.get(id);
      if (row && applies(row)) {
        apply(row);
        changed.push(id);
      }
    }
    return changed;
  }

  private affectedBy(ids: readonly number[]): StagingAffected {
    const entryNumbers = new Set<string>();
    for (const id of ids) {
      const entryNumber = this.byId.get(id)?.entryNumber;
      if (entryNumber) entryNumbers.add(entryNumber);
    }
    return { all: false, entryNumbers, rowIds: new Set(ids) };
  }

  /** A new order changes only which of several rows of one entry comes first. */
  private affectedByOrder(): StagingAffected {
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const row of this.list) {
      if (!row.entryNumber || row.removed) continue;
      if (seen.has(row.entryNumber)) repeated.add(row.entryNumber);
      seen.add(row.entryNumber);
    }
    return { all: false, entryNumbers: repeated, rowIds: new Set() };
  }
}
