"""``deeplens-gui sim``: run N virtual DeepLens devices on 127.0.0.1 until Ctrl-C.

Prints one line per device (name, ssh target, key, stream path), writes a roster and a known_hosts file so the
app never has to accept a host key blindly, says whether the devices have the camera's paths (their own mount
namespaces) and which Python runs python2.7 projects, and prints a command that views one device.
``--setup-python2`` prepares the camera's Python 2.7 (deeplens_gui.sim.python2) and exits.
"""

import argparse
import os
import shlex
import signal
import sys
import threading
import time
from pathlib import Path

from deeplens_gui.core.device import PROJECT_STREAM
from deeplens_gui.sim import python2
from deeplens_gui.sim.fleet import PROJECTS, Fleet
from deeplens_gui.sim.namespace import mode_sentence

#: how often the main thread wakes while the devices run, so that a stop signal is felt (seconds)
_SIGNAL_POLL = 0.2


def add_arguments(parser):
    """Add the ``sim`` options to ``parser``."""
    parser.add_argument("--devices", type=_positive, default=1, metavar="N", help="how many devices (default 1)")
    parser.add_argument(
        "--project",
        choices=PROJECTS + ("none",),
        default="face",
        help="bundled project each device runs (default face; none = SSH only)",
    )
    parser.add_argument("--scene", default="scene", metavar="SPEC", help="what the virtual cameras see")
    parser.add_argument(
        "--greengrass",
        choices=PROJECTS,
        metavar="PROJECT",
        help="a camera as the workshop left it: Greengrass (a greengrassd unit run through systemctl) runs this "
        "bundled project and starts it at boot; use with --project none",
    )
    parser.add_argument(
        "--sudo-password-env",
        metavar="VAR",
        help="sudo on the devices asks for aws_cam's password, as on a DeepLens: the value of this environment "
        "variable (only a salted hash is kept)",
    )
    parser.add_argument("--fps", type=_rate, default=15.0, metavar="F",
                        help="frames per second the virtual cameras give their projects (default 15)")
    parser.add_argument("--roster-out", type=Path, metavar="FILE", help="write the devices' roster (TOML) here")
    parser.add_argument(
        "--base-dir",
        type=Path,
        metavar="DIR",
        help="keep the devices' directories (and keys) here instead of a temporary directory",
    )
    parser.add_argument(
        "--setup-python2",
        action="store_true",
        help="prepare the camera's Python 2.7 (with numpy 1.16.6, OpenCV 4.2 and boto3 1.17) in the user "
        "cache folder for projects whose runtime is python2.7, then exit",
    )
    parser.add_argument(
        "--python2-source",
        choices=("auto", "debian"),
        default="auto",
        help="with --setup-python2: auto (this machine's python2.7, else Debian's) or debian (Debian "
        "bullseye's python2.7 packages)",
    )
    return parser


def _positive(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("{0!r} is not a positive number of devices".format(text))
    return value


def _rate(text):
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0.5 <= value <= 60:
        raise argparse.ArgumentTypeError("{0!r} is not a frame rate from 0.5 to 60".format(text))
    return value


class _Progress:
    """"Starting N virtual DeepLens device(s): k/N" on one line (a terminal) or every tenth of the way."""

    def __init__(self, out):
        self.out = out
        self.tty = getattr(out, "isatty", lambda: False)()
        self.lock = threading.Lock()

    def __call__(self, started, count):
        with self.lock:
            if self.tty:
                end = "\n" if started == count else ""
                print("\rStarting {0} virtual DeepLens device(s): {1}/{0}".format(count, started), end=end,
                      file=self.out, flush=True)
            elif started == count or started % max(1, count // 10) == 0:
                print("Starting {0} virtual DeepLens device(s): {1}/{0}".format(count, started), file=self.out,
                      flush=True)


def run(args, stop_event=None, out=None):
    """Start the fleet, print how to reach it, wait for SIGINT/SIGTERM (or ``stop_event``), stop. Returns 0."""
    out = out or sys.stdout
    if args.setup_python2:
        python2.prepare(source=args.python2_source, progress=lambda line: print(line, file=out, flush=True))
        return 0
    stop_event = stop_event or threading.Event()
    project = None if args.project == "none" else args.project
    greengrass = getattr(args, "greengrass", None)
    if greengrass and project:
        print("deeplens-gui sim: error: --greengrass runs the camera's project through Greengrass; add "
              "--project none.", file=sys.stderr)
        return 2
    sudo_password = None
    if getattr(args, "sudo_password_env", None):
        sudo_password = os.environ.get(args.sudo_password_env)
        if not sudo_password:
            print("deeplens-gui sim: error: the environment variable {0} (--sudo-password-env) is not set or "
                  "empty.".format(args.sudo_password_env), file=sys.stderr)
            return 2
    previous = _install_signal_handlers(stop_event)
    started = time.monotonic()
    try:
        fleet = Fleet(args.devices, base_dir=args.base_dir, project=project, scene=args.scene, greengrass=greengrass,
                      sudo_password=sudo_password, camera_fps=getattr(args, "fps", 15.0))
        with fleet.start(progress=_Progress(out)):
            roster = Path(args.roster_out) if args.roster_out else fleet.base_dir / "roster.toml"
            known_hosts = roster.with_name(roster.stem + ".known_hosts")
            fleet.write_known_hosts(known_hosts)
            fleet.write_roster(roster, known_hosts=known_hosts)
            _print_fleet(fleet, roster, known_hosts, project, time.monotonic() - started, out)
            if greengrass or sudo_password:
                print("As the workshop left them: {0}{1}.".format(
                    "Greengrass runs {0}".format(greengrass) if greengrass else "no Greengrass",
                    "; sudo asks for aws_cam's password" if sudo_password else ""), file=out, flush=True)
            # Waits in slices: the handler that sets the event runs only when this (main) thread runs, and the
            # kernel may hand Ctrl+C or SIGTERM to one of the servers' threads instead.
            while not stop_event.wait(_SIGNAL_POLL):
                pass
            print("Stopping {0} virtual device(s)...".format(len(fleet)), file=out, flush=True)
    finally:
        _restore_signal_handlers(previous)
    print("Stopped.", file=out, flush=True)
    return 0


def _print_fleet(fleet, roster, known_hosts, project, seconds, out):
    print(
        "{0} virtual DeepLens device(s) running {1} (started in {2:.2f} s):".format(
            len(fleet), project or "no project", seconds
        ),
        file=out,
    )
    for device in fleet:
        print(
            "{0}  {1}  -i {2}  stream {3}".format(
                device.name, device.target, device.client_key_path, device.device().stream_path),
            file=out,
        )
    print(mode_sentence(), file=out)
    print(python2.describe(), file=out)
    print("roster: {0}".format(roster), file=out)
    print("known_hosts: {0}".format(known_hosts), file=out)
    first = fleet.devices[0]
    command = [
        "deeplens-gui",
        "snapshot",
        first.target,
        "-i",
        str(first.client_key_path),
        "--known-hosts",
        str(known_hosts),
        "-o",
        "frame.jpg",
    ]
    if first.device().stream_path != PROJECT_STREAM:
        command += ["--stream-path", first.device().stream_path]
    print("view one: {0}".format(" ".join(shlex.quote(part) for part in command)), file=out)
    print("Press Ctrl-C to stop.", file=out, flush=True)


def _install_signal_handlers(stop_event):
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, lambda signum, frame: stop_event.set())
    return previous


def _restore_signal_handlers(previous):
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def main(argv=None):
    """Run ``sim`` on its own (``python -m deeplens_gui.sim.cli``)."""
    parser = argparse.ArgumentParser(prog="deeplens-gui sim", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
