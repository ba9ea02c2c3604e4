// Runs anywhere (extension host, CLI, tests): the notation's public API. TypeScript is parsed by TypeScript's parser
// (loaded on first use), Python by @lezer/python; both are lowered to one tree that one interpreter runs. Code is
// interpreted, never executed.
export { evaluateSelection, freeNames, MissingNamesError, prepareSelection } from "./selection";
export type { Leaf, PreparedSelection, SelectionOptions, SelectionPlace, SelectionResult } from "./selection";
export { evaluateDocument } from "./document";
export { languageOfFile } from "./frontends";
export type { Lang } from "./tree";
export type { DocumentOptions, DocumentResult, ParamInfo } from "./document";
export type { FileReader } from "./load";
export { GradLensError, InterruptedError, lineCol } from "./errors";
export type { Diagnostic } from "./errors";
export type { FoundName } from "./freenames";
export { BOUND_MAXIMA, BOUND_MINIMA, BOUND_SETTINGS, DEFAULT_BOUNDS, boundsKey, type BoundLimit } from "./bounds";
export { nodeAt } from "./locate";
export type { Bounds, GradcheckResult, GradcheckRow, LearnerGraph, TrainSettings } from "./interp";
