// Runs anywhere: the public engine API (no vscode, no DOM). Import from here outside src/engine/.
export { Op, OP_COUNT, Flag, isLeaf, type OpCode } from "./op";
export { opSymbol, opName, opKink } from "./ops";
export { erf, erfc } from "./ops/erf";
export { Tape, type Group, type GroupKind, type SourceRange } from "./tape";
export { Budget, BudgetError, NO_LIMITS, type BudgetKind, type BudgetLimits } from "./budget";
export { ParamStore, tensorParamLeaves, type TensorParamLeaf } from "./params";
export * as tensorLosses from "./tensor/losses";
export {
  tensor, zeros, ones, shapeText, sizeOf, toNested, elementIndex, MAX_RANK, type Shape, type TensorData, type TensorLike,
  type Nested, type NestedArray,
} from "./tensor/shape";
export { Rng } from "./rng";
export {
  datasets, datasetNames, isDatasetName, moons, circles, spirals, blobs, type Row, type DatasetName, type MoonsOptions,
  type CirclesOptions, type SpiralsOptions, type BlobsOptions,
} from "./data";
export { Value, sumValues, valuesOn, type ValueLike } from "./value";
export { sse, mse, bce, nodes, losses, isLossName, BCE_EPS, type LossName, type Targets, type TargetNodes } from "./losses";
export {
  MLP, Layer, Neuron, DEFAULT_SEED, activations, inits, isActivation, isInit, defaultInit, applyActivation, activationValue,
  type Activation, type Init, type MLPOptions, type BoundParams,
} from "./nn";
export {
  sgd, momentum, adam, makeOptimizer, isOptimizerName, type Optimizer, type OptimizerName, type OptimizerOptions,
} from "./optim";
export {
  gradcheck, errorVsEps, checkDerivative, numericGradient, plain, closeEnough, relativeError, EPS_SWEEP,
  GRADCHECK_EPS, GRADCHECK_ATOL, GRADCHECK_RTOL,
  type TapeFn, type PlainFn, type GradcheckOptions, type GradcheckRow, type GradcheckReport, type ErrorPoint,
} from "./gradcheck";
export {
  Trainer, datasetObjective, allRowsRight, type Objective, type Method, type Scheme, type TrainerOptions,
} from "./train";
