// Runs anywhere: NumPy's legacy global generator (`np.random.seed(n)` then `rand`, `randn`, `uniform`, `normal`,
// `randint`), bit for bit: a RandomState is MT19937 seeded by init_genrand with one 32-bit word, random_sample is the
// same 53-bit double as CPython's, and legacy_gauss is Marsaglia's polar method keeping its second value.
import { log } from "./libm";
import { MT19937 } from "./mt19937";
import { PyRandomError } from "./pyrandom";

export class NpRandom {
  private readonly mt = new MT19937();
  private gaussNext: number | undefined;

  constructor(seed = 0) {
    this.seed(seed);
  }

  /** `np.random.seed(n)` for an int n in [0, 2**32 - 1] (NumPy raises outside it). */
  seed(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new PyRandomError("Seed must be between 0 and 2**32 - 1");
    this.mt.initGenrand(n);
    this.gaussNext = undefined;
  }

  /** One `np.random.random_sample()`: a double in [0, 1). */
  randomSample(): number {
    return this.mt.next53();
  }

  /** `np.random.rand(d0, d1, …)`'s numbers, `count` = d0·d1·…, in C (row-major) order. */
  rand(count: number): number[] {
    return Array.from({ length: count }, () => this.mt.next53());
  }

  /** legacy_gauss: the polar method on 2u - 1 pairs inside the unit circle; the second value is kept. */
  gauss(): number {
    if (this.gaussNext !== undefined) {
      const g = this.gaussNext;
      this.gaussNext = undefined;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.mt.next53() - 1;
      x2 = 2 * this.mt.next53() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt(-2 * log(r2) / r2);
    this.gaussNext = f * x1;
    return f * x2;
  }

  /** `np.random.randn(d0, d1, …)`'s numbers, in row-major order. */
  randn(count: number): number[] {
    return Array.from({ length: count }, () => this.gauss());
  }

  /** `np.random.uniform(low, high)`: low + (high - low)·u. */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.mt.next53();
  }

  /** `np.random.normal(loc, scale)`: loc + scale·gauss. */
  normal(loc = 0, scale = 1): number {
    return loc + scale * this.gauss();
  }

  /**
   * `np.random.randint(low, high)` (high excluded; a span below 2**32): legacy masked rejection on 32-bit outputs,
   * the smallest all-ones mask covering high - low - 1.
   */
  randint(low: number, high: number): number {
    const rng = high - low - 1;
    if (rng < 0) throw new PyRandomError("low >= high");
    if (rng === 0) return low;
    if (rng > 0xffffffff) throw new PyRandomError("randint spans of 2**32 or more are not supported");
    if (rng === 0xffffffff) return low + this.mt.next32();
    let mask = rng;
    for (const s of [1, 2, 4, 8, 16]) mask |= mask >>> s;
    mask >>>= 0;
    let v = (this.mt.next32() & mask) >>> 0;
    while (v > rng) v = (this.mt.next32() & mask) >>> 0;
    return low + v;
  }

  /** random_interval: uniform in [0, max] by rejection under the smallest all-ones mask (legacy shuffle's draw). */
  private interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    for (const s of [1, 2, 4, 8, 16]) mask |= mask >>> s;
    mask >>>= 0;
    let v = (this.mt.next32() & mask) >>> 0;
    while (v > max) v = (this.mt.next32() & mask) >>> 0;
    return v;
  }

  /** `np.random.shuffle(x)` of a list or 1-d array, in place: from the last element down, as RandomState does. */
  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      [x[i], x[j]] = [x[j], x[i]];
    }
  }

  /** `np.random.permutation(n)`: 0…n-1 shuffled. */
  permutation(n: number): number[] {
    const xs = Array.from({ length: n }, (_, i) => i);
    this.shuffle(xs);
    return xs;
  }

  /** The index `np.random.choice(a)` picks (with replacement, no weights): randint(0, len(a)). */
  choiceIndex(n: number): number {
    if (n <= 0) throw new PyRandomError("'a' cannot be empty unless no samples are taken");
    return this.randint(0, n);
  }
}
