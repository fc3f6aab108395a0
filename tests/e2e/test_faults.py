"""Faults of a real classroom, injected for real, and the recovery each one must show.

Where each fault of the list is tested (this module unless a place is given):

===============================================  =================================================================
Fault                                            Test
===============================================  =================================================================
network black-holed mid-stream, then restored    test_blackhole_mid_stream_is_told_honestly_then_recovers
network reset mid-stream; 20 cut/restore cycles  test_reset_cycles_recover_and_leak_no_thread_or_socket
network slowed to a trickle                      test_trickle_keeps_the_stream_honest_and_memory_bounded
quiet device is not a dead network               test_a_device_waiting_for_a_project_is_not_declared_dead
device reboots (SSH server killed, restarted)    tests/e2e/test_stream_sshd.py::test_sshd_restart_mid_stream_recovers_by_itself
device reboots with the project not running yet  test_reboot_without_project_waits_then_goes_live
project crashes (FIFO stays, no writer)          tests/e2e/test_stream_sshd.py::test_project_crash_is_reported_and_recovers
device sends garbage / endless frame             test_bad_stream_data_keeps_the_last_good_frame[garbage|endless]
valid-looking JPEG whose decode fails            test_bad_stream_data_keeps_the_last_good_frame[undecodable]
a 50 MB "frame"                                  test_a_50_mb_frame_is_dropped_with_bounded_memory
... and the view keeps the last good image       test_video_view_keeps_the_last_good_image_on_corrupt_frames
authentication fails (exactly one attempt)       test_auth_failure_and_changed_host_key_are_tried_once
host key changed (exactly one attempt)           test_auth_failure_and_changed_host_key_are_tried_once
                                                 (CLI: tests/e2e/test_cli_sshd.py::test_changed_host_key_is_refused_even_with_accept_new)
DNS does not resolve / port closed: backoff      test_dns_failure_and_closed_port_back_off_without_a_storm
                                                 (CLI: tests/e2e/test_cli_sshd.py::test_closed_port_and_unknown_host)
disk full / read-only folder: snapshot, record   tests/core/test_recording.py::test_full_disk_gives_a_clear_error_and_keeps_the_old_file,
                                                 tests/core/test_recording.py::test_read_only_folder_gives_a_clear_error_and_keeps_the_old_file
... roster, settings                             tests/core/test_roster.py::test_saving_into_a_read_only_folder_fails_cleanly,
                                                 tests/core/test_roster.py::test_failed_replace_keeps_the_previous_file_and_no_temp,
                                                 tests/core/test_settings.py::test_failed_save_keeps_the_previous_file_and_no_temp
AWS throttles / AccessDenied                     tests/core/test_cloud.py::test_throttling_is_retried_with_backoff_then_explained,
                                                 tests/core/test_cloud.py::test_access_denied_sentence
AWS unreachable (closed port) during a status    test_status_with_aws_unreachable_keeps_the_device_part
AWS black-holed (time budget of a status)        OPEN: ~110 s per status today (5 attempts x 20 s read timeout + backoff);
                                                 the fix belongs in core/cloud.py + core/status.py (short timeouts for status)
fuzzing: MJPEG reader, probe output              tests/core/test_mjpeg.py, tests/core/test_probe.py
fuzzing: relay status, deployed record, results  tests/core/test_fuzz_parsers.py
secrets never written anywhere                   tests/e2e/test_secrets.py
hostile names/paths quoted (deploy, relay)       tests/e2e/test_deploy_ssh.py::test_hostile_names_are_quoted_everywhere,
                                                 tests/core/test_relay.py::test_command_quotes_a_hostile_path
hostile names/paths through status and snapshot  tests/e2e/test_remote_quoting.py
===============================================  =================================================================
"""

import dataclasses
import os
import sys
import threading
import time

import psutil
import pytest

from deeplens_gui.core.connections import ConnectionPool
from deeplens_gui.core.errors import (
    AuthFailed,
    ConnectionRefused,
    CorruptFrame,
    HostKeyChanged,
    HostNotFound,
)
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.core.stream import StreamState
from tests.fixtures.frames import make_jpeg, make_jpegs
from tests.fixtures.proxy import BLACKHOLE, PASS, RESET, TRICKLE
from tests.fixtures.sshd import free_port, write_key_pair

MIB = 1024 * 1024


def trusted_known_hosts(path, port, key):
    """A known_hosts file that trusts ``key`` for 127.0.0.1:``port`` (the proxy's port)."""
    path.write_text("[127.0.0.1]:{0} {1} {2}\n".format(port, key.get_name(), key.get_base64()))
    return str(path)


def through_proxy(sshd, proxy, tmp_path, stream_path, **options):
    """A Device + SshOptions reaching ``sshd`` through ``proxy``."""
    known = trusted_known_hosts(tmp_path / "known_hosts_proxy", proxy.port, sshd.host_key)
    device = sshd.device(name="proxied", port=proxy.port, stream_path=str(stream_path))
    options.setdefault("connect_timeout", 2.0)
    return device, sshd.options(known_hosts=known, **options)


def open_sockets():
    """TCP sockets of this process (the proxy's included: it runs in the test process)."""
    return len(psutil.Process().net_connections(kind="tcp"))


def our_threads():
    return [t for t in threading.enumerate() if t.is_alive()]


def rss():
    return psutil.Process().memory_info().rss


# ------------------------------------------------------------------------------------------ network faults

def test_blackhole_mid_stream_is_told_honestly_then_recovers(sshd, deeplens_fifo, tcp_proxy, run_source, tmp_path):
    writer = deeplens_fifo(frames=make_jpegs(900), fps=30)
    proxy = tcp_proxy(sshd.port)
    device, options = through_proxy(sshd, proxy, tmp_path, writer.path)
    pool = ConnectionPool(options)
    shared = pool.get(device)
    source, rec, _ = run_source(shared, stall_after=1.0, dead_after=4.0, backoff=(0.2, 1.0))
    rec.wait(lambda: len(rec.frames) >= 5)
    assert shared.run(["echo", "ok"]).text == "ok\n"
    old_transport = shared._transport

    cut = time.monotonic()
    proxy.set_mode(BLACKHOLE)
    rec.wait(lambda: StreamState.STALLED in rec.states())
    stalled = rec.last(StreamState.STALLED)
    assert "Nothing came from proxied" in stalled.message and "network" in stalled.message
    noticed = rec.wait(lambda: StreamState.RECONNECTING in rec.states(), timeout=10)
    assert noticed - cut < 4.0 + 2.0, "a dead network must be noticed within dead_after and a bit"
    reconnecting = rec.last(StreamState.RECONNECTING)
    assert "Nothing came from proxied for 4 s" in reconnecting.message
    assert "Reconnecting" in reconnecting.message and "last frame" in reconnecting.message
    assert reconnecting.last_frame_age >= 4.0
    # The shared connection was given up too, so status polls and deploys reconnect instead of hanging.
    assert not shared.is_open
    seen = len(rec.frames)
    time.sleep(2.5)  # let reconnect attempts meet the black hole too
    assert len(rec.frames) == seen and source.status.state is not StreamState.LIVE
    assert "last frame" in source.status.message

    restored = time.monotonic()
    proxy.set_mode(PASS)
    live = rec.wait(lambda: len(rec.frames) > seen + 3 and source.status.state is StreamState.LIVE, timeout=15)
    assert live - restored < 6.0, "the stream must resume by itself within a few seconds of restoration"
    assert rec.frames[-1].jpeg in writer.produced
    assert shared.run(["echo", "again"]).text == "again\n"
    assert shared._transport is not old_transport
    pool.close_all()


def test_reset_cycles_recover_and_leak_no_thread_or_socket(sshd, deeplens_fifo, tcp_proxy, run_source, tmp_path):
    writer = deeplens_fifo(frames=make_jpegs(60), fps=30)
    proxy = tcp_proxy(sshd.port)
    device, options = through_proxy(sshd, proxy, tmp_path, writer.path)
    source, rec, _ = run_source(DeviceConnection(device, options), backoff=(0.05, 0.4))
    rec.wait(lambda: len(rec.frames) >= 2 and source.status.state is StreamState.LIVE)
    # Steady state with one live connection: settle, then take the baseline.
    time.sleep(0.3)
    threads, sockets, fds = len(our_threads()), open_sockets(), psutil.Process().num_fds()

    for _cycle in range(20):
        count = len(rec.statuses)
        proxy.set_mode(RESET)
        rec.wait(lambda count=count: any(s.state is StreamState.RECONNECTING for _, s in rec.statuses[count:]),
                 timeout=5)
        proxy.set_mode(PASS)
        mark = len(rec.statuses)
        rec.wait(lambda mark=mark: any(s.state is StreamState.LIVE for _, s in rec.statuses[mark:]), timeout=8)
    assert source.stats().reconnects >= 20
    assert source.status.state is StreamState.LIVE

    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline:
        now = (len(our_threads()), open_sockets(), psutil.Process().num_fds())
        if now <= (threads, sockets, fds):
            break
        time.sleep(0.1)
    assert len(our_threads()) <= threads, [t.name for t in our_threads()]
    assert open_sockets() <= sockets
    assert psutil.Process().num_fds() <= fds


def test_trickle_keeps_the_stream_honest_and_memory_bounded(sshd, deeplens_fifo, tcp_proxy, run_source, tmp_path):
    writer = deeplens_fifo(frames=make_jpegs(900, 640, 480), fps=30)
    proxy = tcp_proxy(sshd.port)
    device, options = through_proxy(sshd, proxy, tmp_path, writer.path)
    source, rec, _ = run_source(DeviceConnection(device, options), max_fps=15, stall_after=3.0, dead_after=6.0)
    rec.wait(lambda: len(rec.frames) >= 10)
    fast = source.stats().fps
    proxy.set_mode(TRICKLE, rate=20000)
    time.sleep(1.0)
    before = rss()
    seen = len(rec.frames)
    time.sleep(7.0)
    grown = rss() - before
    stats = source.stats()
    assert source.status.state in (StreamState.LIVE, StreamState.STALLED), source.status
    assert StreamState.RECONNECTING not in rec.states(), "bytes still flow: the connection is not dead"
    if source.status.state is StreamState.LIVE:
        assert len(rec.frames) > seen and stats.fps < fast
        assert stats.bytes_per_s <= 20000 * 1.5
    else:
        assert "No new frame" in source.status.message
    assert grown < 8 * MIB, "memory grew by {0:.1f} MiB under a trickle".format(grown / MIB)
    proxy.set_mode(PASS)
    rec.wait(lambda: source.stats().fps > stats.fps and source.status.state is StreamState.LIVE, timeout=10)


def test_a_device_waiting_for_a_project_is_not_declared_dead(sshd, run_source, tmp_path):
    # The relay is silent while it waits; its heartbeat must keep a short dead_after from firing.
    connection = DeviceConnection(sshd.device(stream_path=str(tmp_path / "later.mjpeg")), sshd.options())
    source, rec, _ = run_source(connection, dead_after=4.0)
    rec.wait(lambda: StreamState.WAITING in rec.states())
    time.sleep(8.0)
    assert source.status.state is StreamState.WAITING
    assert StreamState.RECONNECTING not in rec.states()
    assert source.stats().reconnects == 0


def test_a_relay_slow_to_start_is_not_declared_dead(sim_device, run_source, tmp_path):
    # A camera busy with its project, or a whole classroom connecting at once, takes seconds to start the
    # relay's Python. That silence comes before the relay's first word and says nothing about the network.
    slow = tmp_path / "slow-bin"
    slow.mkdir()
    python3 = slow / "python3"
    python3.write_text("#!/bin/sh\nsleep 5\nexec {0} \"$@\"\n".format(sys.executable))
    python3.chmod(0o755)
    sim_device.server.env["PATH"] = "{0}{1}{2}".format(slow, os.pathsep, os.environ.get("PATH", os.defpath))
    known = tmp_path / "known_hosts"
    known.write_text(sim_device.known_hosts_line() + "\n")
    options = SshOptions(known_hosts=str(known), allow_agent=False, look_for_keys=False, use_keyring=False,
                         connect_timeout=3)
    sim_device.start_project("face")
    source, rec, _ = run_source(DeviceConnection(sim_device.device(), options), dead_after=3.0,
                                backoff=(0.2, 1.0))
    rec.wait(lambda: len(rec.frames) >= 2, timeout=30)
    assert StreamState.RECONNECTING not in rec.states(), rec.states()
    assert source.stats().reconnects == 0


def test_reboot_without_project_waits_then_goes_live(sim_device, run_source, tmp_path):
    known = tmp_path / "known_hosts"
    known.write_text(sim_device.known_hosts_line() + "\n")
    options = SshOptions(known_hosts=str(known), allow_agent=False, look_for_keys=False, use_keyring=False,
                         connect_timeout=3)
    sim_device.start_project("face")
    source, rec, _ = run_source(DeviceConnection(sim_device.device(), options), backoff=(0.2, 1.0))
    rec.wait(lambda: len(rec.frames) >= 2, timeout=20)

    sim_device.kill()
    rec.wait(lambda: StreamState.RECONNECTING in rec.states(), timeout=10)
    # A reboot empties /tmp: the FIFO of the dead Lambda is gone.
    if os.path.exists(sim_device.stream_path):
        os.unlink(sim_device.stream_path)
    sim_device.start(project=None)
    rec.wait(lambda: source.status.state is StreamState.WAITING, timeout=15)
    assert "No project is running" in source.status.message
    seen = len(rec.frames)
    sim_device.start_project("face")
    rec.wait(lambda: len(rec.frames) > seen + 2 and source.status.state is StreamState.LIVE, timeout=20)


# ------------------------------------------------------------------------------------------ bad data

def _undecodable(index):
    """A JPEG whose structure is fine but whose frame header says height 0: every decoder refuses it."""
    jpeg = bytearray(make_jpeg(index))
    sof = jpeg.find(b"\xff\xc0")
    jpeg[sof + 5:sof + 7] = b"\x00\x00"
    return bytes(jpeg)


def _no_ff(size):
    return os.urandom(size).replace(b"\xff", b"\x7f")


def _endless(size):
    """SOI, the headers of a real JPEG, then ``size`` bytes of scan data that never reach an EOI."""
    jpeg = make_jpeg(0)
    sos = jpeg.find(b"\xff\xda")
    header_end = sos + 2 + int.from_bytes(jpeg[sos + 2:sos + 4], "big")
    return jpeg[:header_end] + _no_ff(size)


def relay_processes(path):
    """The relay processes reading ``path`` (their command line holds it)."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info.get("cmdline") or []
        if str(path) in cmdline and "-c" in cmdline:
            found.append(process)
    return found


class PeakRss:
    """Samples the RSS of this process and of the relays of ``path`` in the background (max seen)."""

    def __init__(self, path):
        self.path = path
        self.own = 0
        self.relay = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-rss")

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)

    def _run(self):
        while not self._stop.wait(0.05):
            self.own = max(self.own, rss())
            for process in relay_processes(self.path):
                try:
                    self.relay = max(self.relay, process.memory_info().rss)
                except psutil.NoSuchProcess:
                    continue


BAD_DATA = {
    # kind: (bad frames, the words the status must say, the counter that must grow)
    "garbage": (lambda: [_no_ff(300000)] * 20, "not JPEG frames", "discarded_bytes"),
    "endless": (lambda: [_endless(12 * MIB)] * 3, "larger than the 8 MiB limit", "discarded_bytes"),
    "undecodable": (lambda: [_undecodable(i) for i in range(100, 130)], "could not be decoded", "corrupt"),
}


@pytest.mark.parametrize("kind", sorted(BAD_DATA))
def test_bad_stream_data_keeps_the_last_good_frame(kind, sshd, deeplens_fifo, run_source):
    make_bad, words, counter = BAD_DATA[kind]
    good, after = make_jpegs(10), make_jpegs(20, start=50)
    writer = deeplens_fifo(frames=good + make_bad() + after, fps=10)
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    base = rss()
    with PeakRss(writer.path) as peak:
        source, rec, thread = run_source(connection, max_fps=0, stall_after=1.0)
        rec.wait(lambda: any(f.jpeg == good[-1] for f in rec.frames))
        rec.wait(lambda: words in source.status.message, timeout=15)
        bad_status = source.status
        latest = source.latest()
        assert latest.jpeg in good, "the last good frame stays the newest one"
        assert getattr(source.stats(), counter) > 0
        assert thread.is_alive() and bad_status.state in (StreamState.LIVE, StreamState.STALLED,
                                                          StreamState.CONNECTING)
        assert "sshd-" in bad_status.message or kind == "undecodable"
        if kind == "undecodable":
            assert isinstance(bad_status.error, CorruptFrame)
        rec.wait(lambda: any(f.jpeg in after for f in rec.frames), timeout=20)
        rec.wait(lambda: source.status.state is StreamState.LIVE and source.status.message == "", timeout=5)
    assert all(f.jpeg in good + after for f in rec.frames), "nothing bad was ever delivered"
    assert peak.own - base < 64 * MIB, "viewer memory grew by {0:.0f} MiB".format((peak.own - base) / MIB)
    assert 0 < peak.relay < 64 * MIB, "relay memory {0:.0f} MiB".format(peak.relay / MIB)


def test_a_50_mb_frame_is_dropped_with_bounded_memory(sshd, deeplens_fifo, run_source):
    good, after = make_jpegs(5), make_jpegs(10, start=50)
    jpeg = make_jpeg(7)
    huge = jpeg[:-2] + _no_ff(50 * MIB) + b"\xff\xd9"  # a structurally whole JPEG of 50 MB
    writer = deeplens_fifo(frames=good + [huge] + after, fps=5)
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    base = rss()
    with PeakRss(writer.path) as peak:
        source, rec, thread = run_source(connection, max_fps=0, stall_after=1.0)
        rec.wait(lambda: any(f.jpeg == good[-1] for f in rec.frames))
        rec.wait(lambda: "larger than the 8 MiB limit" in source.status.message, timeout=15)
        assert source.latest().jpeg in good
        rec.wait(lambda: any(f.jpeg in after for f in rec.frames), timeout=20)
    del huge
    assert source.stats().discarded_bytes >= 8 * MIB
    assert thread.is_alive() and source.status.state is StreamState.LIVE
    assert peak.own - base < 64 * MIB
    assert 0 < peak.relay < 64 * MIB, "relay memory {0:.0f} MiB".format(peak.relay / MIB)


def test_video_view_keeps_the_last_good_image_on_corrupt_frames(qtbot, sshd, deeplens_fifo):
    from deeplens_gui.ui.controllers import DeviceController
    from deeplens_gui.ui.video_view import VideoView

    good = make_jpegs(8)
    writer = deeplens_fifo(frames=good + [_undecodable(i) for i in range(200, 260)], fps=10)
    device = sshd.device(stream_path=writer.path)
    controller = DeviceController(device, ConnectionPool(sshd.options()))
    view = VideoView()
    qtbot.addWidget(view)
    shown = []

    def on_frame_ready():
        image = controller.take_frame()
        if image is not None:
            shown.append(image)
            view.set_image(image)

    controller.frame_ready.connect(on_frame_ready)
    controller.status_changed.connect(view.set_status)
    controller.start()
    try:
        qtbot.waitUntil(lambda: "could not be decoded" in controller.status.message, timeout=20000)
        last_good = shown[-1]
        assert view.current_image() is last_good and not last_good.isNull()
        assert controller.latest_frame() is not None
        _, detail, _ = view.state_text()
        assert "could not be decoded" in detail
        qtbot.wait(1500)
        assert view.current_image() is last_good, "a corrupt frame must never replace the picture"
    finally:
        controller.stop()


# ------------------------------------------------------------------------------------------ refusals

def test_auth_failure_and_changed_host_key_are_tried_once(sshd, tcp_proxy, run_source, tmp_path):
    stranger = str(tmp_path / "stranger")
    write_key_pair(stranger)
    auth_proxy = tcp_proxy(sshd.port)
    device, options = through_proxy(sshd, auth_proxy, tmp_path, "/tmp/none.mjpeg")
    auth_source, _, auth_thread = run_source(
        DeviceConnection(dataclasses.replace(device, identity=stranger), options), backoff=(0.1, 0.2))

    key_proxy = tcp_proxy(sshd.port)
    impostor = write_key_pair(str(tmp_path / "impostor"))
    known = trusted_known_hosts(tmp_path / "known_hosts_impostor", key_proxy.port, impostor)
    key_device = sshd.device(name="changed", port=key_proxy.port)
    key_source, _, key_thread = run_source(
        DeviceConnection(key_device, sshd.options(known_hosts=known, connect_timeout=2)), backoff=(0.1, 0.2))

    auth_thread.join(10)
    key_thread.join(10)
    assert not auth_thread.is_alive() and not key_thread.is_alive(), "terminal errors end the stream"
    time.sleep(1.0)  # a retry would come within the backoff (0.1 s): none may come
    assert auth_proxy.attempts == 1 and key_proxy.attempts == 1

    assert auth_source.status.state is StreamState.FAILED
    assert isinstance(auth_source.status.error, AuthFailed)
    assert "refused the login" in auth_source.status.message
    assert key_source.status.state is StreamState.FAILED
    assert isinstance(key_source.status.error, HostKeyChanged)
    assert "CHANGED" in key_source.status.message and "ssh-keygen -R" in key_source.status.message
    assert auth_source.status.message != key_source.status.message


def test_dns_failure_and_closed_port_back_off_without_a_storm(sshd, run_source):
    closed = sshd.device(name="closed", port=free_port())
    nowhere = sshd.device(name="nowhere", host="no-such-camera.invalid")
    closed_source, closed_rec, _ = run_source(DeviceConnection(closed, sshd.options(connect_timeout=3)))
    dns_source, dns_rec, _ = run_source(DeviceConnection(nowhere, sshd.options(connect_timeout=3)))
    time.sleep(10.0)

    for source, rec, error_type, words in (
            (closed_source, closed_rec, ConnectionRefused, "refused the connection"),
            (dns_source, dns_rec, HostNotFound, "does not resolve")):
        assert source.status.state is StreamState.RECONNECTING
        assert isinstance(source.status.error, error_type)
        assert words in source.status.message and "Reconnecting in" in source.status.message
        # Backoff 0.5, 1, 2, 4, 8 s: a handful of attempts in 10 s, not a storm.
        attempts = source.stats().reconnects
        assert 3 <= attempts <= 6, attempts
        delays = [s.message.split("Reconnecting in ")[1].split(" s")[0]
                  for _, s in rec.statuses if s.state is StreamState.RECONNECTING]
        assert [int(d) for d in delays] == sorted(int(d) for d in delays), "the wait only grows"
    assert closed_source.status.message != dns_source.status.message


# ------------------------------------------------------------------------------------------ AWS

@pytest.fixture
def aws_env(monkeypatch, tmp_path):
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "empty").write_text("")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "empty"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "empty"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


def _device_with_lambda_record(sim_fleet, tmp_path):
    import json

    from deeplens_gui.core.deploy import layout

    fleet = sim_fleet(1, project=None)
    virtual = fleet.devices[0]
    record = {"project": "face", "name": "Face detection", "version": "1", "code_sha256": "c2hh",
              "source": "lambda:deeplens-face:1", "deployed_at": "2026-01-01T00:00:00Z",
              "deployed_by": "teacher@laptop", "stream_path": "/tmp/results.mjpeg", "runner": "ssh"}
    path = virtual.root / layout.DEPLOYED_RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record))
    known = fleet.write_known_hosts(tmp_path / "known_hosts")
    options = SshOptions(known_hosts=str(known), allow_agent=False, look_for_keys=False, use_keyring=False,
                         connect_timeout=5)
    return virtual, options


def _timed_status(virtual, options, factory):
    from deeplens_gui.core.status import get_status

    started = time.monotonic()
    with DeviceConnection(virtual.device(), options) as connection:
        status = get_status(connection, client_factory=factory, sample_seconds=0.5)
    return status, time.monotonic() - started


def test_status_with_aws_unreachable_keeps_the_device_part(sim_fleet, tmp_path, aws_env):
    from deeplens_gui.core import cloud

    virtual, options = _device_with_lambda_record(sim_fleet, tmp_path)
    url = "http://127.0.0.1:{0}".format(free_port())
    status, took = _timed_status(virtual, options,
                                 lambda service, region=None: cloud.client(service, region=region, endpoint_url=url))
    assert took < 15.0
    assert status.reachable and status.record is not None and status.record.name == "Face detection"
    assert len(status.cloud.errors) == 1 and status.cloud.errors[0].startswith("Could not reach AWS lambda")
    assert status.cloud.lambda_version is None
