"""``deeplens-gui deploy PROJECT TARGET...``: deploy a project to one or more cameras from the command line.

Targets are deployed in parallel (at most ``--jobs`` at once, default 4). Every step change is printed as one
line ``TARGET: step state: message``; at the end each target gets one line saying what runs there now, on
stdout when it worked and on stderr when it failed or the project reports errors.

Exit status: 0 every target runs its new project well; 1 any target failed (and was rolled back to what ran
before); else 2 any target was deployed with problems: the project streams but reports errors (kept, unless
``--rollback-on-errors`` asked to roll it back, which makes it a failure).
"""

import getpass
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from deeplens_gui.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_PROBLEMS,
    PROG,
    add_ssh_options,
    connect,
    fail,
    positive_int,
    results_of,
    wait_for,
)
from deeplens_gui.core import cloud, secrets
from deeplens_gui.core.deploy.greengrass import GreengrassDeployBackend
from deeplens_gui.core.deploy.service import RUNNING, CancelToken, DeployResult, DeployService
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import DEFAULT_VERIFY_TIMEOUT, SshDeployBackend
from deeplens_gui.core.errors import DeepLensError
from deeplens_gui.core.secrets import SudoPasswords

DEFAULT_JOBS = 4
BACKENDS = ("ssh", "greengrass")
_TIMEOUT_HELP = ("deploy over ssh: wait up to S seconds for the new project's first frames (default 60); "
                 "greengrass: for the deployment to finish")


def add_parser(sub):
    """Add the deploy subcommand to ``sub`` (argparse subparsers)."""
    parser = sub.add_parser("deploy", help="put a project on devices (over SSH, or through Greengrass V1)")
    add_arguments(parser)
    parser.set_defaults(run_command=run)


def add_arguments(parser):
    """Add the deploy arguments (and the common connection options) to ``parser``."""
    parser.add_argument("project", metavar="PROJECT",
                        help="mask or face (bundled), a project folder, a Lambda zip file, or "
                             "lambda:NAME[:VERSION] (a published AWS Lambda version; the newest one without "
                             "VERSION); a folder or zip without manifest.json runs on python2.7 and streams "
                             "/tmp/results.mjpeg")
    parser.add_argument("targets", metavar="TARGET", nargs="+",
                        help="[user@]host[:port], a Host alias from your ssh config, or a roster name")
    parser.add_argument("--via", choices=BACKENDS, default="ssh",
                        help="ssh (default: works for every camera) or greengrass (AWS Greengrass V1, until "
                             "AWS ends it on 7 October 2026)")
    parser.add_argument("--profile", metavar="P",
                        help="AWS profile for lambda: projects and --via greengrass")
    parser.add_argument("--region", metavar="R", help="AWS region for lambda: projects and --via greengrass")
    parser.add_argument("--handler", metavar="MODULE.FUNCTION",
                        help="the handler of a project without manifest.json (default: the Lambda's "
                             "configured handler, or the one module that defines function_handler)")
    parser.add_argument("--sudo-password-env", metavar="VAR",
                        help="read the camera's sudo password (aws_cam's, asked by a DeepLens's sudo to stop "
                             "Greengrass) from this environment variable; without it the deploy asks on a "
                             "terminal, and a password sudo accepted is kept in the system keyring")
    parser.add_argument("--rollback-on-errors", action="store_true",
                        help="roll back a project that streams but reports errors (default: keep it, the "
                             "error may be fixed on the camera; exit status 2)")
    parser.add_argument("--jobs", type=positive_int, default=DEFAULT_JOBS, metavar="N",
                        help="deploy to at most N cameras at once (default {0})".format(DEFAULT_JOBS))
    add_ssh_options(parser, target=False)
    # The common --timeout means "no frame for S seconds" elsewhere; for a deploy it bounds the wait for the
    # new project, with the backend's own default when not given.
    parser.set_defaults(timeout=None)
    for action in parser._actions:
        if "--timeout" in action.option_strings:
            action.help = _TIMEOUT_HELP


def build_service(args):
    """The DeployService with the backends the arguments ask for."""
    backends = {"ssh": SshDeployBackend(verify_timeout=args.timeout or DEFAULT_VERIFY_TIMEOUT,
                                        sudo_passwords=sudo_passwords(args))}

    def client_factory(service, region=None):
        return cloud.client(service, profile=args.profile, region=region or args.region)

    options = {"client_factory": client_factory}
    if args.timeout:
        options["timeout"] = args.timeout
    backends["greengrass"] = GreengrassDeployBackend(**options)
    return DeployService(backends, default="ssh")


def sudo_passwords(args):
    """Where the deploy gets a camera's sudo password: the keyring, then ``--sudo-password-env`` (not saved),
    then a prompt when stdin is a terminal (saved in the keyring once sudo accepted it); else none."""
    value = secrets.from_environment(getattr(args, "sudo_password_env", None), "--sudo-password-env",
                                     allow_empty=False)
    if value is not None:
        return SudoPasswords(ask=lambda device: value, keep=False)
    if not (sys.stdin is not None and sys.stdin.isatty()):
        return SudoPasswords()

    def ask(device):
        return getpass.getpass("sudo password of {0} on {1} (to stop Greengrass; empty: skip): ".format(
            device.user, device.name)) or None

    return SudoPasswords(ask=ask)


def run(args):
    """Deploy ``args.project`` to every ``args.targets``; returns the exit status."""
    try:
        source = resolve_source(args.project, profile=args.profile, region=args.region, handler=args.handler)
        service = build_service(args)
    except DeepLensError as error:
        fail(error)
        return EXIT_FAILED
    printer = _Printer()
    tokens = {target: CancelToken(rollback_on_errors=args.rollback_on_errors) for target in args.targets}

    def deploy_one(target):
        try:
            connection = connect(args, target)
        except DeepLensError as error:
            return DeployResult(target, False, str(error))
        try:
            return service.deploy(connection, source, via=args.via, cancel=tokens[target],
                                  on_event=lambda event: printer.event(target, event))
        finally:
            connection.close()

    pool = ThreadPoolExecutor(max_workers=min(args.jobs, len(args.targets)), thread_name_prefix="deploy")
    futures = []
    try:
        futures.extend(pool.submit(deploy_one, target) for target in args.targets)
        results = results_of(futures)
    except KeyboardInterrupt:
        _cancel_and_wait(tokens.values(), pool, futures)
        return EXIT_INTERRUPTED
    pool.shutdown(wait=True)
    failed = troubled = 0
    for target, result in zip(args.targets, results):
        if result.ok and result.problem is not None:
            troubled += 1
            print("{0}: warning: {1}: {2}".format(PROG, target, result.message), file=sys.stderr)
        elif result.ok:
            print("{0}: {1}".format(target, result.message))
        else:
            failed += 1
            fail(result.message, target)
    if failed:
        return EXIT_FAILED
    return EXIT_PROBLEMS if troubled else 0


def _cancel_and_wait(tokens, pool, futures):
    """Cancel every deploy and wait for the cancelled ones to put their cameras back. A second Ctrl+C, at any
    moment of this, ends the command at once: each camera whose deploy it leaves half done puts its deployed
    project back itself once it hears nothing more (the runner's lock keeper), so only the waiting is given
    up."""
    try:
        for token in tokens:
            token.cancel()
        pool.shutdown(wait=False, cancel_futures=True)  # deploys not started yet never start
        print("Interrupted: cancelling the deploys still running; each camera keeps or gets back what it ran "
              "before (Ctrl+C again to stop waiting).", file=sys.stderr, flush=True)
        wait_for(futures)
    except KeyboardInterrupt:
        print("Stopped waiting: each camera puts its deployed project back itself once it hears nothing more "
              "from this deploy.", file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(EXIT_INTERRUPTED)  # the deploy threads would keep the interpreter from exiting


class _Printer:
    """Prints step changes from several deploy threads, one whole line at a time; progress in 25% steps."""

    def __init__(self):
        self._lock = threading.Lock()
        self._quarter = {}

    def event(self, target, event):
        if event.state == RUNNING and event.progress is not None:
            quarter = int(event.progress * 4)
            if quarter <= self._quarter.get((target, event.step), -1):
                return
            self._quarter[(target, event.step)] = quarter
        line = "{0}: {1} {2}: {3}".format(target, event.step, event.state, event.message)
        with self._lock:
            print(line, flush=True)
