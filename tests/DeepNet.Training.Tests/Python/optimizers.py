"""Applies the course's update rules for several steps to seeded parameters and gradients.

Usage: optimizers.py SEED STEPS LEARNING_RATE N0 N1 ... NL
Draws, from np.random.seed(SEED): the flat parameters (randn), then each step's flat gradients (randn), in the layout
W1, b1, W2, b2, ... of the layer sizes given. Prints JSON {optimizer: [flat parameters after step 1, 2, ...]} for
gd, momentum, rmsprop and adam with the course's default hyperparameters.
"""
import json
import sys

import numpy as np

from course_optimizers import Optimizer, flatten, unflatten

seed, steps, learning_rate = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
layer_dims = [int(n) for n in sys.argv[4:]]
count = sum(layer_dims[l] * layer_dims[l - 1] + layer_dims[l] for l in range(1, len(layer_dims)))

np.random.seed(seed)
initial = np.random.randn(count)
gradients = [np.random.randn(count) for _ in range(steps)]

result = {}
for name in ("gd", "momentum", "rmsprop", "adam"):
    parameters = unflatten(initial, layer_dims)
    optimizer = Optimizer(name, parameters)
    trace = []
    for g in gradients:
        parameters = optimizer.update(parameters, unflatten(g, layer_dims, "d"), learning_rate)
        trace.append([float(x) for x in flatten(parameters, layer_dims)])
    result[name] = trace
json.dump(result, sys.stdout)
