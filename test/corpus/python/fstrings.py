# f-strings with format specs and conversions.
x = 3.14159265
n = 42
name = "loss"
print(f"{x:.3f} {x:.1f} {x:.0f} {n:5d}|{n:<5}|{n:>5}|{n:^6}|")
print(f"{x:e} {x:.2e} {1234567.0:,.2f} {0.25:.1%} {n:08.3f} {n:x} {n:b}")
print(f"{name!r} {name:>8} {name:*<8}")
print(f"{x} {n} {n / 4} {[1, 2]} {None} {True}")
print(f"{x:g} {0.00001234:g} {1e20:g} {n:+d} {-n:d}")
v = 0.000123
print(f"value {v:.3g}, grad {-v * 2:.4g}")
print("plain", 'single', """triple""", "tab\tnewline\\n", r"raw\n")
print("a" "b" 'c')
