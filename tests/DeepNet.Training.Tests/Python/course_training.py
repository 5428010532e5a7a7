"""Mini-batch training as the course's Course 2 notebooks write it, on a network of any depth.

Reads JSON from stdin: layer_dims, activations (one per layer: relu, leaky_relu, tanh, sigmoid, linear; the output is
sigmoid with cross-entropy), X and Y (flat, row-major, examples as columns), parameters (flat, W1, b1, W2, b2, ...),
batch_size, epochs, shuffle_seed, learning_rate, decay_rate, lambd and optimizer (gd, momentum, rmsprop or adam).
Each epoch e: learning_rate0 / (1 + decay_rate * e) (the course's update_lr), random_mini_batches with seed
shuffle_seed + e, then per mini-batch forward propagation (Course 1, Week 4), the cost with L2 regularization and
backward propagation with it (Course 2, Week 1), and the optimizer's update (Course 2, Week 2).
Prints JSON {"costs": [cost of each epoch: sum over mini-batches of size * cost / m], "parameters": flat}.
"""
import json
import math
import sys

import numpy as np

from course_optimizers import Optimizer, flatten, unflatten


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((Y.shape[0], m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:m]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def activation_forward(Z, activation):
    if activation == "relu":
        return np.maximum(0, Z)
    if activation == "leaky_relu":
        return np.where(Z > 0, Z, 0.01 * Z)
    if activation == "tanh":
        return np.tanh(Z)
    if activation == "sigmoid":
        return 1 / (1 + np.exp(-Z))
    if activation == "linear":
        return Z
    raise ValueError(activation)


def activation_backward(dA, Z, activation):
    if activation == "relu":
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
        return dZ
    if activation == "leaky_relu":
        return np.where(Z > 0, dA, 0.01 * dA)
    if activation == "tanh":
        return dA * (1 - np.power(np.tanh(Z), 2))
    if activation == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        return dA * s * (1 - s)
    if activation == "linear":
        return dA
    raise ValueError(activation)


def L_model_forward(X, parameters, activations):
    caches = []
    A = X
    for l in range(1, len(activations) + 1):
        A_prev = A
        Z = np.dot(parameters["W" + str(l)], A_prev) + parameters["b" + str(l)]
        A = activation_forward(Z, activations[l - 1])
        caches.append((A_prev, Z))
    return A, caches


def compute_cost_with_regularization(AL, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = (-1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    L = len(parameters) // 2
    L2_regularization_cost = (1 / m) * (lambd / 2) * sum(np.sum(np.square(parameters["W" + str(l)])) for l in range(1, L + 1))
    return float(cross_entropy_cost + L2_regularization_cost)


def L_model_backward_with_regularization(AL, Y, caches, parameters, activations, lambd):
    grads = {}
    m = AL.shape[1]
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, len(activations) + 1)):
        A_prev, Z = caches[l - 1]
        W = parameters["W" + str(l)]
        dZ = activation_backward(dA, Z, activations[l - 1])
        grads["dW" + str(l)] = 1. / m * np.dot(dZ, A_prev.T) + (lambd / m) * W
        grads["db" + str(l)] = 1. / m * np.sum(dZ, axis=1, keepdims=True)
        dA = np.dot(W.T, dZ)
    return grads


def model(X, Y, layer_dims, activations, parameters, optimizer, batch_size, epochs, shuffle_seed, learning_rate0, decay_rate, lambd):
    m = X.shape[1]
    costs = []
    for epoch in range(epochs):
        learning_rate = learning_rate0 / (1 + decay_rate * epoch)
        cost_total = 0
        for mini_batch_X, mini_batch_Y in random_mini_batches(X, Y, batch_size, shuffle_seed + epoch):
            AL, caches = L_model_forward(mini_batch_X, parameters, activations)
            cost_total += mini_batch_X.shape[1] * compute_cost_with_regularization(AL, mini_batch_Y, parameters, lambd)
            grads = L_model_backward_with_regularization(AL, mini_batch_Y, caches, parameters, activations, lambd)
            parameters = optimizer.update(parameters, grads, learning_rate)
        costs.append(cost_total / m)
    return parameters, costs


case = json.load(sys.stdin)
layer_dims = case["layer_dims"]
m = len(case["X"]) // layer_dims[0]
X = np.array(case["X"], dtype=np.float64).reshape(layer_dims[0], m)
Y = np.array(case["Y"], dtype=np.float64).reshape(layer_dims[-1], m)
parameters = unflatten(case["parameters"], layer_dims)
optimizer = Optimizer(case["optimizer"], parameters)
parameters, costs = model(X, Y, layer_dims, case["activations"], parameters, optimizer, case["batch_size"], case["epochs"],
                          case["shuffle_seed"], case["learning_rate"], case["decay_rate"], case["lambd"])
json.dump({"costs": costs, "parameters": [float(x) for x in flatten(parameters, layer_dims)]}, sys.stdout)
