"""The formats layer: what a policy becomes outside privacymodel (TILT, W3C DPV, a rendered label) and back."""
