# f-string format specs as learners use them to print losses, weights and tables: precision, width, alignment,
# sign, grouping, exponent and percent forms, rounding half to even on the exact value, and strings padded.
loss = 0.000123456789
w = -1.23456789
n = 1234567
print(f"{loss:.4f} {loss:.2e} {loss:.3g} {loss:g} {loss:%} {loss:.1%}")
print(f"|{w:10.3f}|{w:<10.2f}|{w:^10.1f}|{w:+.2f}|{-w:+.2f}|{w: .2f}|{-w: .2f}|")
print(f"{n:,} {n:_} {n:,.2f} {n:>12,} {n:012,} {n:e} {n:.3e} {n:x} {n:#x} {n:o} {n:b}")
print(f"{2.675:.2f} {0.125:.2f} {0.375:.2f} {2.5:.0f} {3.5:.0f} {1.005:.2f} {1e-7:.3f} {-0.0001:.2f}")
print(f"{1.0:.0e} {123456789.0:.10g} {1e16:g} {1e-5:g} {0.0001:g} {100000.0:g} {1000000.0:g} {0.5:.0%}")
print(f"{1:03d} {42:>5} {42:<5}| {42:^6}| {-42:06d} {7:+d} {255:08b} {3.0:.1f} {3:.1f}")
name = "loss"
print(f"{name:>8}|{name:<8}|{name:^9}|{name:*^9}|{name:.2}|{name!r}|{'x':->5}")
for step, value in [(0, 0.7071067811865476), (100, 0.031), (1000, 1.5e-06)]:
    print(f"step {step:5d}  loss {value:10.6f}  ({value:.3e})")
