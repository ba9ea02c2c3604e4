// Runs on Node (the CLI): `gradlens train <AND|OR|XOR|NAND|file.nn.ts|file.py>`, a thin front end over src/train: the flags
// become the same config the training view builds from its form (same presets, limits, choice lists and
// validation), the same session runs it to the end (a progress bar on a terminal only), and its verdict, worded by
// src/view, decides the exit status: 0 learned, 1 not learned or diverged (NaN/Infinity loss included). It prints
// the accuracy on classification data, and `--save FILE` writes the trained params as JSON (names to values).
import { writeFileSync } from "node:fs";
import {
  DEFAULT_SETTINGS, TrainingSession, isDatasetChoice, parsePresetSource, parseSettings, presetSource, settingsFromFile,
  type TrainConfig,
} from "../train";
import type { ParamStore } from "../engine";
import { formatNumber } from "../view/format";
import { accuracyText } from "../view/training";
import { verdictMessage } from "../view/verdict";
import { BOUND_FLAGS, boundsOption, parseArgs, UsageError, type Parsed } from "./args";
import type { Print } from "./commands";
import { evaluateText, noTarget, readSource } from "./source";

const PRESET_ONLY = ["hidden", "activation", "loss", "init"];
const SETTINGS = ["optimizer", "lr", "steps", "method", "seed", "eps"] as const;

/** The flags given, as the form's fields: strings that src/train's validation reads. */
function given(p: Parsed, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (p.options.has(n) ? [[n, p.options.get(n)!]] : [])));
}

/** The training config the flags ask for; a file's own train({...}) settings under the flags given. */
export function trainConfig(p: Parsed): TrainConfig {
  if (p.positional.length !== 1) throw new UsageError("train takes one source: AND, OR, XOR, NAND, a .nn.ts or a .py file");
  const src = p.positional[0], dataset = src.toUpperCase();
  if (isDatasetChoice(dataset)) {
    const preset = presetSource(dataset);
    const source = parsePresetSource({ ...(preset.kind === "preset" ? preset : {}), ...given(p, PRESET_ONLY) });
    return { source, settings: parseSettings({ ...DEFAULT_SETTINGS, ...given(p, SETTINGS) }) };
  }
  for (const o of PRESET_ONLY) if (p.options.has(o)) throw new UsageError(`--${o} applies to presets; a file defines its own model`);
  const text = readSource(src);
  // --seed replaces the file's seed(n) and mlp seeds, so a network can be tried over seeds.
  const seed = p.options.has("seed") ? parseSettings({ seed: p.options.get("seed") }).seed : undefined;
  // Every step re-runs (or replays) the file within the same bounds as the editor, raised by --max-* flags.
  const bounds = boundsOption(p);
  // What the file load(...)s is read once here and handed to the run, which reads no files itself.
  const seen = new Map<string, string>();
  const doc = evaluateText(src, text, seed, bounds, undefined, seen);
  if (doc.objective === undefined) throw noTarget(src, text, doc);
  const fromFile = settingsFromFile(doc.train, DEFAULT_SETTINGS);
  const files = seen.size > 0 ? { files: Object.fromEntries(seen) } : {};
  return {
    source: { kind: "document", uri: src, version: 0, text, label: src, ...(seed === undefined ? {} : { seed }), ...files },
    settings: parseSettings({ ...fromFile, ...given(p, SETTINGS) }),
    bounds,
  };
}

/** Prediction rows printed as a table; more is a count (`--json` has them all). */
const TABLE_ROWS = 32;

export function train(argv: string[], print: Print, tty: NodeJS.WriteStream | undefined): number {
  const p = parseArgs(argv, [...PRESET_ONLY, ...SETTINGS, ...Object.keys(BOUND_FLAGS), "save"]);
  const config = trainConfig(p);
  // The session's time slices queue here instead of on the event loop: the CLI runs them one after another.
  const slices: (() => void)[] = [];
  const session = new TrainingSession(config, {
    schedule: (f) => slices.push(f), onChange: tty ? (s) => bar(tty, s.step, s.totalSteps, s.loss) : undefined,
  });
  session.run();
  for (let f = slices.shift(); f !== undefined; f = slices.shift()) f();
  if (tty) tty.write("\n");
  const verdict = session.verdict;
  if (verdict === undefined) throw new Error(`training stopped in state ${session.state}`);
  const rows = session.predictions(), accuracy = session.accuracy(rows) ?? null;
  const save = p.options.get("save");
  if (save !== undefined) saveParams(save, session.problem.store);
  // A file with no rows has nothing to judge: not a failure when its loss stayed finite (the verdict says).
  const ok = verdict.kind === "learned" || verdict.reason === "no-dataset";
  if (p.flags.has("json")) {
    // Nothing to judge (no 0/1 rows: a file of multi-class data is judged by its accuracy): null, not false.
    const learned = rows === undefined || (verdict.kind !== "learned" && verdict.reason === "no-dataset") ? null : verdict.kind === "learned";
    const { step: steps, loss: finalLoss, stepsPerSecond } = session;
    const fullLoss = session.problem.batch === undefined ? null : session.full.last;
    print(JSON.stringify({ learned, steps, finalLoss, fullLoss, stepsPerSecond, accuracy, predictions: rows ?? [], verdict }));
    return ok ? 0 : 1;
  }
  print(`final loss ${formatNumber(session.loss, 6)} after ${session.step} steps (${Math.round(session.stepsPerSecond)} steps/s)`);
  if (session.problem.batch !== undefined) print(`full-data loss ${formatNumber(session.full.last, 6)} (mini-batches of ${session.problem.batch} rows)`);
  if (accuracy) print(accuracyText(accuracy));
  if (save !== undefined) print(`saved ${session.problem.store.size} params to ${save}`);
  if (rows && rows.length > TABLE_ROWS) print(`  (${rows.length} rows: the predictions table is for ${TABLE_ROWS} rows or fewer; --json has them all)`);
  else if (rows) {
    const n = rows[0]?.inputs.length ?? 0;
    print(`  ${Array.from({ length: n }, (_, i) => `x${i + 1}`.padStart(2)).join("  ")} | target | output   |`);
    for (const r of rows) {
      const inputs = r.inputs.map((x) => formatNumber(x).padStart(2)).join("  ");
      print(`  ${inputs} | ${formatNumber(r.target).padStart(6)} | ${formatNumber(r.output).padStart(8)} | ${r.right ? "✓" : "✗"}`);
    }
  }
  print(verdictMessage(verdict));
  return ok ? 0 : 1;
}

/** The trained params as JSON, names to values (what a file's load(...) reads back). */
function saveParams(file: string, store: ParamStore): void {
  const out: Record<string, number> = {};
  store.names.forEach((n, i) => {
    out[n] = store.values[i];
  });
  writeFileSync(file, JSON.stringify(out, null, 1) + "\n");
}

function bar(tty: NodeJS.WriteStream, done: number, total: number, loss: number): void {
  const width = 30, filled = total > 0 ? Math.round((done / total) * width) : width;
  tty.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} loss ${formatNumber(loss)}`);
}
