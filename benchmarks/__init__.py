"""Benchmarks (``make bench``): figures printed for a person, never run by the tests."""
