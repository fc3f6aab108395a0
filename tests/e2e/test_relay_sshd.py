"""The relay's files on the camera through real SSH sessions: a relay started and ended through sshd (the
channel closed, as a viewer does) leaves nothing of its own in the camera's /tmp. The 50-cycle count, the
other ways a relay ends and the folder's safety are in tests/core/test_relay.py (a private TMPDIR there, so
relays of concurrent test runs cannot interfere); here each cycle costs a real session."""

import os
import time

from deeplens_gui.core.commands import parse_relay_status, relay_command
from deeplens_gui.core.ssh import DeviceConnection
from deeplens_gui.remote import relay
from tests.e2e.test_sim_server import _wait_until
from tests.fixtures.frames import make_jpegs


def _ready_line(channel):
    data = b""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if channel.recv_stderr_ready():
            data += channel.recv_stderr(4096)
            for line in data.split(b"\n"):
                parsed = parse_relay_status(line)
                if parsed is not None and parsed[0] == "ready":
                    return parsed
        else:
            time.sleep(0.01)
    raise AssertionError("no ready line: {0!r}".format(data))


def test_relays_through_sshd_leave_nothing_in_tmp(sshd, deeplens_fifo, monkeypatch):
    writer = deeplens_fifo(frames=make_jpegs(100))
    monkeypatch.delenv("TMPDIR", raising=False)  # where the relay on the "camera" (sshd's session) puts them
    lock_path, sock_path = relay.rendezvous(writer.path)
    assert lock_path.startswith("/tmp/deeplens-relay-{0}/".format(os.getuid()))
    with DeviceConnection(sshd.device(), sshd.options()) as connection:
        for _ in range(10):
            channel = connection.open_channel(relay_command(writer.path, max_fps=5))
            assert _ready_line(channel) == ("ready", "hub")
            assert os.path.exists(lock_path) and os.path.exists(sock_path)
            assert oct(os.stat(os.path.dirname(lock_path)).st_mode & 0o777) == oct(0o700)
            channel.close()
            assert _wait_until(lambda: not os.path.exists(lock_path) and not os.path.exists(sock_path)), \
                "the relay left its files behind"
    # Other relays of this user (other tests) may use the folder meanwhile; ours is gone, and the folder goes
    # with the last pair.
    folder = os.path.dirname(lock_path)
    assert not os.path.isdir(folder) or os.path.basename(lock_path) not in os.listdir(folder)
