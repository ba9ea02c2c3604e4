# NumPy arrays made from ints are int arrays, and print without points; mixing in a float makes them floats.
import numpy as np

A = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([0, 1, 1, 0])
print(A)
print(y, A.shape, y.shape)
print(A.T @ y)
print(A * 2, A + 0.5)
print(np.array([1, 2.0]), np.array([[1, -22], [333, 4]]))
