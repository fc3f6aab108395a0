"""Command line: the GUI (default), the virtual DeepLens, and headless snapshot/record on the same core.

Expected failures print one line on stderr saying what happened and what to do, and exit non-zero.
"""

import argparse
import getpass
import logging
import os
import sys
import time
from dataclasses import replace

from deeplens_gui import __version__
from deeplens_gui.core.device import CAMERA_STREAM, PROJECT_STREAM
from deeplens_gui.core.errors import (
    ConfigError,
    DeepLensError,
    HostNotFound,
    NoStream,
    PassphraseNeeded,
    StreamError,
)
from deeplens_gui.core.recording import (
    RECORDING_TYPES,
    SNAPSHOT_TYPES,
    StdoutRecorder,
    open_recording,
    save_snapshot,
)
from deeplens_gui.core.roster import load_roster, not_in_roster, resolve_target

PROG = "deeplens-gui"
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130
STDOUT = "-"
SIM_LINUX_ONLY = ("The virtual DeepLens (--demo and sim) runs on Linux only: like a camera, it gives each virtual "
                  "camera its own /tmp and /opt/awscam and runs Linux processes. On Windows and macOS connect to a "
                  "real camera, or run the demo in WSL or a Linux virtual machine.")
CODEC_NAMES = {"libx264": "H.264", "mpeg4": "MPEG-4 Part 2: this FFmpeg has no H.264 encoder", "mjpeg": "MJPEG"}


def main(argv=None):
    """Entry point of ``deeplens-gui`` and ``python -m deeplens_gui``. Returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(getattr(args, "debug", False))
    command = args.command or "gui"
    try:
        if (command == "sim" or getattr(args, "demo", False)) and not sys.platform.startswith("linux"):
            raise ConfigError(SIM_LINUX_ONLY)
        if command == "gui":
            return _run_gui(args)
        if command == "sim":
            from deeplens_gui.sim import cli as sim_cli

            return sim_cli.run(args)
        if command == "snapshot":
            return snapshot(args)
        if command == "record":
            return record(args)
        if command == "status":
            from deeplens_gui import cli_status

            return cli_status.run(args)
        if command == "deploy":
            from deeplens_gui import cli_deploy

            return cli_deploy.run(args)
        if command in ("stop", "reboot", "logs", "results"):
            from deeplens_gui import cli_device

            return cli_device.run(args)
    except HostNotFound as error:
        _fail(_roster_miss(args) or error)
        return EXIT_FAILED
    except DeepLensError as error:
        _fail(error)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    parser.error("unknown command {0!r}".format(command))
    return 2


def build_parser():
    """The argparse parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Watch and manage AWS DeepLens cameras over SSH. Without a command, starts the GUI.",
    )
    parser.add_argument("--version", action="version", version="%(prog)s " + __version__)
    parser.add_argument("--demo", action="store_true",
                        help="start the GUI on virtual DeepLens devices running on this machine")
    parser.add_argument("--connect", metavar="TARGET", dest="target",
                        help="GUI: connect to this device at start")
    _add_ssh_options(parser, target=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", help="start the GUI (the default)")

    snap = sub.add_parser("snapshot", help="save one frame of a device's stream")
    _add_ssh_options(snap)
    snap.add_argument("-o", "--output", required=True, metavar="FILE",
                      help="file to write: .jpg keeps the JPEG as received, .png decodes it; "
                           "- writes the JPEG to standard output")

    rec = sub.add_parser("record", help="record a device's stream to a file")
    _add_ssh_options(rec)
    rec.add_argument("-o", "--output", required=True, metavar="FILE",
                     help=".mjpeg keeps every received JPEG byte for byte; .mp4 is H.264 and .avi keeps the "
                          "JPEGs, both timed as the frames arrived; - writes MJPEG to standard output "
                          "(for ffplay -f mjpeg - or mplayer)")
    limit = rec.add_mutually_exclusive_group(required=True)
    limit.add_argument("--frames", type=_positive_int, metavar="N", help="stop after N unique frames")
    limit.add_argument("--seconds", type=_positive_float, metavar="S", help="stop after S seconds")

    from deeplens_gui import cli_deploy, cli_status

    status = sub.add_parser("status", help="what each device really runs, merged with what AWS says")
    cli_status.add_arguments(status)
    deploy = sub.add_parser("deploy", help="put a project on devices (over SSH, or through Greengrass V1)")
    cli_deploy.add_arguments(deploy)
    from deeplens_gui import cli_device

    cli_device.add_arguments(sub)

    sim = sub.add_parser("sim", help="run virtual DeepLens devices on this machine until Ctrl-C")
    from deeplens_gui.sim import cli as sim_cli

    sim_cli.add_arguments(sim)
    return parser


def _add_ssh_options(parser, target=True):
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
    group.add_argument("--roster", metavar="FILE", help="classroom roster: TARGET may be a device name from it")
    group.add_argument("--stream-path", metavar="PATH", default=None,
                       help="stream on the device (default {0}; the camera's own stream is {1})".format(
                           PROJECT_STREAM, CAMERA_STREAM))
    group.add_argument("--timeout", type=_positive_float, default=20.0, metavar="S",
                       help="give up when no frame arrives for S seconds (default 20)")
    group.add_argument("--passphrase-env", metavar="VAR",
                       help="read the passphrase of an encrypted key from this environment variable (on a "
                            "terminal you are asked instead)")
    # SUPPRESS: given before or after the command, a default of the other parser must not reset it.
    group.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="log every step, with the details of expected failures, on stderr")


def _configure_logging(debug):
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


def _positive_int(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


def _positive_float(text):
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def _roster_miss(args):
    """A target that is not in the given roster names that first, rather than the failed DNS lookup."""
    if not getattr(args, "roster", None) or not getattr(args, "target", None):
        return None
    try:
        return not_in_roster(args.target, load_roster(args.roster))
    except DeepLensError:
        return None


def _fail(error):
    print("{0}: error: {1}".format(PROG, error), file=sys.stderr)


def _run_gui(args):
    # Before Qt can abort the process on a missing system library (exit 134 and a wall of Qt's text).
    from deeplens_gui.ui.preflight import check

    problem = check()
    if problem is not None:
        print("{0}: error: {1}".format(PROG, problem.sentence()), file=sys.stderr)
        return EXIT_FAILED
    from deeplens_gui.ui.app import run_gui

    return run_gui(args)


def ssh_options(args, roster=None):
    """SshOptions from the common connection arguments (a roster may name the known_hosts file)."""
    from deeplens_gui.core.ssh import SshOptions

    password = _from_environment(args.password_env, "--password-env")
    passphrase = _from_environment(args.passphrase_env, "--passphrase-env")
    known_hosts = args.known_hosts or (roster.known_hosts if roster is not None else None)
    # No connection attempt may outlast --timeout, the connect included; deploy's is None (its own default).
    timeout = SshOptions.connect_timeout
    if args.timeout is not None:
        timeout = min(args.timeout, timeout)
    return SshOptions(ssh_config=args.ssh_config, known_hosts=known_hosts,
                      accept_new_host_key=args.accept_new_host_key, password=password, passphrase=passphrase,
                      connect_timeout=timeout)


def _from_environment(variable, option):
    """The value of the environment variable an option names (None when the option is not given)."""
    if not variable:
        return None
    if variable not in os.environ:
        raise ConfigError("The environment variable {0} named by {1} is not set.".format(variable, option))
    return os.environ[variable]


#: passphrase prompts before giving up, as ssh allows
PASSPHRASE_TRIES = 3


def open_asking_passphrase(connection, args):
    """Open ``connection``; on a terminal, ask for the passphrase of an encrypted key when it is needed."""
    from deeplens_gui.core import secrets

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


def _connection(args):
    from deeplens_gui.core.ssh import DeviceConnection

    roster = load_roster(args.roster) if args.roster else None
    device = resolve_target(args.target, roster, stream_path=args.stream_path or PROJECT_STREAM,
                            identity=args.identity)
    if roster is not None and device in roster.devices:
        if args.stream_path:
            device = device.with_stream(args.stream_path)
        if args.identity:
            device = replace(device, identity=args.identity)
    connection = DeviceConnection(device, ssh_options(args, roster))
    open_asking_passphrase(connection, args)
    return connection


def _check_type(path, allowed, what):
    ext = os.path.splitext(path)[1].lower()
    if ext not in allowed:
        raise ConfigError("{0} are saved as {1}, not {2!r}.".format(what, ", ".join(allowed), ext or path))


def snapshot(args):
    """``deeplens-gui snapshot TARGET -o FILE`` (``-o -``: the JPEG on standard output)."""
    to_stdout = args.output == STDOUT
    if not to_stdout:
        _check_type(args.output, SNAPSHOT_TYPES, "Snapshots")
    frames = []
    with _connection(args) as connection:
        _stream(connection, args, frames.append, lambda: len(frames) >= 1)
    if to_stdout:
        StdoutRecorder().write(frames[0])
        return 0
    save_snapshot(frames[0], args.output)
    print("Saved a frame of {0} to {1}".format(args.target, args.output))
    return 0


def record(args):
    """``deeplens-gui record TARGET -o FILE (--frames N | --seconds S)``; ``-o -`` streams MJPEG to stdout."""
    if args.output == STDOUT:
        recorder = StdoutRecorder()
    else:
        _check_type(args.output, RECORDING_TYPES, "Recordings")
        recorder = open_recording(args.output)
    # Progress and results go to stderr when the frames themselves go to stdout.
    report = sys.stderr if args.output == STDOUT else sys.stdout
    started = []

    def write(jpeg):
        if not started:
            started.append(time.monotonic())
        recorder.write(jpeg)

    def done():
        if getattr(recorder, "gone", False):
            return True  # the player reading standard output was closed
        if args.frames:
            return recorder.frames >= args.frames
        return bool(started) and time.monotonic() - started[0] >= args.seconds

    def stop_at():
        # --seconds ends on time even when the next frame is far away (a camera at 2 fps).
        return started[0] + args.seconds if started and args.seconds else None

    try:
        with _connection(args) as connection:
            _stream(connection, args, write, done, stop_at)
    except DeepLensError as error:
        if not recorder.frames:
            recorder.discard()
            raise
        _finish(recorder)
        _fail(error)
        print("Saved the {0} frames received before that to {1}".format(recorder.frames,
                                                                          _output_name(args.output)),
              file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        _finish(recorder)
        print("Interrupted: saved {0} frames to {1}".format(recorder.frames, _output_name(args.output)),
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except BaseException:
        recorder.discard()
        raise
    _finish(recorder)
    codec = getattr(recorder, "codec", None)
    print("Saved {0} frames of {1} to {2}{3}".format(recorder.frames, args.target, _output_name(args.output),
                                                       " ({0})".format(CODEC_NAMES.get(codec, codec)) if codec
                                                       else ""), file=report)
    return 0


def _output_name(output):
    return "standard output" if output == STDOUT else output


def _finish(recorder):
    if recorder.frames:
        recorder.close()
    else:
        recorder.discard()


def _stream(connection, args, on_jpeg, done, stop_at=lambda: None):
    """Stream every unique frame to ``on_jpeg`` until ``done()`` (or the time ``stop_at()`` gives); raise on
    failure."""
    from deeplens_gui.core.stream import FrameSource, StreamState

    connection.open()  # typed connect/auth/host-key errors surface here, before the stream starts
    with FrameSource(connection, max_fps=0, decode=False, reconnect=True) as source:
        while not done():
            deadline = time.monotonic() + args.timeout
            end = stop_at()
            frame = next(source.frames(until=deadline if end is None else min(deadline, end)), None)
            if frame is not None:
                on_jpeg(frame.jpeg)
                continue
            if done():
                return
            status = source.status
            if status.state in (StreamState.FAILED, StreamState.STOPPED):
                raise status.error or StreamError(status.message or "The stream from {0} ended.".format(
                    args.target))
            if status.state is StreamState.WAITING or isinstance(status.error, NoStream):
                from deeplens_gui.core.status import explain_missing_stream

                # A project that runs but writes another path: a mistyped stream path, not "no project".
                raise explain_missing_stream(connection, connection.device.stream_path) or (
                    status.error if isinstance(status.error, NoStream) else NoStream(status.message))
            if isinstance(status.error, DeepLensError):
                raise status.error
            raise StreamError("No frame arrived from {0} within {1:g} s ({2}).".format(
                args.target, args.timeout, status.message or status.state.value))
