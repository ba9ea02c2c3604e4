// Runs in vitest (Node): "check my autograd" (autograd-check.ts): after a top-level `root.backward()` on the file's
// own Var/Value class, every object's gradient against the engine's derivative, in Python and in TypeScript.
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../../src/notation";

const VAR = (mulBackward: string) => `class Var:
    def __init__(self, data, children=()):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = children

    def __add__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        out = Var(self.data + other.data, (self, other))
        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        out = Var(self.data * other.data, (self, other))
        def _backward():
            ${mulBackward}
        out._backward = _backward
        return out

    def backward(self):
        topo, seen = [], []
        def build(v):
            if v not in seen:
                seen.append(v)
                for c in v._prev:
                    build(c)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()

a = Var(3)
b = Var(5.0)
c = a * b + a
c.backward()
print(c.data, a.grad, b.grad)
`;

describe("check my autograd", () => {
  it("a correct backward passes: one row per object in root's graph, the learner's gradient against the engine's", () => {
    const r = evaluateDocument(VAR("self.grad += out.grad * other.data\n            other.grad += out.grad * self.data"), { lang: "py" });
    expect(r.output).toEqual(["18.0 6.0 3.0"]);
    const check = r.gradchecks.find((g) => g.kind === "backward");
    expect(check?.pass).toBe(true);
    expect(check?.line).toBe(42);
    const rows = Object.fromEntries(check!.rows.map((x) => [x.name.replace(/ .*/, ""), [x.analytic, x.numeric]]));
    expect(rows.a).toEqual([6, 6]);
    expect(rows.b).toEqual([3, 3]);
  });

  it("a wrong backward fails its row and names the operation where it goes wrong, at the object's line", () => {
    const r = evaluateDocument(VAR("self.grad += out.grad * other.data\n            other.grad += out.grad * other.data"), { lang: "py" });
    const check = r.gradchecks.find((g) => g.kind === "backward");
    expect(check?.pass).toBe(false);
    expect(check?.rows.filter((x) => !x.pass).map((x) => [x.name, x.analytic, x.numeric])).toEqual([["b (line 40)", 5, 3]]);
    const d = r.diagnostics.find((x) => x.message.startsWith("your "));
    expect(d).toMatchObject({ message: "your `__mul__` backward: `other.grad` got 5.0, the true value is 3.0 (line 17)", line: 40 });
  });

  it("the same check in a .nn.ts file (a class with add/mul and backward)", () => {
    const text = `class V {
  grad = 0;
  back: () => void = () => {};
  constructor(public_value: number, prev: V[] = []) { this.value = public_value; this.prev = prev; }
  add(o: V): V { const out = new V(this.value + o.value, [this, o]); out.back = () => { this.grad += out.grad; o.grad += out.grad; }; return out; }
  mul(o: V): V { const out = new V(this.value * o.value, [this, o]); out.back = () => { this.grad += out.grad * o.value; o.grad += out.grad; }; return out; }
  backward(): void {
    const order: V[] = [];
    const visit = (v: V): void => { for (const x of order) if (x === v) return; for (const p of v.prev) visit(p); order.push(v); };
    visit(this);
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].back();
  }
}
const a = new V(3), b = new V(5);
const c = a.mul(b).add(a);
c.backward();
`;
    const r = evaluateDocument(text);
    const check = r.gradchecks.find((g) => g.kind === "backward");
    expect(check?.pass).toBe(false);
    expect(check?.rows.filter((x) => !x.pass).map((x) => [x.analytic, x.numeric])).toEqual([[1, 3]]);
    expect(r.diagnostics.some((d) => /your `mul` backward/.test(d.message))).toBe(true);
  });
});
