# if/elif/else, for over range, while, break, continue, enumerate, zip, dict items, tuple unpacking, assert.
for i in range(5):
    if i == 1:
        continue
    elif i == 3:
        print("three")
    else:
        print(i)
total = 0
k = 0
while True:
    k += 1
    if k > 10:
        break
    total += k
print(total, k)
for i, name in enumerate(["a", "b", "c"]):
    print(i, name)
for p, q in zip([1, 2, 3], [10, 20, 30]):
    print(p * q)
scores = {"w": 0.5, "b": -1.0}
for key, value in scores.items():
    print(key, value)
print([k for k, _ in scores.items()], len(scores))
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
print(list(range(2, 10, 3)), list(range(5, 0, -2)), len(range(4)))
for x in []:
    print("never")
for i in range(3):
    pass
print(i)
assert total == 55
assert k > 10, "k passed 10"
assert [1, 2] and not [], f"truthiness {k}"
print("asserts passed")
