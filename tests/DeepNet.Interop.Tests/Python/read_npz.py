"""Loads .npz files with numpy and prints what numpy sees in them.

Usage: read_npz.py FILE...

Prints one JSON object: {file: {"keys": [keys in archive order], "arrays": {key: {"dtype", "shape", "bits",
"version", "fortran_order", "data_offset"}}}}, where bits are the IEEE 754 bit patterns of the values as float64 in
C order, and version, fortran_order and data_offset come from reading the .npy header with numpy.lib.format.
"""
import json
import sys
import zipfile

import numpy as np

report = {}
for path in sys.argv[1:]:
    arrays = {}
    with np.load(path) as npz:
        keys = list(npz.files)
        for key in keys:
            value = npz[key]
            arrays[key] = {
                "dtype": value.dtype.str,
                "shape": list(value.shape),
                "bits": value.astype(np.float64).ravel(order="C").view(np.uint64).tolist(),
            }
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            with archive.open(name) as entry:
                version = np.lib.format.read_magic(entry)
                if version != (1, 0):
                    raise SystemExit(f"{name}: .npy version {version}, 1.0 expected")
                _, fortran_order, _ = np.lib.format.read_array_header_1_0(entry)
                array = arrays[name[: -len(".npy")]]
                array["version"] = list(version)
                array["fortran_order"] = bool(fortran_order)
                array["data_offset"] = entry.tell()
    report[path] = {"keys": keys, "arrays": arrays}
print(json.dumps(report))
