# random.seed(n) then random(), uniform(a, b): the same numbers as CPython (its Mersenne Twister and seeding).
import random

random.seed(1)
print(random.random(), random.random())
print([round(random.uniform(-1, 1), 12) for _ in range(3)])
random.seed(42)
print(random.random())
random.seed(2 ** 40 + 3)
print(random.random())
random.seed(0)
vals = [random.random() for _ in range(1000)]
print(sum(vals), min(vals), max(vals))
random.seed(-5)
print(random.random())
