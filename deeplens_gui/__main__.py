"""``python -m deeplens_gui`` runs the same CLI as ``deeplens-gui``."""

import sys

from deeplens_gui.cli import main

sys.exit(main())
