// Runs anywhere: the matrix kernels behind matmul and transpose (ops/linalg.ts) on plain row-major Float64Arrays.
// Forward kernels overwrite `out`; gradient kernels add into their buffer. No allocation once the scratch has grown.

/**
 * out[n,m] (+)= a[n,k] b[k,m], the one tuned loop all three matmul kernels use. Loop order i-k-j (the inner loop
 * walks b and out contiguously), blocked two rows of out by four rows of b: each b element loaded serves two
 * outputs and each out element is loaded and stored once per four multiply-adds. In V8 that is about four times
 * faster than the plain i-k-j loop.
 */
function mm(a: Float64Array, b: Float64Array, out: Float64Array, n: number, k: number, m: number, acc: boolean): void {
  if (!acc) out.fill(0, 0, n * m);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o0 = i * m, o1 = o0 + m, ra = i * k, rc = ra + k;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = a[ra + p], a1 = a[ra + p + 1], a2 = a[ra + p + 2], a3 = a[ra + p + 3];
      const c0 = a[rc + p], c1 = a[rc + p + 1], c2 = a[rc + p + 2], c3 = a[rc + p + 3];
      const r0 = p * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
      for (let j = 0; j < m; j++) {
        const b0 = b[r0 + j], b1 = b[r1 + j], b2 = b[r2 + j], b3 = b[r3 + j];
        out[o0 + j] += a0 * b0 + a1 * b1 + a2 * b2 + a3 * b3;
        out[o1 + j] += c0 * b0 + c1 * b1 + c2 * b2 + c3 * b3;
      }
    }
    for (; p < k; p++) {
      const av = a[ra + p], cv = a[rc + p], rb = p * m;
      for (let j = 0; j < m; j++) {
        const bv = b[rb + j];
        out[o0 + j] += av * bv;
        out[o1 + j] += cv * bv;
      }
    }
  }
  if (i < n) {
    const o = i * m, ra = i * k;
    for (let p = 0; p < k; p++) {
      const av = a[ra + p], rb = p * m;
      for (let j = 0; j < m; j++) out[o + j] += av * b[rb + j];
    }
  }
}

/** Scratch for the transposed operand of the gradient kernels: grown, never shrunk, so steps do not allocate. */
let scratch = new Float64Array(0);

function transposed(x: Float64Array, n: number, m: number): Float64Array {
  if (scratch.length < n * m) scratch = new Float64Array(n * m);
  transpose(x, scratch, n, m);
  return scratch;
}

/** out[n,m] = a[n,k] b[k,m]. */
export function matmul(a: Float64Array, b: Float64Array, out: Float64Array, n: number, k: number, m: number): void {
  mm(a, b, out, n, k, m, false);
}

/** ga[n,k] += g[n,m] b[k,m]ᵀ. Transposing b first (k·m moves against n·k·m multiply-adds) puts it in mm's order. */
export function matmulGradA(g: Float64Array, b: Float64Array, ga: Float64Array, n: number, k: number, m: number): void {
  mm(g, transposed(b, k, m), ga, n, m, k, true);
}

/** gb[k,m] += a[n,k]ᵀ g[n,m], through a transposed copy of a likewise. */
export function matmulGradB(g: Float64Array, a: Float64Array, gb: Float64Array, n: number, k: number, m: number): void {
  mm(transposed(a, n, k), g, gb, k, n, m, true);
}

export function transpose(a: Float64Array, out: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j * n + i] = a[i * m + j];
}
