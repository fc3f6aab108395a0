"""Stand-in for the Greengrass Core SDK (``greengrasssdk``) on the virtual DeepLens (Python 2.7 and 3.5+).

``client('iot-data').publish(topic=..., payload=...)`` records the publish as the Greengrass core's IPC
client does (``greengrass_ipc_python_sdk.ipc_client.deliver``): one JSON line ``{"time": unix seconds,
"topic": ..., "payload": str}`` in the file named by ``DEEPLENS_RESULTS_PATH``, where the app reads a
virtual device's results (rotated past ``MAX_BYTES``), or on standard output without it. A Lambda that
bundles the real SDK publishes through the same IPC client.
"""

from greengrass_ipc_python_sdk.ipc_client import MAX_BYTES, deliver

__all__ = ["MAX_BYTES", "client"]


class IotDataClient(object):
    """The ``iot-data`` client: only ``publish`` is available on a DeepLens."""

    def publish(self, topic=None, payload=b"", **kwargs):
        if not topic:
            raise ValueError("publish needs a topic")
        deliver(topic, payload)
        return {}


def client(client_type, *args, **kwargs):
    """A Greengrass client; the virtual DeepLens offers ``'iot-data'``."""
    if client_type != "iot-data":
        raise ValueError(
            "The virtual DeepLens only provides the 'iot-data' client, not {0!r}.".format(client_type))
    return IotDataClient()
