# Classes: __init__, methods, inheritance, super(), operator dunders with reflected forms, __call__, __repr__.
class Vec:
    def __init__(self, x, y=0.0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, o):
        o = o if isinstance(o, Vec) else Vec(o, o)
        return Vec(self.x + o.x, self.y + o.y)

    def __radd__(self, o):
        return self + o

    def __sub__(self, o):
        return self + (-o)

    def __rsub__(self, o):
        return (-self) + o

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __rtruediv__(self, k):
        return Vec(k / self.x, k / self.y)

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __rpow__(self, b):
        return Vec(b ** self.x, b ** self.y)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __call__(self, t):
        return self.x * t + self.y

    def norm2(self):
        return self.x * self.x + self.y * self.y


a = Vec(1.0, 2.0)
b = Vec(3.0, 4.0)
print(a + b, 1 + a, a - 1, 10 - a, a * 2, 3 * a, b / 2, 8 / b, a ** 2, 2 ** a, -a, a(10), b.norm2())
print(sum([a, b], Vec(0.0)), [v.x for v in [a, b]])


class Base:
    kind = "base"

    def __init__(self, n):
        self.n = n

    def describe(self):
        return f"{self.kind} {self.n}"


class Child(Base):
    kind = "child"

    def __init__(self, n, extra):
        super().__init__(n)
        self.extra = extra

    def describe(self):
        return super().describe() + f" +{self.extra}"


c = Child(2, 5)
print(c.describe(), Base(1).describe(), isinstance(c, Base), isinstance(a, Base), c.kind, Base.kind)
print(a)
print(f"{b!r}", [a, b], (a,), f"{a}")
