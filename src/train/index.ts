// Runs anywhere: the training API (no vscode, no DOM): problems, sessions, histories, verdicts as data, presets,
// limits, choice lists and validation. Import from here outside src/train/.
export { TrainingSession, type SessionOptions } from "./session";
export { Comparison } from "./compare";
export { buildProblem, settingsFromFile, type Problem } from "./problem";
export { applyEdits, applyToText, firstArgument, type ApplyResult, type TextEdit } from "./apply";
export { verdictOf, linearlySeparable, nearZero, type VerdictInput } from "./verdict";
export { LossHistory } from "./history";
export { accuracyOf, labelAccuracy, type Accuracy } from "./accuracy";
export {
  parseSettings, parsePresetSource, parseHidden, isDatasetChoice, SettingsError, MAX_STEPS, MAX_HIDDEN,
} from "./validate";
export {
  DATASETS, ACTIVATIONS, LOSSES, OPTIMIZERS, METHODS, INITS, DEFAULT_SETTINGS, presetSource, presetConfig, describeSource,
  type DatasetChoice, type ActivationChoice, type LossChoice, type OptimizerChoice, type MethodChoice, type InitChoice, type TrainSource,
  type TrainSettings, type TrainConfig, type SessionState, type Prediction, type Verdict, type VerdictReason,
} from "./types";
