# micrograd-style.nn.py: a Value class in the style of micrograd: every operation makes a Value that keeps its
# operands and a closure that moves its gradient to them; backward() sorts the graph topologically and runs the
# closures from the output back. It has ONE DELIBERATE BUG, in __mul__'s backward, for GradLens's autograd check
# (and the finite differences at the end) to catch: find it, fix it, and every row agrees.
import math


class Value:
    def __init__(self, data, children=(), op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = list(children)
        self._op = op

    def __repr__(self):
        return f"Value(data={self.data:.4f}, grad={self.grad:.4f})"

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += other.data * out.grad  # DELIBERATE BUG: should be self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        out = Value(self.data ** k, (self,), f"**{k}")

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = (math.exp(2 * self.data) - 1) / (math.exp(2 * self.data) + 1)
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1 - t ** 2) * out.grad
        out._backward = _backward
        return out

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * other ** -1

    def backward(self):
        topo, visited = [], []

        def build(v):
            if v not in visited:
                visited.append(v)
                for child in v._prev:
                    build(child)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()


def neuron(x1, x2, w1, w2, b):
    return (x1 * w1 + x2 * w2 + b).tanh()


inputs = [2.0, -1.0, 0.5, 1.5, 0.25]
x1, x2, w1, w2, b = [Value(v) for v in inputs]
out = neuron(x1, x2, w1, w2, b)
loss = (out - 0.5) ** 2
loss.backward()
print(f"loss {loss.data:.6f}")

# Finite differences on plain floats: the same function, nudged one input at a time.
def plain(vals):
    n = vals[0] * vals[2] + vals[1] * vals[3] + vals[4]
    return ((math.exp(2 * n) - 1) / (math.exp(2 * n) + 1) - 0.5) ** 2


h = 1e-6
for name, v, i in zip(["x1", "x2", "w1", "w2", "b"], [x1, x2, w1, w2, b], range(5)):
    up = [u + h if j == i else u for j, u in enumerate(inputs)]
    down = [u - h if j == i else u for j, u in enumerate(inputs)]
    numeric = (plain(up) - plain(down)) / (2 * h)
    verdict = "ok" if abs(numeric - v.grad) < 1e-6 else "WRONG"
    print(f"{name}: backprop {v.grad:+.6f}  finite differences {numeric:+.6f}  {verdict}")
