"""``deeplens-gui sim``: the virtual DeepLens's own command (deeplens_gui.sim.cli) under the app's CLI."""

from deeplens_gui.sim import cli as sim_cli


def add_parser(sub):
    """Add the sim subcommand to ``sub`` (argparse subparsers)."""
    parser = sub.add_parser("sim", help="run virtual DeepLens devices on this machine until Ctrl-C")
    sim_cli.add_arguments(parser)
    parser.set_defaults(run_command=sim_cli.run)
