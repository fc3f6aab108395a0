"""What a user does to one device besides deploying: stop its project, reboot it, read its project's log and
its published results (once, or following them as they arrive). Blocking and Qt-free: the window runs these
on its job runner, the CLI calls them directly, so both say the same sentences.
"""

import json
import socket

from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.errors import CommandError, ConnectionLost, DeepLensError
from deeplens_gui.core.text import say

#: how long stopping or rebooting may take (seconds)
ACTION_TIMEOUT = 60.0
#: how long reading a log or the results may take (seconds)
READ_TIMEOUT = 20.0
_CHUNK = 65536
#: how long one read of a followed log waits before it looks again (seconds): the caller's thread wakes so a
#: Ctrl+C given to another thread (paramiko's) is felt on a quiet log too
_FOLLOW_SLICE = 0.25


def stop_project(connection):
    """Stop the project DeepLens Console's runner runs on the device; the sentence saying what happened.

    Raises CommandError when the runner could not stop it."""
    name = connection.device.name
    result = connection.run(commands.runner_command(layout.RUNNER_SCRIPT, layout.APP_DIR, "stop"),
                            timeout=ACTION_TIMEOUT, check=False)
    if result.status != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        if result.status == 2 and detail and ("No such file" in detail[-1] or "can't open" in detail[-1]):
            return say("Nothing to stop on {0}: no project was deployed by DeepLens Console.", name)
        reason = detail[-1] if detail else say("exit status {0}", result.status)
        raise CommandError(say("Could not stop the project on {0}: {1}", name, reason))
    if '"stopped": true' in result.text:
        return say("The project on {0} was stopped.", name)
    return say("Nothing was running on {0}.", name)


def reboot(connection):
    """Reboot the device (sudo without a password); the sentence saying it reboots. Raises DeepLensError."""
    try:
        connection.run(commands.reboot_command(), timeout=ACTION_TIMEOUT, check=True)
    except ConnectionLost:
        pass  # a rebooting device may drop the connection before it reports the command's end
    return say("{0} is rebooting.", connection.device.name)


def read_log(connection, lines, runner=False):
    """``(path or None, lines)`` of the project's log tail: the newest of the runner's project.log and the
    Greengrass user Lambda logs (a cloud-managed DeepLens); ``runner`` reads the runner's own log instead."""
    if runner:
        command = commands.log_tail_command(lines, [layout.RUNNER_LOG], greengrass=False)
    else:
        command = commands.log_tail_command(lines, [layout.PROJECT_LOG], greengrass=True)
    result = connection.run(command, timeout=READ_TIMEOUT, check=False)
    return commands.parse_log_tail(result.stdout)


def parse_result_line(line):
    """A published result ``{"time", "topic", "payload"}`` from one results line; None for anything else."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):  # device output: a torn or foreign line is skipped
        return None
    if not isinstance(record, dict) or "payload" not in record:
        return None
    return record


def read_results(connection, lines):
    """The newest ``lines`` published results, oldest first (dicts ``{"time", "topic", "payload"}``)."""
    result = connection.run(commands.results_tail_command(lines, layout.RESULTS), timeout=READ_TIMEOUT,
                            check=False)
    found = (parse_result_line(line) for line in result.stdout.decode("utf-8", "replace").splitlines())
    return [record for record in found if record is not None]


def follow(connection, command, on_line):
    """Run ``command`` (a following tail) and call ``on_line(text)`` for every line it prints, until it ends
    or the connection is closed. Raises DeepLensError when the channel cannot be opened."""
    channel = connection.open_channel(command)
    channel.settimeout(_FOLLOW_SLICE)
    pending = b""
    try:
        while True:
            try:
                data = channel.recv(_CHUNK)
            except socket.timeout:  # nothing new yet (an OSError: must come before the clause below)
                continue
            if not data:
                break
            pending += data
            *complete, pending = pending.split(b"\n")
            for line in complete:
                on_line(line.decode("utf-8", "replace"))
    except OSError as error:
        raise DeepLensError(say("Reading from {0} stopped: {1}", connection.device.name, error)) from None
    finally:
        channel.close()
    if pending:
        on_line(pending.decode("utf-8", "replace"))
