"""Consistency checks: great-expectations suites over the marts, findings into checks.findings."""
