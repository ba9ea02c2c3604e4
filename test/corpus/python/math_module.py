# The math module.
import math

print(math.pi, math.e, math.sqrt(2), math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.fabs(-3))
print(f"{math.exp(1):.12f} {math.exp(0)} {math.log(math.e)} {math.log(100, 10):.12f} {math.tanh(0.5):.12f}")
print(f"{math.sin(math.pi / 6):.12f} {math.cos(0)} {math.pow(2, 10)} {math.inf > 1e308} {math.isnan(float('nan'))}")
