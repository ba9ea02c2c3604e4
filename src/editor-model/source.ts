// Runs anywhere (extension host, worker, tests): a document as the editor-model queries read it: GradLens's tree of
// the file (the one its evaluation ran, either language) and its text, with each node's parent, computed once.
import type { Program } from "../notation/tree";
import { walk, type TreeNode } from "../notation/tree-walk";

/** The lowered file and its text. */
export interface Source {
  readonly program: Program;
  readonly text: string;
}

const parents = new WeakMap<Program, Map<TreeNode, TreeNode>>();

/** Each node's parent (the program's children have the program). Built once per program, without recursion. */
export function parentMap(program: Program): Map<TreeNode, TreeNode> {
  const known = parents.get(program);
  if (known !== undefined) return known;
  const map = new Map<TreeNode, TreeNode>();
  walk(program, (n, parent) => {
    if (parent !== undefined) map.set(n, parent);
  });
  parents.set(program, map);
  return map;
}

/** The ancestors of n, innermost first. */
export function ancestorsOf(program: Program, n: TreeNode): TreeNode[] {
  const map = parentMap(program), out: TreeNode[] = [];
  for (let p = map.get(n); p !== undefined; p = map.get(p)) out.push(p);
  return out;
}
