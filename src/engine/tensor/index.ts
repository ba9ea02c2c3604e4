// Runs anywhere: the tensor engine's public API (issue 8, step 1: tensors beside, not yet inside, the scalar tape).
export { TensorTape } from "./tape";
export { TOp, TOP_COUNT, tOpName, isTensorLeaf, type TOpCode } from "./op";
export {
  tensor, zeros, ones, randn, rand, toNested, shapeText, sizeOf, elementIndex, type Shape, type TensorData, type TensorLike,
} from "./shape";
export { sse, mse, bce, type TensorOps } from "./losses";
