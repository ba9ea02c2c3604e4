// Runs in the VS Code extension host (pure: no vscode import, so vitest checks it against package.json): every id
// GradLens registers or contributes, defined once. package.json's contributions must name exactly these.

/** Command ids, each registered in activate() and contributed in package.json. */
export const COMMANDS = {
  evaluateSelection: "gradlens.evaluateSelection",
  gradcheckSelection: "gradlens.gradcheckSelection",
  newFile: "gradlens.newFile",
  visualize: "gradlens.visualize",
  toggleFollowEditor: "gradlens.graph.toggleFollowEditor",
  trainAnd: "gradlens.trainAnd",
  trainXor: "gradlens.trainXor",
  trainFile: "gradlens.trainFile",
  applyTrainedValues: "gradlens.applyTrainedValues",
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The activity-bar container, and the training webview view inside it. */
export const VIEW_CONTAINER = "gradlens";
export const TRAINING_VIEW = "gradlens.training";

/** Webview panel types: the graph (restored after a reload by its serializer) and the gradient-check report. */
export const GRAPH_PANEL = "gradlens.graph";
export const REPORT_PANEL = "gradlens.gradcheck";

/** Name of the diagnostic collections and the `source` of their diagnostics in the Problems panel. */
export const DIAGNOSTICS = "gradlens";

/** The walkthrough (Help → Welcome → Walkthroughs). */
export const WALKTHROUGH = "gradlens.start";

/** Configuration sections: every setting is `gradlens.*`; the graph view's are `gradlens.graph.*`. */
export const SETTINGS = "gradlens";
export const GRAPH_SETTINGS = "gradlens.graph";

/** The output channel every command writes to. */
export const OUTPUT_CHANNEL = "GradLens";
