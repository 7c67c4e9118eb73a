/** Most results one memo keeps; emptied when full, so odd data cannot grow it. */
const defaultLimit = 1 << 16;

/** Results by two small whole-number keys (one key of both would be a boxed number per lookup). */
export class TwoKeyMemo<T> {
  private readonly byOuter = new Map<number, Map<number, T>>();
  private size = 0;

  constructor(private readonly limit = defaultLimit) {}

  get(outer: number, inner: number): T | undefined {
    return this.byOuter.get(outer)?.get(inner);
  }

  set(outer: number, inner: number, value: T): void {
    let byInner = this.byOuter.get(outer);
    if (byInner === undefined) {
      if (this.size >= this.limit) {
        this.byOuter.clear();
        this.size = 0;
      }
      byInner = new Map();
      this.byOuter.set(outer, byInner);
    }
    byInner.set(inner, value);
    this.size++;
  }
}
