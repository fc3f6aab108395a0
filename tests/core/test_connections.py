"""ConnectionPool: one shared connection per device name, borrowed views, closing, thread safety."""

import threading
from dataclasses import replace

from deeplens_gui.core.connections import BorrowedConnection, ConnectionPool
from deeplens_gui.core.device import Device
from deeplens_gui.core.ssh import DeviceConnection, SshOptions


def test_one_connection_per_device_value_and_counted_borrows():
    pool = ConnectionPool(SshOptions(connect_timeout=1.0))
    desk = Device(name="desk-1", host="192.0.2.10", port=22)
    first = pool.borrow(desk)
    again = pool.borrow(desk)
    assert isinstance(first.shared, DeviceConnection) and again.shared is first.shared is pool.get(desk)
    assert first.shared.options.connect_timeout == 1.0 and pool.borrows(desk) == 2
    namesake = pool.borrow(replace(desk, port=2222))  # same name, other device: a connection of its own
    assert namesake.shared is not first.shared and len(pool) == 2 and pool.names() == ["desk-1", "desk-1"]
    first.close()
    first.close()  # letting go is idempotent: one borrow, one release
    assert pool.borrows(desk) == 1 and pool.peek(desk) is again.shared
    with again:
        pass
    assert pool.peek(desk) is None and pool.borrows(desk) == 0 and pool.names() == ["desk-1"]
    pool.close_all()
    namesake.close()  # after close_all a borrow only lets go
    assert len(pool) == 0 and namesake.released


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


def test_the_last_borrower_closes_the_shared_connection(sim_device, tmp_path):
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text(sim_device.known_hosts_line() + "\n")
    pool = ConnectionPool(SshOptions(known_hosts=str(known_hosts), allow_agent=False, look_for_keys=False,
                                     use_keyring=False))
    device = sim_device.device()
    stream = pool.borrow(device)
    status = pool.borrow(device)
    assert isinstance(stream, BorrowedConnection) and stream.shared is status.shared
    assert stream.device == device
    assert stream.run("echo shared").text.strip() == "shared"
    stream.close()
    assert status.shared.is_open and sim_device.server.connection_count() == 1
    assert status.run("echo again").text.strip() == "again"
    status.close()
    assert not stream.shared.is_open and len(pool) == 0
