// Runs in the training webview (browser): the settings form. Values are read as the user typed them and sent to
// the extension, which validates them (src/train/validate.ts) and answers with an error message when they are bad.
import type { TrainForm } from "../../src/protocol";

export const DEFAULT_FORM: TrainForm = {
  source: "preset", dataset: "XOR", hidden: "2", activation: "sigmoid", loss: "sse", optimizer: "sgd", lr: "1",
  steps: "2000", seed: "1", method: "backprop", eps: "0.0001",
};

type Field = keyof TrainForm;

const CHOICES: Partial<Record<Field, readonly string[]>> = {
  source: ["preset", "document"],
  dataset: ["AND", "OR", "XOR", "NAND"],
  activation: ["sigmoid", "tanh", "relu"],
  loss: ["sse", "mse", "bce"],
  optimizer: ["sgd", "momentum", "adam"],
  method: ["backprop", "finite-difference"],
};

const LABELS: Record<Field, string> = {
  source: "Source", dataset: "Dataset", hidden: "Hidden", activation: "Activation", loss: "Loss",
  optimizer: "Optimizer", lr: "Learning rate", steps: "Steps", seed: "Seed", method: "Method", eps: "ε (finite diff.)",
};

/** Preset-only fields, hidden when training a document. */
const PRESET_ONLY: readonly Field[] = ["dataset", "hidden", "activation", "loss", "seed"];

export interface Form {
  el: HTMLFormElement;
  read(): TrainForm;
  write(f: TrainForm): void;
  setDocument(label: string | undefined): void;
  onChange(f: () => void): void;
}

export function buildForm(): Form {
  const el = document.createElement("form");
  el.id = "gl-form";
  el.className = "gl-form";
  const inputs = new Map<Field, HTMLInputElement | HTMLSelectElement>();
  let docLabel: string | undefined;
  for (const field of Object.keys(LABELS) as Field[]) {
    const label = document.createElement("label");
    label.dataset.field = field;
    const span = document.createElement("span");
    span.textContent = LABELS[field];
    const choices = CHOICES[field];
    let input: HTMLInputElement | HTMLSelectElement;
    if (choices) {
      input = document.createElement("select");
      for (const c of choices) {
        const o = document.createElement("option");
        o.value = c;
        o.textContent = c === "document" ? "this file" : c;
        input.append(o);
      }
    } else {
      input = document.createElement("input");
      input.type = "text";
      input.spellcheck = false;
      input.size = field === "hidden" ? 6 : 8;
    }
    input.id = `gl-${field}`;
    input.name = field;
    label.append(span, input);
    el.append(label);
    inputs.set(field, input);
  }
  // Enter in a field is not a navigation: the buttons do the work.
  el.addEventListener("submit", (e) => e.preventDefault());
  const sync = () => {
    const doc = inputs.get("source")!.value === "document";
    for (const f of PRESET_ONLY) (el.querySelector(`label[data-field="${f}"]`) as HTMLElement).hidden = doc;
    const sourceLabel = el.querySelector('label[data-field="source"]') as HTMLElement;
    sourceLabel.hidden = docLabel === undefined;
    const opt = inputs.get("source")!.querySelector('option[value="document"]');
    if (opt) opt.textContent = docLabel ?? "this file";
  };
  inputs.get("source")!.addEventListener("change", sync);
  const form: Form = {
    el,
    read() {
      const get = (f: Field) => inputs.get(f)!.value;
      return {
        source: get("source") === "document" && docLabel !== undefined ? "document" : "preset",
        dataset: get("dataset") as TrainForm["dataset"], hidden: get("hidden"),
        activation: get("activation") as TrainForm["activation"], loss: get("loss") as TrainForm["loss"],
        optimizer: get("optimizer") as TrainForm["optimizer"], lr: get("lr"), steps: get("steps"), seed: get("seed"),
        method: get("method") as TrainForm["method"], eps: get("eps"),
      };
    },
    write(f) {
      for (const [k, input] of inputs) input.value = String(f[k]);
      sync();
    },
    setDocument(label) {
      docLabel = label;
      if (label === undefined) inputs.get("source")!.value = "preset";
      sync();
    },
    onChange(f) {
      el.addEventListener("change", f);
    },
  };
  sync();
  return form;
}
