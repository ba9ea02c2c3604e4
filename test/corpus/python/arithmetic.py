# Python's own arithmetic: floor division and remainder take the divisor's sign, ** binds tighter than unary minus,
# / is always a float, ints and floats print as Python prints them.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
x = 3
print(-x ** 2, (-x) ** 2, 2 ** -1, 2 ** 10)
print(7 / 2, 6 / 2, 1 / 3, 2.0 * 3)
print(0.1 + 0.2, 1e-5, 1e16, 1.5e-7, 123456789.0, 1e22, 0.0001)
print(1.0, 100.0, -0.0, 2.5, 1 / 8)
print(abs(-3), abs(-2.5), round(2.5), round(3.5), round(-2.5), round(3.14159, 2), round(2.675, 2))
print(int(3.9), int(-3.9), float(3), int("42"), float("1.5"))
print(max(3, 1, 2), min(3, 1, 2), max([1.5, 0.5]), min([4, 2, 8]), sum([1, 2, 3]), sum([0.5, 0.25], 10))
print(10 - 3 - 2, 2 ** 3 ** 2, 100 / 10 / 5)
y = 5
y += 2
y *= 3
y //= 4
y %= 4
y **= 3
print(y)
z = 1.0
z /= 4
z -= 1
print(z)
