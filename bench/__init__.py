"""Benchmark scripts of Kinerja (see bench/README.md). Not imported by the application."""
