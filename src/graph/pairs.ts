// Runs anywhere (extension host, CLI, tests): a hash table from ordered pairs of small non-negative integers (unit
// codes: a tape id, or a group or bundle number shifted past them) to an integer, open addressing over typed arrays.
// Folding counts hundreds of thousands of edges between units; a Map keyed by a number past 2^31 or by a string
// costs several times as much per edge and leaves garbage behind.

export class PairTable {
  private a: Int32Array;
  private b: Int32Array;
  /** The value of each slot; what it means is the user's (an edge count, an index + 1). */
  values: Int32Array;
  private used = 0;
  private mask: number;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.a = new Int32Array(cap).fill(-1);
    this.b = new Int32Array(cap);
    this.values = new Int32Array(cap);
  }

  /** The slot of pair (a, b), added with value 0 when absent. */
  slot(a: number, b: number): number {
    if ((this.used + 1) * 2 > this.a.length) this.grow();
    const keysA = this.a, keysB = this.b, mask = this.mask;
    let h = hash(a, b) & mask;
    for (;;) {
      const k = keysA[h];
      if (k === a && keysB[h] === b) return h;
      if (k < 0) {
        keysA[h] = a;
        keysB[h] = b;
        this.used++;
        return h;
      }
      h = (h + 1) & mask;
    }
  }

  private grow(): void {
    const { a, b, values } = this;
    const cap = a.length * 2;
    this.mask = cap - 1;
    this.a = new Int32Array(cap).fill(-1);
    this.b = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.used = 0;
    for (let h = 0; h < a.length; h++) if (a[h] >= 0) this.values[this.slot(a[h], b[h])] = values[h];
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}
