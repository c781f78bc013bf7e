"""``python -m privacymodel``: the same as the ``privacymodel`` command."""

import sys

from ._cli import main

sys.exit(main())
