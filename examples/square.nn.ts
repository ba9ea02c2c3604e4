// square.nn.ts: the tutorial's first expression, (x**2 + 3)**2 + y at x = 53, y = -17.
// Expected: value 7907327, ∂z/∂x = 596144, ∂z/∂y = 1.  Try: gradlens grad examples/square.nn.ts
const x = param(53);
const y = param(-17);
const z = (x ** 2 + 3) ** 2 + y;
