// Runs on Node (bundled by scripts/bench.mjs, benchmarks only): the models of bench/mlp-setup.ts and
// bench/classifier-setup.ts in TensorFlow.js on its pure-JavaScript "cpu" backend (float32), for the side-by-side
// comparisons of issues 8 and 17. A devDependency: nothing under src/ imports it, so no shipped bundle contains it.
import * as tf from "@tensorflow/tfjs";
import type { TensorData } from "../src/engine/tensor/shape";
import * as classifier from "./classifier-setup";
import * as mlp from "./mlp-setup";

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

/** A 2-H-H-k tanh MLP on x with the given initial weights copied into tf.variables, and a head from logits to loss. */
function tanhMlp(x: tf.Tensor2D, init: readonly TensorData[], lr: number, head: (logits: tf.Tensor2D) => tf.Scalar): TfMlp {
  const vars = init.map((p) => tf.variable(f32(p)));
  const [w1, b1, w2, b2, w3, b3] = vars;
  const loss = (): tf.Scalar => {
    const h1 = tf.tanh(tf.add(tf.matMul(x, w1), b1));
    const h2 = tf.tanh(tf.add(tf.matMul(h1, w2), b2));
    return head(tf.add(tf.matMul(h2, w3), b3));
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
        for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], lr)));
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

/** bench/mlp-setup.ts's model: sigmoid output, mse against Y. */
export function tfMlp(): TfMlp {
  const y = f32(mlp.Y);
  return tanhMlp(f32(mlp.X), mlp.init, mlp.LR, (logits) => tf.mean(tf.square(tf.sub(tf.sigmoid(logits), y))));
}

/** bench/classifier-setup.ts's model: softmax cross-entropy against one-hot labels, mean over rows. */
export function tfClassifier(): TfMlp {
  const oneHot = tf.oneHot(tf.tensor1d(Int32Array.from(classifier.LABELS.data), "int32"), classifier.C);
  return tanhMlp(f32(classifier.X), classifier.init, classifier.LR, (logits) => tf.losses.softmaxCrossEntropy(oneHot, logits));
}
