/**
 * Where each text was first seen (entry numbers in a check, entry keys in a reader): a hash table over typed arrays.
 * A Map of 100,000 entry numbers cost a fifth of a whole check, in lookups that miss the cache and in its regrowth.
 */
export class FirstIndexByText {
  /** Per slot: 1 + the position of its text in `texts`, or 0 when empty. */
  private slots = new Int32Array(1024);
  /** Per slot: the hash of its text, so most mismatches are seen without reading the text. */
  private hashes = new Int32Array(1024);
  private readonly texts: string[] = [];
  private readonly indexes: number[] = [];

  /** The index noted for `text`, or -1 after noting `index` for it. */
  firstOrAdd(text: string, index: number): number {
    const hash = hashOf(text);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot]! - 1;
      if (at < 0) {
        this.slots[slot] = this.texts.length + 1;
        this.hashes[slot] = hash;
        this.texts.push(text);
        this.indexes.push(index);
        // Kept at most half full, so a probe seldom goes past a slot or two.
        if (this.texts.length * 2 > this.slots.length) this.grow();
        return -1;
      }
      if (this.hashes[slot] === hash && this.texts[at] === text) return this.indexes[at]!;
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const hashes = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let old = 0; old < this.slots.length; old++) {
      const entry = this.slots[old]!;
      if (entry === 0) continue;
      const hash = this.hashes[old]!;
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
      hashes[slot] = hash;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}

/** FNV-1a, mixed at the end so the low bits that choose a slot depend on every character. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}
