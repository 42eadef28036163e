"""ktxh: a warehouse for provincial socio-economic plan indicators (settings, errors; the CLI is ktxh.cli)."""
