"""Stand-in for the Greengrass Core SDK (``greengrasssdk``) on the virtual DeepLens.

``client('iot-data').publish(topic=..., payload=...)`` appends one JSON line
``{"time": unix seconds, "topic": ..., "payload": str}`` to the file named by ``DEEPLENS_RESULTS_PATH``;
that file is where the app reads a virtual device's results. Past ``MAX_BYTES`` the file is moved to
``<path>.1`` (replacing the previous one) and a new one starts, so a long demo never fills the disk.
Without ``DEEPLENS_RESULTS_PATH`` the lines go to standard output (the Lambda's log).
"""

import json
import os
import sys
import threading
import time

MAX_BYTES = 1024 * 1024

_lock = threading.Lock()


class IotDataClient(object):
    """The ``iot-data`` client: only ``publish`` is available on a DeepLens."""

    def publish(self, topic=None, payload=b"", **kwargs):
        if not topic:
            raise ValueError("publish needs a topic")
        if isinstance(payload, (bytes, bytearray)):
            payload = bytes(payload).decode("utf-8", "replace")
        line = json.dumps({"time": time.time(), "topic": topic, "payload": payload}) + "\n"
        path = os.environ.get("DEEPLENS_RESULTS_PATH")
        with _lock:
            if not path:
                sys.stdout.write(line)
                sys.stdout.flush()
                return {}
            try:
                if os.path.getsize(path) + len(line) > MAX_BYTES:
                    os.replace(path, path + ".1")
            except OSError:
                pass
            with open(path, "a", encoding="utf-8") as results:
                results.write(line)
        return {}


def client(client_type, *args, **kwargs):
    """A Greengrass client; the virtual DeepLens offers ``'iot-data'``."""
    if client_type != "iot-data":
        raise ValueError(
            "The virtual DeepLens only provides the 'iot-data' client, not {0!r}.".format(client_type))
    return IotDataClient()
