"""The Greengrass core's IPC client as the virtual DeepLens provides it (Python 2.7 and 3.5+).

The real ``greengrasssdk`` publishes by posting work for the router function with the topic in the client
context; on a camera the IPC client sends it to the Greengrass core on localhost. Here ``post_work`` delivers
it where the virtual device keeps its results: ``deliver`` appends one JSON line ``{"time", "topic",
"payload"}`` to ``$DEEPLENS_RESULTS_PATH`` (past ``MAX_BYTES`` the file moves to ``<path>.1``), or writes
it to standard output (the Lambda's log) without that variable. The greengrasssdk stand-in uses
``deliver`` too, so both SDKs publish the same records.
"""

import base64
import io
import json
import os
import sys
import threading
import time
import uuid

MAX_BYTES = 1024 * 1024

_lock = threading.Lock()


class IPCException(Exception):
    """A request the virtual Greengrass core cannot serve."""


class WorkResult(object):
    """The result of a RequestResponse invocation: payload bytes and the function error (empty on success)."""

    def __init__(self, payload, func_err):
        self.payload = payload
        self.func_err = func_err


def deliver(topic, payload):
    """Publish ``payload`` (bytes or text) on ``topic`` the way the virtual device records publishes."""
    if isinstance(payload, (bytes, bytearray)):
        payload = bytes(payload).decode("utf-8", "replace")
    line = json.dumps({"time": time.time(), "topic": topic, "payload": payload}) + "\n"
    path = os.environ.get("DEEPLENS_RESULTS_PATH")
    with _lock:
        if not path:
            sys.stdout.write(line)
            sys.stdout.flush()
            return
        try:
            if os.path.getsize(path) + len(line) > MAX_BYTES:
                os.rename(path, path + ".1")
        except OSError:
            pass
        with io.open(path, "a", encoding="utf-8") as results:
            results.write(line if isinstance(line, type(u"")) else line.decode("utf-8"))


class IPCClient(object):
    """What the SDK's Lambda client talks to: publishes through the router are delivered, nothing else
    runs."""

    def __init__(self, endpoint="localhost", port=8000):
        self.endpoint = endpoint
        self.port = port

    def post_work(self, function_arn, payload, client_context, invocation_type="RequestResponse"):
        """Deliver a publish (work for the router function); returns an invocation id."""
        router = os.environ.get("ROUTER_FUNCTION_ARN")
        if not router or function_arn.split(":")[:7] != router.split(":")[:7]:
            raise IPCException("the virtual DeepLens runs no local function {0}".format(function_arn))
        try:
            context = json.loads(base64.b64decode(client_context).decode("utf-8"))
            topic = context["custom"]["subject"]
        except (ValueError, KeyError, TypeError):
            raise IPCException("a publish without a topic in its client context")
        deliver(topic, payload if payload is not None else b"")
        return str(uuid.uuid4())

    def get_work_result(self, function_arn, invocation_id):
        """The router answers a publish with an empty payload."""
        return WorkResult(b"", "")
