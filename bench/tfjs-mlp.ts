// Runs on Node (bundled by scripts/bench.mjs, benchmarks only): the model of bench/mlp-setup.ts in TensorFlow.js on
// its pure-JavaScript "cpu" backend (float32), for the side-by-side comparison of issue 8. A devDependency: nothing
// under src/ imports it, so no shipped bundle contains it.
import * as tf from "@tensorflow/tfjs";
import type { TensorData } from "../src/engine/tensor/shape";
import { LR, X, Y, init } from "./mlp-setup";

/** Loss value and gradients (PARAM_NAMES order) as plain arrays. */
export interface TfGradients {
  loss: number;
  grads: Float32Array[];
}

export interface TfMlp {
  /** ∂loss/∂parameter at the current weights, without updating them. */
  gradients(): TfGradients;
  /** One full step: forward, loss, gradients of every weight and bias, SGD update; returns the loss before it. */
  step(): number;
  /** Tensors alive in the tfjs engine (a leak check: steps must not change it). */
  tensors(): number;
}

const f32 = (d: TensorData): tf.Tensor2D => tf.tensor2d(Float32Array.from(d.data), d.shape as [number, number]);

/** Selects the cpu backend explicitly (tfjs would otherwise pick webgl where it can) and silences its log banner. */
export async function tfCpu(): Promise<string> {
  // Production mode only turns tfjs's console warnings off (the "install tfjs-node" banner); kernels are the same.
  tf.enableProdMode();
  if (!(await tf.setBackend("cpu"))) throw new Error("TensorFlow.js: the cpu backend did not initialise");
  await tf.ready();
  return `TF.js ${tf.version.tfjs} ${tf.getBackend()}`;
}

/** The MLP with bench/mlp-setup.ts's initial weights copied into tf.variables, and its data as float32 tensors. */
export function tfMlp(): TfMlp {
  const x = f32(X), y = f32(Y);
  const vars = init.map((p) => tf.variable(f32(p)));
  const [w1, b1, w2, b2, w3, b3] = vars;
  const loss = (): tf.Scalar => {
    const h1 = tf.tanh(tf.add(tf.matMul(x, w1), b1));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, w2), b2));
    const out = tf.sigmoid(tf.add(tf.matMul(h2, w3), b3));
    return tf.mean(tf.square(tf.sub(out, y)));
  };
  return {
    gradients() {
      return tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, vars);
        return { loss: value.dataSync()[0], grads: vars.map((v) => Float32Array.from(grads[v.name].dataSync())) };
      });
    },
    step() {
      const value = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, vars);
        for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], LR)));
        return value;
      });
      // Reading the loss back is what a training loop does; on the cpu backend it also proves the work is done.
      const l = value.dataSync()[0];
      value.dispose();
      return l;
    },
    tensors: () => tf.memory().numTensors,
  };
}
