# seed001-var.nn.py: the second tutorial's scalar autograd, written as a learner writes it. A Var holds a value and
# remembers the operation and the operands that made it; backward() sends the gradient back along them and adds it
# to every Var that requires one. GradLens compares those gradients with its own derivatives after each backward().
import math
import random


class Var:
    def __init__(self, value, requires_grad=False, prev_var1=None, prev_var2=None, prev_op=None):
        self.value = value
        self.requires_grad = requires_grad
        if requires_grad:
            self.grad = 0
        self.prev_var1 = prev_var1
        self.prev_var2 = prev_var2
        self.prev_op = prev_op

    def __repr__(self):
        return f"Var({self.value})"

    def __add__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value + other.value, prev_var1=self, prev_var2=other, prev_op="add")

    def __mul__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value * other.value, prev_var1=self, prev_var2=other, prev_op="mul")

    def __pow__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value ** other.value, prev_var1=self, prev_var2=other, prev_op="pow")

    def __rpow__(self, other):
        return Var(other) ** self

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __neg__(self):
        return self * -1

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * other ** -1

    def __rtruediv__(self, other):
        return other * self ** -1

    def sigmoid(self):
        return Var(1 / (1 + math.exp(-self.value)), prev_var1=self, prev_op="sigmoid")

    def backward(self, current_grad=1):
        a, b = self.prev_var1, self.prev_var2
        if self.prev_op == "add":
            a.backward(current_grad)
            b.backward(current_grad)
        elif self.prev_op == "mul":
            a.backward(current_grad * b.value)
            b.backward(current_grad * a.value)
        elif self.prev_op == "pow":
            a.backward(current_grad * b.value * a.value ** (b.value - 1))
            b.backward(current_grad * a.value ** b.value * math.log(a.value) if a.value > 0 else 0)
        elif self.prev_op == "sigmoid":
            a.backward(current_grad * self.value * (1 - self.value))
        if self.requires_grad:
            self.grad += current_grad


# The tutorial's first graph: f = (x**2 + 3)**2 + y at x = 53, y = -17.
x = Var(53, requires_grad=True)
y = Var(-17, requires_grad=True)
f = (x ** 2 + 3) ** 2 + y
f.backward()
print(f.value, x.grad, y.grad)  # 7907327 596144 1

# Two paths to x: their gradients add up (d/dx of (x**2 + 3)**2 + x at 1.5 is 32.5).
x = Var(1.5, requires_grad=True)
g = (x ** 2 + 3) ** 2 + x
g.backward()
h = 1e-6
numeric = (((1.5 + h) ** 2 + 3) ** 2 + (1.5 + h) - (((1.5 - h) ** 2 + 3) ** 2 + (1.5 - h))) / (2 * h)
print(f"backprop {x.grad}, finite differences {numeric:.6f}")


def sigmoid(v):
    return v.sigmoid()  # one operation with its own backward (1 / (1 + math.e ** -v) would be five)


def train(data, params, forward, lr, steps):
    for step in range(steps):
        loss = 0
        for p, q, target in data:
            loss += (forward(p, q) - target) ** 2
        loss.backward()
        for w in params:
            w.value -= lr * w.grad
            w.grad = 0  # backward adds to grad: zero it before the next step
        if step % (steps // 5) == 0 or step == steps - 1:
            print(f"step {step:4d}  loss {loss.value:.6f}")


random.seed(1)

# AND: one sigmoid neuron, three params.
AND = [[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 1]]
w1, w2, b = [Var(random.random(), requires_grad=True) for _ in range(3)]
train(AND, [w1, w2, b], lambda p, q: sigmoid(p * w1 + q * w2 + b), lr=1, steps=200)
for p, q, target in AND:
    print(f"{p} & {q} = {sigmoid(p * w1 + q * w2 + b).value:.3f}")

# XOR: one neuron cannot draw that line; a hidden layer of two can. The tutorial runs 2000 steps at lr 1; 300 at lr 2
# learn it too and keep the whole file within GradLens's default budget of interpreted steps (gradlens.maxSteps).
XOR = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]
params = [Var(random.random(), requires_grad=True) for _ in range(9)]


def forward(p, q):
    h1 = sigmoid(p * params[0] + q * params[1] + params[2])
    h2 = sigmoid(p * params[3] + q * params[4] + params[5])
    return sigmoid(h1 * params[6] + h2 * params[7] + params[8])


train(XOR, params, forward, lr=2, steps=300)
for p, q, target in XOR:
    print(f"{p} ^ {q} = {forward(p, q).value:.3f}")
