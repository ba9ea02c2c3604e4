# Negative indexes and slices of lists, tuples and strings.
xs = [10, 20, 30, 40, 50]
print(xs[-1], xs[-2], xs[1:3], xs[:2], xs[3:], xs[::2], xs[::-1], xs[-3:-1], xs[1:-1:2])
t = (1, 2, 3)
print(t[0], t[-1], t[1:])
s = "gradient"
print(s[0], s[-1], s[2:5], s[::-1], len(s))
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
print([1, 2] + [3], [0] * 3, "ab" * 3, (1,) + (2,))
xs.append(60)
print(len(xs), xs[-1])
