# List, dict and generator comprehensions.
squares = [x * x for x in range(6)]
print(squares)
print([x for x in squares if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print({k: k * 2 for k in range(3)})
print({name: len(name) for name in ["ab", "cde"]})
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
rows = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]
print([r[2] for r in rows], [[v * 2 for v in r] for r in rows[:2]])
