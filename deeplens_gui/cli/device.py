"""``deeplens-gui stop|reboot|logs|results``: what the device panel and the classroom do, from a terminal.

``stop TARGET...`` and ``reboot TARGET... [--yes]`` act on every target and print one line per target (on
stderr when it failed); ``logs TARGET [-f]`` prints the project's log (``-f``: and follows it);
``results TARGET [-f] [--json]`` prints the results the project publishes, as they arrive with ``-f``.
The same core functions as the window (``core/actions.py``). Exit status: 0 done, 1 any target failed,
130 interrupted (the way to end ``-f``).
"""

import datetime
import json
import sys

from deeplens_gui.cli.common import EXIT_FAILED, add_ssh_options, connect, fail, positive_int
from deeplens_gui.core import actions, commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.errors import DeepLensError

#: lines shown before following (logs) or results shown (results)
DEFAULT_LINES = 20
_TARGETS_HELP = "[user@]host[:port], an ssh alias or a roster name"


def add_parsers(sub):
    """Add the stop, reboot, logs and results subcommands to ``sub`` (argparse subparsers)."""
    stop = sub.add_parser("stop", help="stop the project DeepLens Console runs on devices")
    stop.add_argument("targets", metavar="TARGET", nargs="+", help=_TARGETS_HELP)
    add_ssh_options(stop, target=False)
    reboot = sub.add_parser("reboot", help="reboot devices (sudo without a password on the camera)")
    reboot.add_argument("targets", metavar="TARGET", nargs="+", help=_TARGETS_HELP)
    reboot.add_argument("--yes", action="store_true",
                        help="reboot without asking (needed when not interactive)")
    add_ssh_options(reboot, target=False)
    logs = sub.add_parser("logs", help="the project's log (the runner's project.log or its Greengrass log)")
    add_ssh_options(logs)
    logs.add_argument("-f", "--follow", action="store_true", help="go on printing new lines until Ctrl-C")
    logs.add_argument("-n", "--lines", type=positive_int, default=DEFAULT_LINES, metavar="N",
                      help="how many of the last lines to show first (default {0})".format(DEFAULT_LINES))
    results = sub.add_parser("results", help="the results the project publishes (its inference topic)")
    add_ssh_options(results)
    results.add_argument("-f", "--follow", action="store_true",
                         help="go on printing new results until Ctrl-C")
    results.add_argument("--json", action="store_true", help="one JSON object per line, as published")
    results.add_argument("-n", "--lines", type=positive_int, default=DEFAULT_LINES, metavar="N",
                         help="how many of the newest results to show first (default {0})".format(
                             DEFAULT_LINES))
    for parser in (stop, reboot, logs, results):
        parser.set_defaults(run_command=run)


def run(args):
    """Run the stop, reboot, logs or results command; returns the exit status."""
    if args.command in ("stop", "reboot"):
        return _each_target(args)
    connection = connect(args)
    try:
        if args.command == "logs":
            return _logs(connection, args)
        return _results(connection, args)
    finally:
        connection.close()


def _each_target(args):
    if args.command == "reboot" and not args.yes and not _confirmed(args.targets):
        fail("not rebooting {0}: confirm with --yes.".format(", ".join(args.targets)))
        return EXIT_FAILED
    act = actions.stop_project if args.command == "stop" else actions.reboot
    failed = 0
    for target in args.targets:
        try:
            connection = connect(args, target)
            try:
                print("{0}: {1}".format(target, act(connection)))
            finally:
                connection.close()
        except DeepLensError as error:
            failed += 1
            fail(error, target)
    return EXIT_FAILED if failed else 0


def _confirmed(targets):
    if not sys.stdin.isatty():
        return False
    answer = input("Reboot {0}? Their projects stop until they are back (about a minute). [y/N] ".format(
        ", ".join(targets)))
    return answer.strip().lower() in ("y", "yes")


def _logs(connection, args):
    if args.follow:
        first = []

        def on_line(line):
            if not first:  # the tail's first line names the file
                first.append(line)
                path, _ = commands.parse_log_tail(line + "\n")
                print("==> {0} <==".format(path) if path else "No project log on {0} yet.".format(
                    connection.device.name), file=sys.stderr, flush=True)
                return
            print(line, flush=True)

        actions.follow(connection, commands.log_tail_command(args.lines, [layout.PROJECT_LOG], follow=True),
                       on_line)
        return 0
    path, lines = actions.read_log(connection, args.lines)
    if path is None:
        print("No project log on {0} yet.".format(connection.device.name), file=sys.stderr)
        return 0
    print("==> {0} <==".format(path), file=sys.stderr)
    for line in lines:
        print(line)
    return 0


def _result_text(record, as_json):
    if as_json:
        return json.dumps(record, sort_keys=True)
    when = record.get("time")
    stamp = (datetime.datetime.fromtimestamp(when).strftime("%H:%M:%S")
             if isinstance(when, (int, float)) and not isinstance(when, bool) else "-")
    payload = record.get("payload")
    return "{0}  {1}  {2}".format(stamp, record.get("topic", "-"),
                                  payload if isinstance(payload, str) else json.dumps(payload))


def _results(connection, args):
    if args.follow:
        def on_line(line):
            record = actions.parse_result_line(line)
            if record is not None:
                print(_result_text(record, args.json), flush=True)

        actions.follow(connection, commands.results_tail_command(args.lines, layout.RESULTS, follow=True),
                       on_line)
        return 0
    records = actions.read_results(connection, args.lines)
    if not records:
        print("{0} has published no results yet.".format(connection.device.name), file=sys.stderr)
    for record in records:
        print(_result_text(record, args.json))
    return 0
