"""``python -m bench.linkproxy TARGET_PORT COUNT_FILE``: the grid benchmark's "Wi-Fi", a TCP proxy on 127.0.0.1
in front of the cameras' sshd that counts every byte it forwards (both directions).

It runs in its own process so that forwarding costs the app's interpreter nothing. It prints its port on the
first line of stdout, then writes the running byte count to COUNT_FILE about five times a second until SIGTERM.
"""

import os
import signal
import sys
import threading

from tests.fixtures.proxy import FaultProxy


class CountingProxy(FaultProxy):
    """A FaultProxy in ``pass`` mode that counts the bytes it forwarded."""

    forwarded = 0

    def _write(self, conn, direction, mode):
        before = len(direction.buffer)
        super()._write(conn, direction, mode)
        self.forwarded += before - len(direction.buffer)


def read_count(path):
    """The byte count a linkproxy process wrote to ``path`` (0 before its first write)."""
    try:
        with open(path) as handle:
            return int(handle.read().strip() or 0)
    except (OSError, ValueError):
        return 0


def main(argv):
    target, count_file = int(argv[0]), argv[1]
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    proxy = CountingProxy(target)
    proxy.start()
    print(proxy.port, flush=True)
    try:
        while not done.wait(0.2):
            part = count_file + ".part"
            with open(part, "w") as handle:
                handle.write(str(proxy.forwarded))
            os.replace(part, count_file)
    finally:
        proxy.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
