"""Benchmarks and evaluations behind `make bench`; each module has a main()."""
