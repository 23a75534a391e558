"""Benchmarks of the SOAP server against baselines measured in the same run (see bench/README.md)."""
