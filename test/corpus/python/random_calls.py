# The rest of the random module a learner reaches for, seeded: randint, randrange, choice, shuffle, gauss (its second
# value kept for the next call), and seeding again restarting the sequence.
import random

random.seed(7)
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(10), random.randrange(0, 100, 5), random.choice(["w1", "w2", "b"]))
xs = list(range(8))
random.shuffle(xs)
print(xs)
random.seed(3)
print(random.gauss(0, 1), random.gauss(0, 1), random.gauss(1.0, 0.1))
w = [random.uniform(-0.5, 0.5) for _ in range(3)]
print(w)
random.seed(3)
print(random.gauss(0, 1))
