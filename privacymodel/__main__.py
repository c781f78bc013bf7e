"""``python -m privacymodel``: the same as the ``privacymodel`` command."""

import sys

from privacymodel.cli.main import main

sys.exit(main())
