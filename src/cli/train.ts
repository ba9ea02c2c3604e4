// Runs on Node (the CLI): `gradlens train <AND|OR|XOR|NAND|file.nn.ts>`: a preset MLP or a file's objective,
// trained by the engine's Trainer; a progress bar on a terminal only; exit 0 when every row rounds right.
import {
  DEFAULT_SEED, MLP, Trainer, allRowsRight, datasetObjective, datasets, isDatasetName, makeOptimizer,
  type Activation, type LossName, type Method, type OptimizerName,
} from "../engine";
import { choiceOption, numberOption, parseArgs, UsageError } from "./args";
import type { Print } from "./commands";
import { evaluateFile, FileError } from "./source";

const OPTIONS = ["hidden", "activation", "loss", "optimizer", "lr", "steps", "method", "seed", "eps"];

interface Prediction {
  inputs: number[];
  target: number;
  output: number;
  right: boolean;
}

function hiddenSizes(s: string | undefined): number[] {
  if (s === undefined) return [2];
  const sizes = s.split(",").map((x) => Number(x.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 0 || n > 4096) || (sizes.length > 1 && sizes.includes(0))) {
    throw new UsageError(`--hidden takes sizes like 2 or 16,16 (0 for none), got "${s}"`);
  }
  return sizes[0] === 0 ? [] : sizes;
}

export function train(argv: string[], print: Print, tty: NodeJS.WriteStream | undefined): number {
  const p = parseArgs(argv, OPTIONS);
  if (p.positional.length !== 1) throw new UsageError("train takes one source: AND, OR, XOR, NAND or a .nn.ts file");
  const src = p.positional[0];
  const preset = src.toUpperCase();
  let trainer: Trainer, steps: number, predict: () => Prediction[] | undefined;
  const method = choiceOption<Method>(p, "method", ["backprop", "finite-difference"], "backprop");
  const optimizer = choiceOption<OptimizerName>(p, "optimizer", ["sgd", "momentum", "adam"], "sgd");
  const eps = p.options.has("eps") ? numberOption(p, "eps", 1e-4, (x) => x > 0, "a positive number") : undefined;
  if (isDatasetName(preset)) {
    const rows = datasets[preset];
    const activation = choiceOption<Activation>(p, "activation", ["sigmoid", "tanh", "relu"], "sigmoid");
    const loss = choiceOption<LossName>(p, "loss", ["sse", "mse", "bce"], "sse");
    const seed = numberOption(p, "seed", DEFAULT_SEED, Number.isInteger, "an integer");
    const lr = numberOption(p, "lr", 1, (x) => x > 0 && Number.isFinite(x), "a positive number");
    steps = numberOption(p, "steps", 2000, (x) => Number.isInteger(x) && x >= 0, "a non-negative integer");
    const model = new MLP(2, [...hiddenSizes(p.options.get("hidden")), 1], { activation, output: "sigmoid", seed });
    trainer = new Trainer(datasetObjective(model, rows, loss), model.store, { optimizer: makeOptimizer(optimizer, { lr }), method, eps, replay: true });
    predict = () => rows.map((row) => {
      const output = model.predict(row.slice(0, 2))[0];
      return { inputs: row.slice(0, 2), target: row[2], output, right: Math.round(output) === row[2] };
    });
    void allRowsRight;
  } else {
    for (const o of ["hidden", "activation", "loss"]) if (p.options.has(o)) throw new UsageError(`--${o} applies to presets; a file defines its own model`);
    // --seed replaces the file's seed(n) and mlp seeds, so a network can be tried over seeds.
    const seed = p.options.has("seed") ? numberOption(p, "seed", 0, Number.isInteger, "an integer") : undefined;
    const doc = evaluateFile(src, seed);
    if (doc.objective === undefined) throw new FileError(src, "no target: nothing at the top level evaluates to a number", 0, 0, "");
    const settings = doc.train;
    const lr = numberOption(p, "lr", settings?.lr ?? 1, (x) => x > 0 && Number.isFinite(x), "a positive number");
    steps = numberOption(p, "steps", settings?.steps ?? 2000, (x) => Number.isInteger(x) && x >= 0, "a non-negative integer");
    const store = doc.trainingStore();
    trainer = new Trainer(doc.objective, store, {
      optimizer: makeOptimizer(p.options.has("optimizer") ? optimizer : settings?.optimizer ?? "sgd", { lr }),
      method: p.options.has("method") ? method : settings?.method ?? "backprop",
      eps: eps ?? settings?.eps, replay: doc.replaySafe,
    });
    const rows = doc.dataset ? datasets[doc.dataset] : undefined;
    predict = () => rows?.map((row) => {
      const output = doc.predict(store, row.slice(0, 2)) ?? NaN;
      return { inputs: row.slice(0, 2), target: row[2], output, right: Math.round(output) === row[2] };
    });
  }
  const t0 = performance.now();
  const every = Math.max(1, Math.floor(steps / 100));
  let last = NaN;
  for (let i = 0; i < steps; i++) {
    last = trainer.step();
    if (tty && (i % every === 0 || i === steps - 1)) bar(tty, i + 1, steps, last);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (tty) tty.write("\n");
  const finalLoss = trainer.loss();
  const rows = predict();
  const learned = rows === undefined ? null : rows.every((r) => r.right);
  const stepsPerSecond = seconds > 0 ? steps / seconds : 0;
  if (p.flags.has("json")) {
    print(JSON.stringify({ learned, steps, finalLoss, stepsPerSecond, predictions: rows ?? [] }));
  } else {
    print(`final loss ${finalLoss.toPrecision(6)} after ${steps} steps (${Math.round(stepsPerSecond)} steps/s)`);
    if (rows) {
      print("  x1  x2 | target | output   |");
      for (const r of rows) print(`  ${r.inputs.map((x) => String(x).padStart(2)).join("  ")} |      ${r.target} | ${r.output.toFixed(4).padStart(8)} | ${r.right ? "✓" : "✗"}`);
      print(learned ? `learned: every row rounds right` : "did not learn: some rows round wrong (a 2-2-1 sigmoid network can get stuck; try another seed)");
    } else print("no dataset in the file: no predictions table");
  }
  void last;
  return learned === false ? 1 : 0;
}

function bar(tty: NodeJS.WriteStream, done: number, total: number, loss: number): void {
  const width = 30, filled = Math.round((done / total) * width);
  tty.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} loss ${loss.toPrecision(4)}`);
}
