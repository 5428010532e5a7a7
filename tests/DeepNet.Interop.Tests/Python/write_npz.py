"""Writes the course's parameter dictionary of a 6-5-4-3 network with numpy, in several variants.

Usage: write_npz.py OUTPUT_FOLDER SEED

Writes float64.npz (np.savez), float32.npz (float32 arrays), fortran.npz (Fortran-order arrays) and
compressed.npz (np.savez_compressed), then prints one JSON object:
{file name: {key: [IEEE 754 bit patterns of the values as float64, in C order]}}.
"""
import json
import os
import sys

import numpy as np

folder, seed = sys.argv[1], int(sys.argv[2])
layer_dims = [6, 5, 4, 3]
rng = np.random.default_rng(seed)
parameters = {}
for l in range(1, len(layer_dims)):
    parameters["W" + str(l)] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.5
    parameters["b" + str(l)] = rng.standard_normal((layer_dims[l], 1))

variants = {
    "float64.npz": (np.savez, parameters),
    "float32.npz": (np.savez, {key: value.astype(np.float32) for key, value in parameters.items()}),
    "fortran.npz": (np.savez, {key: np.asfortranarray(value) for key, value in parameters.items()}),
    "compressed.npz": (np.savez_compressed, parameters),
}
values = {}
for name, (save, arrays) in variants.items():
    save(os.path.join(folder, name), **arrays)
    values[name] = {
        key: np.ascontiguousarray(value, dtype=np.float64).ravel().view(np.uint64).tolist()
        for key, value in arrays.items()
    }
print(json.dumps(values))
