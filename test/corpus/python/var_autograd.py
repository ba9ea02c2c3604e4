# The tutorial's scalar autograd, as a learner writes it: a Var class that overloads the operators and a backward
# that fills gradients (topological order, so shared sub-graphs are visited once).
class Var:
    def __init__(self, value, parents=()):
        self.value = value
        self.grad = 0.0
        self.parents = parents

    def __add__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value + other.value, [(self, 1.0), (other, 1.0)])

    def __radd__(self, other):
        return self + other

    def __mul__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value * other.value, [(self, other.value), (other, self.value)])

    def __rmul__(self, other):
        return self * other

    def __pow__(self, k):
        return Var(self.value ** k, [(self, k * self.value ** (k - 1))])

    def backward(self):
        order, seen = [], []
        def visit(v):
            if v in seen:
                return
            seen.append(v)
            for p, _ in v.parents:
                visit(p)
            order.append(v)
        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            for p, local in v.parents:
                p.grad += local * v.grad


x = Var(53.0)
y = Var(-17.0)
f = (x ** 2 + 3) ** 2 + y
f.backward()
print(f.value, x.grad, y.grad)
z = Var(1.5)
g = (z ** 2 + 3) ** 2 + z
g.backward()
print(g.value, z.grad)
