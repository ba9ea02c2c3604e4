# Python's number rules at their edges: float // and % (CPython's fmod-based floor division: 1 // 0.1 is 9.0), the
# divisor's sign, ** with negative and fractional exponents, round half to even on the exact binary value, int and
# float mixing, and big ints that are still exact doubles.
print(1 // 0.1, 1 % 0.1, -1 // 0.3, -1 % 0.3, 5.0 % -3, -5 % 3.0, 0.0 // 5, -0.0 % 5)
print(7 // -2, -7 % 2, 6 // 3, 6 / 3, 2 ** -2, (-2) ** 3, (-2.0) ** 2, 4 ** 0.5, 8 ** (1 / 3))
print(10 ** 15, 10 ** 16 * 1.0, 2 ** 53, 2 ** 60, 10 ** 20, -(2 ** 62))
print(round(0.5), round(1.5), round(-0.5), round(-1.5), round(2.675, 2), round(1234.5678, -2), round(0.125, 2), round(7, -1))
print(int(-2.5), int(2.9999), float(7), abs(-0.0), abs(-7), max(1, 2.0), min(1, 1.0), max(-0.0, 0.0))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), 0.1 * 3, 1 - 0.9, 3 * 0.1 == 0.3, 1e16 + 1, 2 ** 0.5 * 2 ** 0.5)
print(True + 1.5, True * 2, False - 1, 5 // True, 1 / 3 * 3, 7 / 7, 1e300 * 1e10, -1e300 * 1e10)
x = 17
x //= 5
y = -17.5
y %= 4
z = 3
z **= -1
print(x, y, z, isinstance(x, int), isinstance(y, float), isinstance(z, int))
