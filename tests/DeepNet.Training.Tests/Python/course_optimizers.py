"""The update rules of deeplearning.ai Course 2, Week 2 ("Optimization Methods"), as the notebook writes them.

Parameters and gradients are the course's dictionaries {"W1", "b1", ...} and {"dW1", "db1", ...}. RMSprop is not
in the notebook's code; it is written here in the same style from the lecture's formula.
"""
import numpy as np


def update_parameters_with_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def initialize_velocity(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def update_parameters_with_rmsprop(parameters, grads, s, beta, learning_rate, epsilon=1e-8):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = "d" + name + str(l)
            s[key] = beta * s[key] + (1 - beta) * np.power(grads[key], 2)
            parameters[name + str(l)] = parameters[name + str(l)] - learning_rate * grads[key] / (np.sqrt(s[key]) + epsilon)
    return parameters, s


def initialize_adam(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta1 * v["dW" + str(l)] + (1 - beta1) * grads["dW" + str(l)]
        v["db" + str(l)] = beta1 * v["db" + str(l)] + (1 - beta1) * grads["db" + str(l)]
        v_corrected["dW" + str(l)] = v["dW" + str(l)] / (1 - np.power(beta1, t))
        v_corrected["db" + str(l)] = v["db" + str(l)] / (1 - np.power(beta1, t))
        s["dW" + str(l)] = beta2 * s["dW" + str(l)] + (1 - beta2) * np.power(grads["dW" + str(l)], 2)
        s["db" + str(l)] = beta2 * s["db" + str(l)] + (1 - beta2) * np.power(grads["db" + str(l)], 2)
        s_corrected["dW" + str(l)] = s["dW" + str(l)] / (1 - np.power(beta2, t))
        s_corrected["db" + str(l)] = s["db" + str(l)] / (1 - np.power(beta2, t))
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v_corrected["dW" + str(l)] / (np.sqrt(s_corrected["dW" + str(l)]) + epsilon)
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v_corrected["db" + str(l)] / (np.sqrt(s_corrected["db" + str(l)]) + epsilon)
    return parameters, v, s


class Optimizer:
    """One run of an update rule by name: "gd", "momentum", "rmsprop" or "adam", with the course's t counted per update."""

    def __init__(self, name, parameters, beta=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.name = name
        self.beta, self.beta1, self.beta2, self.epsilon = beta, beta1, beta2, epsilon
        self.t = 0
        if name == "momentum":
            self.v = initialize_velocity(parameters)
        elif name == "rmsprop":
            self.s = initialize_velocity(parameters)
        elif name == "adam":
            self.v, self.s = initialize_adam(parameters)
        elif name != "gd":
            raise ValueError("unknown optimizer " + name)

    def update(self, parameters, grads, learning_rate):
        if self.name == "gd":
            return update_parameters_with_gd(parameters, grads, learning_rate)
        if self.name == "momentum":
            parameters, self.v = update_parameters_with_momentum(parameters, grads, self.v, self.beta, learning_rate)
            return parameters
        if self.name == "rmsprop":
            parameters, self.s = update_parameters_with_rmsprop(parameters, grads, self.s, self.beta, learning_rate, self.epsilon)
            return parameters
        self.t = self.t + 1
        parameters, self.v, self.s = update_parameters_with_adam(parameters, grads, self.v, self.s, self.t, learning_rate,
                                                                 self.beta1, self.beta2, self.epsilon)
        return parameters


def unflatten(flat, layer_dims, prefix=""):
    """W1, b1, W2, b2, ... (row-major) from one flat vector, as DeepNet lays out its parameters."""
    values = {}
    offset = 0
    for l in range(1, len(layer_dims)):
        rows, cols = layer_dims[l], layer_dims[l - 1]
        values[prefix + "W" + str(l)] = np.array(flat[offset:offset + rows * cols], dtype=np.float64).reshape(rows, cols)
        offset += rows * cols
        values[prefix + "b" + str(l)] = np.array(flat[offset:offset + rows], dtype=np.float64).reshape(rows, 1)
        offset += rows
    assert offset == len(flat)
    return values


def flatten(values, layer_dims, prefix=""):
    parts = []
    for l in range(1, len(layer_dims)):
        parts.append(values[prefix + "W" + str(l)].ravel())
        parts.append(values[prefix + "b" + str(l)].ravel())
    return np.concatenate(parts)
