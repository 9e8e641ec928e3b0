"""Checking what was loaded: rule files against their schema and each other, figures against the rules."""
