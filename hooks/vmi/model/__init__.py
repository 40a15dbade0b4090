"""Typed content: one pydantic model per content kind (they also give the JSON Schemas)."""
