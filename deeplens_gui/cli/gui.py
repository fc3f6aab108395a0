"""``deeplens-gui [gui] [--demo] [--connect TARGET] [--roster FILE]``: the window (the default command)."""

from deeplens_gui.cli.common import EXIT_FAILED, fail


def add_arguments(parser):
    """Add the GUI's own options to the top-level ``parser`` (they apply without a command)."""
    parser.add_argument("--demo", action="store_true",
                        help="start the GUI on virtual DeepLens devices running on this machine")
    parser.add_argument("--connect", metavar="TARGET", dest="target",
                        help="GUI: connect to this device at start")


def add_parser(sub):
    """Add the gui subcommand to ``sub`` (argparse subparsers)."""
    sub.add_parser("gui", help="start the GUI (the default)")


def run(args, demo=None):
    """Run the GUI until it is closed; ``demo`` is the virtual classroom it shows (see cli/demo.py)."""
    # Imported here, not above: only the GUI loads Qt, the headless commands stay free of it. The check
    # runs before Qt can abort the process on a missing system library (exit 134 and a wall of Qt's text).
    from deeplens_gui.ui.preflight import check

    problem = check()
    if problem is not None:
        fail(problem.sentence())
        return EXIT_FAILED
    from deeplens_gui.ui.app import run_gui

    return run_gui(args, demo=demo)
