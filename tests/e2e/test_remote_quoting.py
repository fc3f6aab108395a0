"""Hostile device names, paths and project names through the status and snapshot commands.

Deploys with hostile names are covered in tests/e2e/test_deploy_ssh.py::test_hostile_names_are_quoted_everywhere
and the relay command with a hostile path in tests/core/test_relay.py::test_command_quotes_a_hostile_path. Here
the same kind of names go through the status probe (device name, stream path, the deployed record's project
name) on a virtual DeepLens and through the CLI snapshot (stream path) on a real OpenSSH sshd, and nothing
extra may run: no marker file appears, neither in the device's folder nor in the sshd user's home.
"""

import dataclasses
import json
import os
from pathlib import Path

from deeplens_gui import cli
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.core.status import get_status
from deeplens_gui.sim.fleet import VirtualDevice
from tests.fixtures.frames import make_jpegs

#: every way a forgotten quote would run something: $( ), backticks, ; and &&, quotes of both kinds
HOSTILE = "cam $(touch PWNED1); 'q\" `touch PWNED2` x && touch PWNED3 ; echo"


def pwned(*folders):
    """Marker files the hostile names would create if anything ran them."""
    found = []
    for folder in folders:
        for path in Path(folder).rglob("PWNED*"):
            found.append(str(path))
    return found


def test_status_probe_with_hostile_device_path_and_project_names(tmp_path):
    virtual = VirtualDevice("virtual-1", tmp_path / HOSTILE / "device")
    virtual.start()
    try:
        record = {"project": "face", "name": HOSTILE, "version": HOSTILE, "code_sha256": "c2hh",
                  "source": "folder:" + HOSTILE, "deployed_at": "2026-01-01T00:00:00Z",
                  "deployed_by": HOSTILE, "stream_path": str(virtual.stream_path), "runner": "ssh"}
        path = virtual.root / layout.DEPLOYED_RECORD
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record))
        known = tmp_path / "known_hosts"
        known.write_text(virtual.known_hosts_line() + "\n")
        options = SshOptions(known_hosts=str(known), allow_agent=False, look_for_keys=False, use_keyring=False,
                             connect_timeout=5)
        device = dataclasses.replace(virtual.device(), name=HOSTILE, stream_path=str(virtual.stream_path))
        assert HOSTILE in device.stream_path
        with DeviceConnection(device, options) as connection:
            status = get_status(connection, sample_seconds=0.5)
    finally:
        virtual.stop()
    assert status.reachable, status.reason
    assert status.name == HOSTILE
    assert status.record is not None and status.record.name == HOSTILE and status.record.version == HOSTILE
    assert pwned(tmp_path) == []


def test_snapshot_with_a_hostile_stream_path(sshd, deeplens_fifo, tmp_path, capsys):
    folder = tmp_path / HOSTILE
    folder.mkdir()
    writer = deeplens_fifo(frames=make_jpegs(10), path=folder / (HOSTILE + ".mjpeg"))
    out = tmp_path / "frame.jpg"
    code = cli.main(["snapshot", "{0}@{1}:{2}".format(sshd.user, sshd.host, sshd.port), "-i", sshd.client_key,
                     "-F", sshd.ssh_config, "--known-hosts", sshd.known_hosts, "--stream-path", writer.path,
                     "-o", str(out), "--timeout", "10"])
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes() in writer.produced
    assert pwned(tmp_path) == []
    home = os.path.expanduser("~" + sshd.user)
    assert not any(os.path.exists(os.path.join(home, "PWNED{0}".format(i))) for i in (1, 2, 3))
