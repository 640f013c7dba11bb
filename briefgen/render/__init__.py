"""Renderers: each turns a Brief into one kind of file and does nothing else."""
