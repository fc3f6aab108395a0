"""ConnectionPool: one shared connection per device name, borrowed views, closing, thread safety."""

import threading
from dataclasses import replace

from deeplens_gui.core.connections import BorrowedConnection, ConnectionPool
from deeplens_gui.core.device import Device
from deeplens_gui.core.ssh import DeviceConnection, SshOptions


def test_one_connection_per_name_and_replaced_when_the_device_changes():
    pool = ConnectionPool(SshOptions(connect_timeout=1.0))
    desk = Device(name="desk-1", host="192.0.2.10", port=22)
    first = pool.get(desk)
    assert isinstance(first, DeviceConnection) and pool.get(desk) is first
    assert first.options.connect_timeout == 1.0
    other = pool.get(Device(name="desk-2", host="192.0.2.11"))
    assert other is not first and sorted(pool.names()) == ["desk-1", "desk-2"]
    moved = pool.get(replace(desk, port=2222))
    assert moved is not first and moved.device.port == 2222 and len(pool) == 2
    pool.close("desk-1")
    pool.close("desk-1")
    assert pool.peek("desk-1") is None and pool.names() == ["desk-2"]
    pool.close_all()
    assert len(pool) == 0


def test_options_per_device():
    seen = []

    def options(device):
        seen.append(device.name)
        return SshOptions(known_hosts="kh-" + device.name)

    pool = ConnectionPool(options)
    assert pool.get(Device(name="a", host="192.0.2.1")).options.known_hosts == "kh-a"
    pool.get(Device(name="a", host="192.0.2.1"))
    assert seen == ["a"]


def test_concurrent_gets_share_one_connection():
    made = []

    def factory(device, options):
        made.append(device.name)
        return DeviceConnection(device, options)

    pool = ConnectionPool(SshOptions(), connection_factory=factory)
    device = Device(name="desk", host="192.0.2.5")
    results = []
    start = threading.Barrier(8)

    def worker():
        start.wait()
        results.append(pool.get(device))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == ["desk"] and len({id(result) for result in results}) == 1


def test_borrowed_close_keeps_the_shared_connection_open(sim_device, tmp_path):
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text(sim_device.known_hosts_line() + "\n")
    pool = ConnectionPool(SshOptions(known_hosts=str(known_hosts), allow_agent=False, look_for_keys=False,
                                     use_keyring=False))
    device = sim_device.device()
    borrowed = pool.borrow(device)
    assert isinstance(borrowed, BorrowedConnection) and borrowed.shared is pool.get(device)
    assert borrowed.device == device
    assert borrowed.run("echo shared").text.strip() == "shared"
    borrowed.close()
    assert pool.get(device).is_open
    assert pool.borrow(device).run("echo again").text.strip() == "again"
    pool.close_all()
    assert not borrowed.shared.is_open
