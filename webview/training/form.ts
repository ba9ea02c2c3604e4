// Runs in the training webview (browser): the settings form. The lists of its choices come with the extension's
// "form" message; values are read as the user typed them and sent to the extension, which validates them (src/train)
// and answers with an error message when they are bad.
import type { ChoiceField, TrainChoices, TrainForm } from "../../src/view/training";

type Field = keyof TrainForm;

/** Fields that are a choice from a list: the source's two, and the lists the extension sends. */
const SELECTS: readonly Field[] = ["source", "dataset", "activation", "loss", "init", "optimizer", "method"] satisfies ("source" | ChoiceField)[];

const LABELS: Record<Field, string> = {
  source: "Source", dataset: "Dataset", hidden: "Hidden", activation: "Activation", loss: "Loss", init: "Init",
  optimizer: "Optimizer", lr: "Learning rate", steps: "Steps", seed: "Seed", method: "Method", eps: "ε (finite diff.)",
};

/** Preset-only fields, hidden when training a document. */
const PRESET_ONLY: readonly Field[] = ["dataset", "hidden", "activation", "loss", "init", "seed"];

export interface Form {
  el: HTMLFormElement;
  read(): TrainForm;
  /** Fill the lists (before write, which picks from them). */
  setChoices(c: TrainChoices): void;
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
    let input: HTMLInputElement | HTMLSelectElement;
    if (SELECTS.includes(field)) {
      input = document.createElement("select");
      if (field === "source") fill(input, ["preset", "document"]);
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
        dataset: get("dataset"), hidden: get("hidden"), activation: get("activation"), loss: get("loss"), init: get("init"),
        optimizer: get("optimizer"), lr: get("lr"), steps: get("steps"), seed: get("seed"), method: get("method"), eps: get("eps"),
      };
    },
    setChoices(c) {
      for (const [field, list] of Object.entries(c) as [ChoiceField, readonly string[]][]) {
        const input = inputs.get(field);
        if (input instanceof HTMLSelectElement) fill(input, list, input.value);
      }
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

/** Replace a list's options, keeping `keep` selected when it is still among them. */
function fill(select: HTMLSelectElement, values: readonly string[], keep?: string): void {
  select.replaceChildren(...values.map((v) => {
    const o = document.createElement("option");
    o.value = v;
    o.textContent = v === "document" ? "this file" : v;
    return o;
  }));
  if (keep !== undefined && values.includes(keep)) select.value = keep;
}
