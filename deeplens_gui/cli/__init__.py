"""Command line: the GUI (default), the virtual DeepLens, and headless commands on the same core.

One module per command (or small family of commands): its ``add_parser(s)`` sets the ``run_command`` of its
subparser; ``common`` holds what they share. Expected failures print one line on stderr saying what happened
and what to do, and exit non-zero.
"""

import argparse
import sys

from deeplens_gui import __version__
from deeplens_gui.cli import capture, deploy, device, gui, sim, status
from deeplens_gui.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    PROG,
    add_ssh_options,
    configure_logging,
    fail,
    roster_miss,
)
from deeplens_gui.cli.demo import DemoClassroom
from deeplens_gui.core.errors import ConfigError, DeepLensError, HostNotFound

SIM_LINUX_ONLY = ("The virtual DeepLens (--demo and sim) runs on Linux only: like a camera, it gives each "
                  "virtual camera its own /tmp and /opt/awscam and runs Linux processes. On Windows and "
                  "macOS connect to a real camera, or run the demo in WSL or a Linux virtual machine.")


def main(argv=None):
    """Entry point of ``deeplens-gui`` and ``python -m deeplens_gui``. Returns the exit status."""
    args = build_parser().parse_args(argv)
    configure_logging(getattr(args, "debug", False))
    try:
        if (args.command == "sim" or args.demo) and not sys.platform.startswith("linux"):
            raise ConfigError(SIM_LINUX_ONLY)
        if args.command in (None, "gui"):
            # The CLI, not the GUI, owns the virtual DeepLens: the window gets a classroom to start and stop,
            # and whatever ends the window, the classroom is stopped here too (stop() is idempotent).
            demo = DemoClassroom() if args.demo else None
            try:
                return gui.run(args, demo=demo)
            finally:
                if demo is not None:
                    demo.stop()
        return args.run_command(args)
    except HostNotFound as error:
        fail(roster_miss(args) or error)
        return EXIT_FAILED
    except DeepLensError as error:
        fail(error)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def build_parser():
    """The argparse parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Watch and manage AWS DeepLens cameras over SSH. Without a command, starts the GUI.",
    )
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    gui.add_arguments(parser)
    add_ssh_options(parser, target=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui.add_parser(sub)
    capture.add_parsers(sub)
    status.add_parser(sub)
    deploy.add_parser(sub)
    device.add_parsers(sub)
    sim.add_parser(sub)
    return parser
