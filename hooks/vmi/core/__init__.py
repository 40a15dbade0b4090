"""Foundations every layer uses: reading files with line marks, bounds, French errors
and messages, slugs, suggestions, fenced blocks, the project's settings."""
