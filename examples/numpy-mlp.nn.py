# numpy-mlp.nn.py: a 2-4-1 MLP on XOR with NumPy matrices: tanh hidden layer, sigmoid output, mean squared error,
# and a backward pass worked out by hand. GradLens draws the graph one node per matrix op, hovers show shapes and
# values, and the finite-difference check below compares the hand-written gradient of W1 with central differences.
import numpy as np

np.random.seed(0)
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])
W1 = np.random.randn(2, 4) * 0.5
b1 = np.zeros((1, 4))
W2 = np.random.randn(4, 1) * 0.5
b2 = np.zeros((1, 1))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(W1, b1, W2, b2):
    h = np.tanh(X @ W1 + b1)
    out = sigmoid(h @ W2 + b2)
    return h, out


def loss_of(out):
    return float(np.mean((out - Y) ** 2))


def backward(h, out):
    d_out = 2 * (out - Y) / Y.shape[0]   # d loss / d out
    d_z2 = d_out * out * (1 - out)       # through the sigmoid
    d_W2 = h.T @ d_z2
    d_b2 = np.sum(d_z2, axis=0, keepdims=True)
    d_h = d_z2 @ W2.T
    d_z1 = d_h * (1 - h ** 2)            # through tanh
    d_W1 = X.T @ d_z1
    d_b1 = np.sum(d_z1, axis=0, keepdims=True)
    return d_W1, d_b1, d_W2, d_b2


# The hand-written gradient of one weight against central differences, before training.
h, out = forward(W1, b1, W2, b2)
d_W1, d_b1, d_W2, d_b2 = backward(h, out)
eps = 1e-6
E = np.array([[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]])  # picks W1[0, 1]
numeric = (loss_of(forward(W1 + eps * E, b1, W2, b2)[1]) - loss_of(forward(W1 - eps * E, b1, W2, b2)[1])) / (2 * eps)
print(f"dL/dW1[0, 1]: backward {d_W1[0, 1]:.8f}, finite differences {numeric:.8f}")

lr = 2.0
for step in range(3001):
    h, out = forward(W1, b1, W2, b2)
    d_W1, d_b1, d_W2, d_b2 = backward(h, out)
    W1 = W1 - lr * d_W1
    b1 = b1 - lr * d_b1
    W2 = W2 - lr * d_W2
    b2 = b2 - lr * d_b2
    if step % 500 == 0:
        print(f"step {step:4d}  loss {loss_of(out):.6f}")

h, out = forward(W1, b1, W2, b2)
for i in range(4):
    print(f"{X[i, 0]:.0f} ^ {X[i, 1]:.0f} = {out[i, 0]:.3f}")
