# print() of NumPy float arrays as learners print weights, activations and predictions: NumPy's own layout (unique
# digits up to 8, one column width, `1.` for whole numbers, scientific notation when magnitudes differ a thousandfold).
import numpy as np

np.random.seed(1)
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
W = np.random.randn(2, 3)
print(X)
print(W)
print(X @ W)
print(1 / (1 + np.exp(-(X @ W))))
print(W.T, W.shape, W.T.shape)
print(np.sum(W, axis=0, keepdims=True), np.sum(W, axis=1))
print(np.array([0.5, 1.0]), np.array([0.001, 2.0]), np.array([1e-05, 1.0, 100.0]))
print(np.zeros((2, 2)), np.ones((1, 3)) * 0.1)
print(np.random.rand(3, 2) * 10)
