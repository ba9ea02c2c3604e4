// Runs anywhere: the Mersenne Twister MT19937 (Matsumoto & Nishimura's reference mt19937ar.c), the generator behind
// CPython's `random` and NumPy's legacy `np.random`: both seedings (init_genrand for one 32-bit word, init_by_array
// for a key of words), 32-bit outputs, and the 53-bit double both libraries build from two of them.

const N = 624, M = 397;

export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** The reference init_genrand: the whole state from one 32-bit word (NumPy's legacy `seed(n)`). */
  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, p) + i) >>> 0;
    }
    this.index = N;
  }

  /** The reference init_by_array (CPython's `seed(n)`, with n's 32-bit words, least significant first). */
  initByArray(key: readonly number[]): void {
    const mt = this.mt, len = key.length;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.index = N;
  }

  private twist(): void {
    const mt = this.mt;
    for (let kk = 0; kk < N; kk++) {
      const y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
      mt[kk] = (mt[(kk + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    }
    this.index = 0;
  }

  /** The next 32-bit output, tempered. */
  next32(): number {
    if (this.index >= N) {
      if (this.index > N) this.initGenrand(5489); // never seeded: the reference default
      this.twist();
    }
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits: (a >> 5, b >> 6), as CPython's random() and NumPy's random_sample. */
  next53(): number {
    const a = this.next32() >>> 5, b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
