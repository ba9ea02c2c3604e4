// Runs anywhere: the names a binding pattern or an assignment target binds, without recursion (patterns nest as
// deep as a text makes them).
import type { Name, Pattern, Target } from "./tree";

/** The names a binding pattern declares (`[p, { q }, ...r]`: p, q, r), in source order. */
export function patternNames(b: Pattern): Name[] {
  const out: Name[] = [], stack: Pattern[] = [b];
  while (stack.length > 0) {
    const x = stack.pop() as Pattern;
    if (x.kind === "name") out.push(x);
    else if (x.kind === "arrayPattern") {
      for (let k = x.elements.length - 1; k >= 0; k--) {
        const e = x.elements[k];
        if (e !== undefined) stack.push(e.target);
      }
    } else for (let k = x.props.length - 1; k >= 0; k--) stack.push(x.props[k].target);
  }
  return out;
}

/** The plain names an assignment target writes (`a, (b, *c) = …`: a, b, c; `self.x = …`: none), in source order. */
export function targetNames(t: Target | Pattern): Name[] {
  const out: Name[] = [], stack: (Target | Pattern)[] = [t];
  while (stack.length > 0) {
    const x = stack.pop() as Target | Pattern;
    if (x.kind === "name") out.push(x);
    else if (x.kind === "unpack") {
      for (let k = x.elements.length - 1; k >= 0; k--) {
        const e = x.elements[k];
        if (e !== undefined) stack.push(e.target);
      }
    } else if (x.kind === "arrayPattern" || x.kind === "objectPattern") out.push(...patternNames(x));
  }
  return out;
}
