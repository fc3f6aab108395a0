"""The CLI against virtual DeepLens devices running the real face project, exactly as against sshd."""

import cv2
import numpy as np
import pytest

from deeplens_gui import cli
from deeplens_gui.core.mjpeg import FrameReader

pytestmark = pytest.mark.slow


@pytest.fixture
def face_fleet(sim_fleet, tmp_path):
    fleet = sim_fleet(3, project="face")
    known_hosts = fleet.write_known_hosts(tmp_path / "class.known_hosts")
    roster = fleet.write_roster(tmp_path / "class.toml", known_hosts=known_hosts)
    return fleet, roster, known_hosts


def test_record_three_virtual_devices_from_the_roster(face_fleet, tmp_path, capsys):
    fleet, roster, _ = face_fleet
    for device in fleet.devices:
        out = tmp_path / (device.name + ".mjpeg")
        assert cli.main(["record", device.name, "--roster", str(roster), "-o", str(out), "--frames", "5"]) == 0
        reader = FrameReader()
        frames = reader.feed(out.read_bytes())
        assert len(frames) == 5 and len(set(frames)) == 5
        image = cv2.imdecode(np.frombuffer(frames[-1], np.uint8), cv2.IMREAD_COLOR)
        assert image.shape == (480, 858, 3), "the face project streams 480p"
    assert capsys.readouterr().out.count("Saved 5 frames") == 3


def test_snapshot_by_target_with_key_and_known_hosts(face_fleet, tmp_path):
    fleet, _, known_hosts = face_fleet
    device = fleet.devices[0]
    out = tmp_path / "face.png"
    assert cli.main(["snapshot", device.target, "-i", str(device.client_key_path), "--known-hosts",
                     str(known_hosts), "--stream-path", str(device.stream_path), "-o", str(out)]) == 0
    assert cv2.imread(str(out)).shape == (480, 858, 3)


def test_stopped_project_is_reported(face_fleet, tmp_path, capsys):
    fleet, roster, _ = face_fleet
    device = fleet.devices[1]
    device.stop_project()
    code = cli.main(["snapshot", device.name, "--roster", str(roster), "-o", str(tmp_path / "x.jpg"),
                     "--timeout", "3"])
    assert code == 1
    assert "No project" in capsys.readouterr().err


def test_unknown_roster_name_is_a_clear_error(face_fleet, tmp_path, capsys):
    _, roster, _ = face_fleet
    assert cli.main(["snapshot", "desk-99", "--roster", str(roster), "-o", str(tmp_path / "x.jpg")]) == 1
    assert capsys.readouterr().err == (
        "deeplens-gui: error: 'desk-99' is not a device in class.toml (its devices are virtual-1, virtual-2, "
        "virtual-3), and no host of that name resolves.\n")
    # A near miss is a typo: said before any lookup.
    assert cli.main(["snapshot", "virtul-2", "--roster", str(roster), "-o", str(tmp_path / "x.jpg")]) == 1
    assert capsys.readouterr().err == (
        "deeplens-gui: error: 'virtul-2' is not a device in class.toml: did you mean 'virtual-2'?\n")


def test_a_missing_key_file_is_named_first(face_fleet, tmp_path, capsys):
    fleet, _, known_hosts = face_fleet
    device = fleet.devices[0]
    missing = tmp_path / "no-such-key"
    assert cli.main(["snapshot", device.target, "-i", str(missing), "--known-hosts", str(known_hosts),
                     "--stream-path", str(device.stream_path), "-o", str(tmp_path / "x.jpg")]) == 1
    assert capsys.readouterr().err == (
        "deeplens-gui: error: The key file {0} does not exist, so {1} refused the login for user aws_cam (no key "
        "or password to offer). Check the path given with -i or IdentityFile.\n".format(missing, device.target))


def test_a_wrong_stream_path_names_the_path_the_running_project_writes(face_fleet, tmp_path, capsys):
    from deeplens_gui.core.roster import load_roster
    from deeplens_gui.core.ssh import DeviceConnection, SshOptions
    from deeplens_gui.core.status import run_probe

    fleet, roster, known_hosts = face_fleet
    device = load_roster(roster).get(fleet.devices[2].name)
    with DeviceConnection(device, SshOptions(known_hosts=str(known_hosts))) as connection:
        record = run_probe(connection).record
    assert cli.main(["snapshot", device.name, "--roster", str(roster), "--stream-path", "/tmp/typo.mjpeg",
                     "-o", str(tmp_path / "x.jpg"), "--timeout", "5"]) == 1
    assert capsys.readouterr().err == (
        "deeplens-gui: error: /tmp/typo.mjpeg does not exist on {0}, but Face detection {1} runs there and "
        "writes {2}: view {2} instead.\n".format(device.name, record.version, record.stream_path))
