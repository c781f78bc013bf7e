"""The codec layer: bytes to text within limits, YAML and JSON to plain data, plain data to classes and back,
problems explained in the format's terms and placed at their line and column, and YAML written out."""
