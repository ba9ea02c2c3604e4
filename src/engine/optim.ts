// Runs anywhere: optimizers updating a parameter vector in place. State arrays grow only when the parameter
// count grows, so a step allocates nothing.

export interface Optimizer {
  /** values[i] -= update(grads[i]) for i < n. */
  step(values: Float64Array, grads: Float64Array, n: number): void;
  /** Forget momentum and step counts (a fresh start from the current values). */
  reset(): void;
}

export type OptimizerName = "sgd" | "momentum" | "adam";

export function isOptimizerName(s: string): s is OptimizerName {
  return s === "sgd" || s === "momentum" || s === "adam";
}

export function sgd(lr: number): Optimizer {
  return {
    step(values, grads, n) {
      for (let i = 0; i < n; i++) values[i] -= lr * grads[i];
    },
    reset() {},
  };
}

function ensure(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/** Heavy-ball momentum: v = beta v + g; x -= lr v. */
export function momentum(lr: number, beta = 0.9): Optimizer {
  let v = new Float64Array(0);
  return {
    step(values, grads, n) {
      v = ensure(v, n);
      for (let i = 0; i < n; i++) {
        const vi = beta * v[i] + grads[i];
        v[i] = vi;
        values[i] -= lr * vi;
      }
    },
    reset() {
      v.fill(0);
    },
  };
}

/** Adam (Kingma & Ba) with bias correction. */
export function adam(lr: number, beta1 = 0.9, beta2 = 0.999, eps = 1e-8): Optimizer {
  let m = new Float64Array(0), v = new Float64Array(0), t = 0;
  return {
    step(values, grads, n) {
      m = ensure(m, n);
      v = ensure(v, n);
      t++;
      const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
      for (let i = 0; i < n; i++) {
        const g = grads[i];
        const mi = beta1 * m[i] + (1 - beta1) * g, vi = beta2 * v[i] + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        values[i] -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
      }
    },
    reset() {
      m.fill(0);
      v.fill(0);
      t = 0;
    },
  };
}

export interface OptimizerOptions {
  lr: number;
  beta?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

/** By name, for settings, the CLI and the notation's train({ optimizer }). */
export function makeOptimizer(name: OptimizerName, o: OptimizerOptions): Optimizer {
  switch (name) {
    case "sgd": return sgd(o.lr);
    case "momentum": return momentum(o.lr, o.beta);
    case "adam": return adam(o.lr, o.beta1, o.beta2, o.eps);
  }
}
