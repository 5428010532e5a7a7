"""Prints JSON {"SEED M": np.random.permutation(M) after np.random.seed(SEED)} for each SEED:M argument."""
import json
import sys

import numpy as np

result = {}
for argument in sys.argv[1:]:
    seed, m = (int(part) for part in argument.split(":"))
    np.random.seed(seed)
    result[f"{seed} {m}"] = [int(i) for i in np.random.permutation(m)]
json.dump(result, sys.stdout)
