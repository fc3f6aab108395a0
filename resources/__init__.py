"""Icons, styles and translations."""

import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def path(*parts):
    """The file path of a bundled resource, e.g. ``path("icons", "app.svg")``."""
    return os.path.join(_HERE, *parts)
