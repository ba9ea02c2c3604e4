# Floats printed in full, as learners print them (print(loss), f"{x}"): the last digit of exp, log, ** and sin
# depends on the C library CPython uses (glibc here); GradLens must print the same digits.
import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


print(math.exp(1), math.exp(0.5), math.exp(-2.3), math.exp(10), math.exp(-0.1))
print(math.log(10), math.log(0.5), math.log(3.7), math.log(1e-10), math.log(2, 8))
print(2 ** 0.5, 1.1 ** 10, 0.9 ** 7.5, 10 ** -0.5, math.e ** -1.5, 3.7 ** 2.2)
print(math.sin(1), math.cos(1), math.sin(0.5), math.cos(2.5), math.tan(0.3))
print(math.tanh(0.5), math.tanh(-1.7), math.sqrt(3), math.sqrt(0.02))
print(sigmoid(0), sigmoid(1), sigmoid(-2.5), sigmoid(0.37), [sigmoid(v / 4) for v in range(-2, 3)])
h = 1e-6
x = 0.8
print((sigmoid(x + h) - sigmoid(x - h)) / (2 * h), sigmoid(x) * (1 - sigmoid(x)))
