"""``python -m privacymodel``: the same as the ``privacymodel`` command."""

import sys

from privacymodel.cli import main

sys.exit(main())
