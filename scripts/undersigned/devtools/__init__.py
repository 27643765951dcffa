"""Benchmarks, generators and measurements for developers (not used at run time)."""
