"""The model layer: vocabularies, value formats, field declarations, the policy classes and the JSON Schema they imply.

Nothing here reads files or prints; every other layer builds on it.
"""
