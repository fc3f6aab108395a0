"""Virtual DeepLens devices (paramiko SSH servers) in their own process, so their CPU is not the app's.

``python -m bench.simhost BASE_DIR COUNT`` starts COUNT devices without a project, prints one JSON line
(port, client key, stream path, known_hosts line per device) and runs until SIGTERM.
"""

import json
import signal
import sys
import threading

from deeplens_gui.sim.fleet import Fleet


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    base, count = argv[0], int(argv[1])
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with Fleet(count, base_dir=base, project=None, prefix="bench") as fleet:
        print(json.dumps([dict(name=d.name, port=d.port, key=str(d.client_key_path), stream=str(d.stream_path),
                               known_hosts=d.known_hosts_line()) for d in fleet]), flush=True)
        stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
