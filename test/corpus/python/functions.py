# def with defaults, keywords, *args and **kwargs; lambda; closures; global and nonlocal; recursion.
def scale(x, by=2, *rest, offset=0):
    return x * by + offset + sum(rest)

print(scale(3), scale(3, 4), scale(3, by=5), scale(1, 2, 3, 4), scale(1, offset=10))
square = lambda t: t * t
print(square(7), (lambda a, b=1: a - b)(5))

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
c()
c(5)
print(c())
total = 0
def add(v):
    global total
    total += v
add(3)
add(4)
print(total)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(1))

def compose(f, g):
    return lambda x: f(g(x))
print(compose(square, lambda x: x + 1)(3))
def report(first, *values, sep=", ", **options):
    text = f"{first}:"
    for v in values:
        text = text + f" {v}{sep}"
    for key, value in options.items():
        text = text + f" {key}={value}"
    return text + f" ({len(options)} options)"

print(report("a", 1, 2.5, lr=0.1, steps=100), report("b", sep="/"))
print(report("c", *[3, 4], sep=";", seed=1))
adders = [lambda x, k=k: x + k for k in range(3)]
print([a(10) for a in adders])
