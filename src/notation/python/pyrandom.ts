// Runs anywhere: CPython's `random` module, bit for bit (Lib/random.py and Modules/_randommodule.c of 3.11): a
// seeded program prints the numbers CPython prints. `seed(n)` feeds |n|'s 32-bit words to init_by_array (a float
// seed goes through Python's float hash first); `random()` is the 53-bit double; integers come from getrandbits
// with _randbelow's rejection; `gauss` keeps its second value for the next call.
import { cos, log, sin } from "./libm";
import { MT19937 } from "./mt19937";

/** What CPython raises as ValueError/IndexError; the message is CPython's. */
export class PyRandomError extends Error {}

const HASH_BITS = 61n, HASH_MOD = (1n << 61n) - 1n;

/** m in [0.5, 1) and e with x = m·2^e (C's frexp), exactly. */
function frexp(x: number): [number, number] {
  if (x === 0) return [x, 0];
  let e = 0, m = Math.abs(x);
  while (m >= 1) { m /= 2; e++; } // exact: halving and doubling a double only moves its exponent
  while (m < 0.5) { m *= 2; e--; }
  return [x < 0 ? -m : m, e];
}

/** Python's hash of a float (Python/pyhash.c, _Py_HashDouble): what `seed(2.5)` seeds with. */
export function pyHashFloat(v: number): bigint {
  if (Number.isNaN(v)) throw new PyRandomError("a nan seed has no reproducible hash");
  if (!Number.isFinite(v)) return v > 0 ? 314159n : -314159n;
  let [m, e] = frexp(v);
  const sign = m < 0 ? -1n : 1n;
  m = Math.abs(m);
  let x = 0n;
  while (m !== 0) {
    x = ((x << 28n) & HASH_MOD) | (x >> (HASH_BITS - 28n));
    m *= 268435456;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= HASH_MOD) x -= HASH_MOD;
  }
  const s = BigInt(e >= 0 ? e % 61 : 60 - ((-1 - e) % 61));
  x = ((x << s) & HASH_MOD) | (x >> (HASH_BITS - s));
  x *= sign;
  return x === -1n ? -2n : x;
}

export class PyRandom {
  private readonly mt = new MT19937();
  private gaussNext: number | undefined;

  constructor(seed: number | bigint = 0) {
    this.seed(seed);
  }

  /** `random.seed(a)`: an int (a number that is an integer, or a bigint), or a float when `isInt` is false. */
  seed(a: number | bigint, isInt = true): void {
    let n: bigint;
    if (typeof a === "bigint" || isInt && Number.isInteger(a)) {
      n = BigInt(a);
      if (n < 0n) n = -n;
    } else {
      n = BigInt.asUintN(64, pyHashFloat(a)); // the hash cast to size_t, not its absolute value
    }
    const key: number[] = [];
    do {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    this.mt.initByArray(key);
    this.gaussNext = undefined;
  }

  random(): number {
    return this.mt.next53();
  }

  /** `getrandbits(k)`: k random bits, the first 32-bit output the least significant word. */
  getrandbits(k: number): bigint {
    if (k < 0) throw new PyRandomError("number of bits must be non-negative");
    if (k === 0) return 0n;
    if (k <= 32) return BigInt(this.mt.next32() >>> (32 - k));
    let out = 0n;
    for (let i = 0; k > 0; i++, k -= 32) {
      const r = k < 32 ? this.mt.next32() >>> (32 - k) : this.mt.next32();
      out |= BigInt(r) << BigInt(32 * i);
    }
    return out;
  }

  /** _randbelow_with_getrandbits: a uniform int in [0, n) by rejection on n's bit length. */
  randbelow(n: number): number {
    if (n <= 0) return 0;
    const k = n.toString(2).length;
    if (k <= 32) {
      let r = this.mt.next32() >>> (32 - k);
      while (r >= n) r = this.mt.next32() >>> (32 - k);
      return r;
    }
    const big = BigInt(n);
    let r = this.getrandbits(k);
    while (r >= big) r = this.getrandbits(k);
    return Number(r);
  }

  /** `randrange(stop)` or `randrange(start, stop[, step])` on integers. */
  randrange(start: number, stop?: number, step = 1): number {
    if (stop === undefined) {
      if (start > 0) return this.randbelow(start);
      throw new PyRandomError("empty range for randrange()");
    }
    const width = stop - start;
    if (step === 1) {
      if (width > 0) return start + this.randbelow(width);
      throw new PyRandomError(`empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    if (step === 0) throw new PyRandomError("zero step for randrange()");
    const n = Math.floor(step > 0 ? (width + step - 1) / step : (width + step + 1) / step);
    if (n <= 0) throw new PyRandomError("empty range for randrange()");
    return start + step * this.randbelow(n);
  }

  /** `randint(a, b)`: both ends included. */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  choice<T>(seq: readonly T[]): T {
    if (seq.length === 0) throw new PyRandomError("Cannot choose from an empty sequence");
    return seq[this.randbelow(seq.length)];
  }

  /** In place, CPython's order: from the last element down, each swapped with one at or before it. */
  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.randbelow(i + 1);
      [x[i], x[j]] = [x[j], x[i]];
    }
  }

  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /**
   * Box–Muller with the second value kept for the next call (reset by seed). glibc's sin and cos are not always
   * correctly rounded (about 1 call in 500 lands one unit in the last place away from ours); its log is.
   */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gaussNext;
    this.gaussNext = undefined;
    if (z === undefined) {
      const x2pi = this.random() * TWO_PI, g2rad = Math.sqrt(-2 * log(1 - this.random()));
      z = cos(x2pi) * g2rad;
      this.gaussNext = sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** Kinderman and Monahan's ratio method, as random.normalvariate. */
  normalvariate(mu = 0, sigma = 1): number {
    let z: number;
    for (;;) {
      const u1 = this.random(), u2 = 1 - this.random();
      z = NV_MAGICCONST * (u1 - 0.5) / u2;
      if (z * z / 4 <= -log(u2)) break;
    }
    return mu + z * sigma;
  }
}

const NV_MAGICCONST = 4 * Math.exp(-0.5) / Math.sqrt(2), TWO_PI = 2 * Math.PI;
