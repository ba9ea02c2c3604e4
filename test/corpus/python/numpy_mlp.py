# A NumPy matrix MLP on XOR (seed 000's network as a learner writes it with numpy): shapes and the loss fall.
import numpy as np

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])
W1 = np.array([[0.5, -0.4, 0.3], [-0.2, 0.6, -0.5]])
W2 = np.array([[0.7], [-0.3], [0.4]])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


print(X.shape, W1.shape, (X @ W1).shape, W1.T.shape)
for step in range(2000):
    h = sigmoid(X @ W1)
    out = sigmoid(h @ W2)
    err = Y - out
    d_out = err * out * (1 - out)
    d_h = (d_out @ W2.T) * h * (1 - h)
    W2 = W2 + h.T @ d_out
    W1 = W1 + X.T @ d_h
    if step % 500 == 0:
        print(step, f"{float(np.sum(err ** 2)):.6f}")
print(f"{float(np.sum((Y - sigmoid(sigmoid(X @ W1) @ W2)) ** 2)):.6f}")
print(np.sum(X, axis=0, keepdims=True).shape, np.sum(X, axis=1).shape, float(np.mean(X)))
