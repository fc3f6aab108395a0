"""The virtual device's model manager: download once, verify the SHA-256, explain what to do offline."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import cv2
import pytest

from deeplens_gui.core.errors import ModelUnavailable
from deeplens_gui.sim import models
from deeplens_gui.sim.models import MODELS, ensure_model
from tests.device.conftest import closed_port

PAYLOAD = b"pretend these are SqueezeNet weights\n" * 1000
PAYLOAD_SHA = hashlib.sha256(PAYLOAD).hexdigest()
FILE = MODELS["squeezenet1.1"].file


@pytest.fixture
def server():
    """An HTTP server on 127.0.0.1 serving PAYLOAD at /models/<file>; ``server.hits`` counts GETs."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            httpd.hits += 1
            if self.path != "/models/" + FILE:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(PAYLOAD)))
            self.end_headers()
            self.wfile.write(PAYLOAD)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.hits = 0
    httpd.base = "http://127.0.0.1:{0}/models".format(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, name="model-http", daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_download_with_the_right_checksum_is_cached_and_reused(server, tmp_path):
    url = server.base + "/" + FILE
    path = ensure_model("squeezenet1.1", cache=tmp_path, url=url, sha256=PAYLOAD_SHA)
    assert path == tmp_path / FILE and path.read_bytes() == PAYLOAD
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE]  # no temporary file left behind
    again = ensure_model("squeezenet1.1", cache=tmp_path, url=url, sha256=PAYLOAD_SHA)
    assert again == path and server.hits == 1


def test_a_wrong_checksum_keeps_nothing(server, tmp_path):
    with pytest.raises(ModelUnavailable) as caught:
        ensure_model("squeezenet1.1", cache=tmp_path, url=server.base + "/" + FILE, sha256="0" * 64)
    message = str(caught.value)
    assert "SHA-256" in message and PAYLOAD_SHA in message and "not kept" in message
    assert list(tmp_path.iterdir()) == []


def test_a_corrupt_cached_file_is_fetched_again(server, tmp_path):
    (tmp_path / FILE).write_bytes(b"truncated")
    path = ensure_model("squeezenet1.1", cache=tmp_path, url=server.base + "/" + FILE, sha256=PAYLOAD_SHA)
    assert path.read_bytes() == PAYLOAD and server.hits == 1


def test_offline_says_where_to_get_the_file_and_where_to_put_it(tmp_path):
    url = "http://127.0.0.1:{0}/models/{1}".format(closed_port(), FILE)
    with pytest.raises(ModelUnavailable) as caught:
        ensure_model("squeezenet1.1", cache=tmp_path / "cache", url=url, timeout=5)
    message = str(caught.value)
    assert "could not be downloaded from " + url in message
    assert "save it as {0}".format(tmp_path / "cache" / FILE) in message
    assert not (tmp_path / "cache" / FILE).exists()


def test_a_missing_file_on_the_server_is_model_unavailable(server, tmp_path):
    with pytest.raises(ModelUnavailable, match="Not Found"):
        ensure_model("squeezenet1.1", cache=tmp_path, url=server.base + "/other.onnx", sha256=PAYLOAD_SHA)


def test_environment_picks_the_cache_folder_and_a_mirror(server, tmp_path, monkeypatch):
    monkeypatch.setenv(models.CACHE_ENV, str(tmp_path / "env-cache"))
    monkeypatch.setenv(models.MIRROR_ENV, server.base + "/")
    path = ensure_model("squeezenet1.1", sha256=PAYLOAD_SHA)
    assert path == tmp_path / "env-cache" / FILE and path.read_bytes() == PAYLOAD


def test_the_default_source_is_the_pinned_onnx_model_zoo_file():
    spec = MODELS["squeezenet1.1"]
    assert spec.url.startswith("https://") and spec.url.endswith("/" + spec.file)
    assert spec.sha256 == "1eeff551a67ae8d565ca33b572fc4b66e3ef357b0eb2863bb9ff47a918cc4088"
    assert spec.size == 4956208


def test_the_face_model_is_opencvs_haar_cascade():
    path = ensure_model("mxnet_deploy_ssd_FP16_FUSED")
    assert Path(path).is_file() and not cv2.CascadeClassifier(str(path)).empty()


def test_an_unknown_model_is_model_unavailable():
    with pytest.raises(ModelUnavailable, match="no model called 'resnet50'"):
        ensure_model("resnet50")
