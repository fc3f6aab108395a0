"""What every command shares: the connection options, the roster lookup, the output of failures, exit codes.

The command modules import this one and never each other (an import-linter contract keeps it so).
"""

import argparse
import concurrent.futures
import getpass
import logging
import sys
from dataclasses import replace

from deeplens_gui.core import secrets
from deeplens_gui.core.device import CAMERA_STREAM, PROJECT_STREAM
from deeplens_gui.core.errors import DeepLensError, PassphraseNeeded
from deeplens_gui.core.roster import load_roster, not_in_roster, resolve_target
from deeplens_gui.core.ssh import DeviceConnection, SshOptions

PROG = "deeplens-gui"
EXIT_OK = 0
EXIT_FAILED = 1
#: deploy and status: it worked, but a project reports errors
EXIT_PROBLEMS = 2
EXIT_INTERRUPTED = 130
#: passphrase prompts before giving up, as ssh allows
PASSPHRASE_TRIES = 3
#: how often a command's main thread wakes while its workers run (seconds). Python runs a signal's handler
#: (Ctrl+C's KeyboardInterrupt) only in the main thread, and only when that thread runs: the kernel may hand
#: SIGINT to a worker thread, and a main thread asleep in an untimed wait would not feel it until the work
#: ends.
INTERRUPT_POLL = 0.2


def wait_for(futures):
    """Return once every one of ``futures`` is done (or cancelled), waiting in slices so that Ctrl+C raises
    KeyboardInterrupt here within INTERRUPT_POLL seconds, whichever thread the signal reached."""
    pending = set(futures)
    while pending:
        _done, pending = concurrent.futures.wait(pending, timeout=INTERRUPT_POLL)


def results_of(futures):
    """The results of ``futures`` in their order, waited for as ``wait_for`` does."""
    wait_for(futures)
    return [future.result() for future in futures]


def add_ssh_options(parser, target=True):
    """Add the connection options (and with ``target`` the positional TARGET) to ``parser``."""
    if target:
        parser.add_argument("target", metavar="TARGET",
                            help="[user@]host[:port] or a Host alias from your ssh config")
    group = parser.add_argument_group("connection")
    group.add_argument("-i", "--identity", metavar="FILE", help="private key file")
    group.add_argument("-F", "--ssh-config", metavar="FILE", help="ssh config file (default ~/.ssh/config)")
    group.add_argument("--known-hosts", metavar="FILE", help="known_hosts file (default ~/.ssh/known_hosts)")
    group.add_argument("--accept-new-host-key", action="store_true",
                       help="record the host key of a device seen for the first time (a changed key is "
                            "still refused)")
    group.add_argument("--password-env", metavar="VAR",
                       help="read the SSH password from this environment variable")
    group.add_argument("--roster", metavar="FILE",
                       help="classroom roster: TARGET may be a device name from it")
    group.add_argument("--stream-path", metavar="PATH", default=None,
                       help="stream on the device (default {0}; the camera's own stream is {1})".format(
                           PROJECT_STREAM, CAMERA_STREAM))
    group.add_argument("--timeout", type=positive_float, default=20.0, metavar="S",
                       help="give up when no frame arrives for S seconds (default 20)")
    group.add_argument("--passphrase-env", metavar="VAR",
                       help="read the passphrase of an encrypted key from this environment variable (on a "
                            "terminal you are asked instead)")
    # SUPPRESS: given before or after the command, a default of the other parser must not reset it.
    group.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="log every step, with the details of expected failures, on stderr")


def positive_int(text):
    """argparse type: a whole number above zero."""
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


def positive_float(text):
    """argparse type: a number above zero."""
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def configure_logging(debug):
    """--debug: every log record (paramiko's too) on stderr. Otherwise stderr holds only our sentences."""
    if debug:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr,
                            format="%(asctime)s %(threadName)s %(name)s %(levelname)s: %(message)s")
    else:
        # Without a handler Python would print warnings of any library on stderr ("last resort"). Once: main()
        # runs many times in one process (tests, scripts importing the CLI).
        root = logging.getLogger()
        if not any(isinstance(handler, logging.NullHandler) for handler in root.handlers):
            root.addHandler(logging.NullHandler())


def fail(error, target=None):
    """Print ``error`` as the one line a failure gets on stderr (naming ``target`` when there are several)."""
    if target is None:
        print("{0}: error: {1}".format(PROG, error), file=sys.stderr)
    else:
        print("{0}: error: {1}: {2}".format(PROG, target, error), file=sys.stderr)


def roster_of(args):
    """The roster ``--roster`` names, or None."""
    return load_roster(args.roster) if args.roster else None


def roster_miss(args):
    """A target that is not in the given roster names that first, rather than the failed DNS lookup."""
    if not getattr(args, "roster", None) or not getattr(args, "target", None):
        return None
    try:
        return not_in_roster(args.target, roster_of(args))
    except DeepLensError:
        return None


def ssh_options(args, roster=None):
    """SshOptions from the common connection arguments (a roster may name the known_hosts file)."""
    password = secrets.from_environment(args.password_env, "--password-env")
    passphrase = secrets.from_environment(args.passphrase_env, "--passphrase-env")
    known_hosts = args.known_hosts or (roster.known_hosts if roster is not None else None)
    # No connection attempt may outlast --timeout, the connect included; deploy's is None (its own default).
    timeout = SshOptions.connect_timeout
    if args.timeout is not None:
        timeout = min(args.timeout, timeout)
    return SshOptions(ssh_config=args.ssh_config, known_hosts=known_hosts,
                      accept_new_host_key=args.accept_new_host_key, password=password, passphrase=passphrase,
                      connect_timeout=timeout)


def device_for(args, roster, target):
    """The Device ``target`` names (a roster name or ``[user@]host[:port]``), with --stream-path and
    --identity applied to a roster's device as well."""
    device = resolve_target(target, roster, stream_path=args.stream_path or PROJECT_STREAM,
                            identity=args.identity)
    if roster is not None and device in roster.devices:
        if args.stream_path:
            device = device.with_stream(args.stream_path)
        if args.identity:
            device = replace(device, identity=args.identity)
    return device


def open_asking_passphrase(connection, args):
    """Open ``connection``; on a terminal, ask for the passphrase of an encrypted key when it is needed."""
    for attempt in range(PASSPHRASE_TRIES + 1):
        try:
            return connection.open()
        except PassphraseNeeded as error:
            if attempt == PASSPHRASE_TRIES or args.passphrase_env or not sys.stdin.isatty():
                raise
            typed = getpass.getpass("Passphrase for key {0}: ".format(error.key_path))
            if not typed:
                raise
            secrets.remember("passphrase", error.user, error.host, error.port, typed)
    return connection


def connect(args, target=None):
    """An open DeviceConnection to ``target`` (default ``args.target``) with the command line's options."""
    roster = roster_of(args)
    device = device_for(args, roster, args.target if target is None else target)
    connection = DeviceConnection(device, ssh_options(args, roster))
    open_asking_passphrase(connection, args)
    return connection
