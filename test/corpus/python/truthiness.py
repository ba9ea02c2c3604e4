# Truthiness, and `and`/`or` returning an operand; True, False and None.
print([] or "empty", [0] or "no", 0 and 1, 1 and 2, None or 0, "" or "s", 0.0 or 1.5)
print(not [], not [1], not 0, not "", not None, not 0.5)
print(True, False, None, True + True, True * 3)
if []:
    print("list is true")
else:
    print("empty list is false")
if "0":
    print("non-empty string is true")
n = 0
while n < 3 and not n == 2:
    n += 1
print(n)
print(1 if [] else 2, "a" if "x" else "b")
