"""great-expectations, imported without what our suites do not use."""

from __future__ import annotations

import importlib.util
import os
import sys


def great_expectations():
    """The great_expectations module, imported with scipy.stats put off until something uses it.

    GX imports every expectation it has at start; two of them, and two metrics, import
    scipy.stats at the top of their module (about 0,5 s idle, 0,8 s under load, 500 modules),
    and none of our suites uses them.  ``importlib.util.LazyLoader`` makes scipy.stats a module
    that is loaded on its first attribute read, should a suite ever need it."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    if "great_expectations" not in sys.modules and "scipy.stats" not in sys.modules:
        spec = importlib.util.find_spec("scipy.stats")
        if spec is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
            module = importlib.util.module_from_spec(spec)
            sys.modules["scipy.stats"] = module
            spec.loader.exec_module(module)
            setattr(sys.modules["scipy"], "stats", module)
    import great_expectations

    return great_expectations
