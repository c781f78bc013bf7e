"""The checks layer: validating a file (reading it through the codec, then checking it), consistency between the
parts of a policy, the audit against what a law requires, and the comparison of two versions."""
