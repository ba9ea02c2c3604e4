# Chained comparisons, is / is not, in / not in.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 <= 1 < 2, 1 == 1.0 == 1)
a = None
xs = []
print(a is None, a is not None, xs is not None)
xs = [1, 2, 3]
print(2 in xs, 5 in xs, 5 not in xs, "b" in "abc", "z" not in "abc")
d = {"w": 1, "b": 2}
print("w" in d, "x" in d)
print(1 != 2, 2 == 2, "a" < "b", [1, 2] == [1, 2], (1, 2) == (1, 2))
calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(0) < f(2), calls)
