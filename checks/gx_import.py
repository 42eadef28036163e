"""great-expectations: imported without what our suites do not use; its context and validation definitions."""

from __future__ import annotations

import copy
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any


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


def _context(site: Path):
    gx = great_expectations()
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    project = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        data_docs_sites={
            "ktxh_checks": {
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        },
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(project_config=project, mode="ephemeral")


def definitions(suites: list, site: Path) -> tuple[Any, dict[str, Any]]:
    """A GX context writing Data Docs to ``site``, and a validation definition per suite
    (``checks.runner.Suite``; its data: a whole dataframe, given when it runs)."""
    gx = great_expectations()
    context = _context(site)
    source = context.data_sources.add_pandas("ktxh_warehouse")
    definitions = {}
    for suite in suites:
        asset = source.add_dataframe_asset(suite.table)
        batch = asset.add_batch_definition_whole_dataframe(f"{suite.table} (whole table)")
        spec = {k: copy.deepcopy(v) for k, v in suite.spec.items() if k in ("name", "expectations", "meta", "notes")}
        gx_suite = context.suites.add(gx.ExpectationSuite(**spec))
        definitions[suite.name] = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite))
    return context, definitions
