// sigmoid-gradcheck.nn.ts: a hand-written sigmoid and its hand-written derivative, checked against central
// differences (gradcheck(f, df, at)), and the autograd gradient of the same function (gradcheck(f, at)).
const sig = (x: number): number => 1 / (1 + exp(-x));
const dsig = (x: number): number => sig(x) * (1 - sig(x));

gradcheck(sig, dsig, 0.5);
gradcheck(sig, dsig, -3, { eps: 1e-5 });
gradcheck((a: number, b: number) => sig(a * b) + a, [0.3, -1.2]);

// The target: a param through the hand-written sigmoid, so hovers and the graph have something to show.
const w = param(0.25);
const out = sig(w * 2);
