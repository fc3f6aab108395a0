"""3. Bandwidth: bytes crossing SSH per unique frame shown, app (relay) vs. ``ssh host cat /tmp/results.mjpeg``.

Both run against an OpenSSH sshd on loopback, through a small counting TCP proxy in front of it, so "bytes
crossing SSH" is every byte of the encrypted connection in both directions (handshake excluded: counting
starts once frames flow). The DeepLens-like writer re-sends the current 858x480 frame in a tight loop, as the
sample Lambdas do; it swaps in a new frame 15 times a second. App: unique frames shown = new pictures
painted. cat: unique frames = frames the writer made current during the window (every one of them reaches
cat, which reads as fast as the network allows). Device-side CPU: the relay (or cat) process, the sshd session
that encrypts its output, and the writer (the Lambda's display thread), from their CPU times.
"""

import os
import select
import socket
import subprocess
import threading
import time

import numpy as np
import psutil

from bench import common

GOAL = 1.2


class CountingProxy:
    """127.0.0.1:port -> target port; counts the bytes it forwards (both directions)."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.bytes = 0
        self._stop = threading.Event()
        self._threads = []
        self._accept = threading.Thread(target=self._serve, name="bench-proxy", daemon=True)
        self._accept.start()

    def _serve(self):
        while not self._stop.is_set():
            ready, _, _ = select.select([self.listener], [], [], 0.2)
            if not ready:
                continue
            client, _ = self.listener.accept()
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            thread = threading.Thread(target=self._pump, args=(client, upstream), name="bench-proxy-pump",
                                      daemon=True)
            thread.start()
            self._threads.append(thread)

    def _pump(self, a, b):
        peers = {a: b, b: a}
        try:
            while not self._stop.is_set():
                ready, _, _ = select.select([a, b], [], [], 0.2)
                for sock in ready:
                    data = sock.recv(1 << 20)
                    if not data:
                        return
                    self.bytes += len(data)
                    peers[sock].sendall(data)
        except OSError:
            return
        finally:
            a.close()
            b.close()

    def stop(self):
        self._stop.set()
        self._accept.join(5)
        for thread in self._threads:
            thread.join(5)
        self.listener.close()


def session_cpu(server):
    """CPU seconds per kind of device-side process under sshd: relay (python), cat, sshd session, shell."""
    out = {"relay": 0.0, "cat": 0.0, "sshd session": 0.0}
    try:
        procs = psutil.Process(server._process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return out
    for proc in procs:
        try:
            name = proc.name()
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        seconds = times.user + times.system
        if name.startswith("python"):
            out["relay"] += seconds
        elif name == "cat":
            out["cat"] += seconds
        elif name.startswith("sshd"):
            out["sshd session"] += seconds
    return out


def delta(after, before):
    return {k: after[k] - before.get(k, 0.0) for k in after}


def run(quick=False):
    reps, window = (2, 4.0) if quick else (3, 8.0)
    command = "python -m bench bandwidth" + (" --quick" if quick else "")
    width, height = common.SIZES["480p"]
    frames = common.render_stream(60, width, height)
    frame_size = float(np.mean([len(f) for f in frames]))
    app_runs, cat_runs = [], []
    with common.Workdir() as workdir:
        frames_file = common.write_frames(workdir / "frames.mjpeg", frames)
        server = common.start_sshd(workdir / "sshd")
        proxy = CountingProxy(server.port)
        known_hosts = workdir / "proxy_known_hosts"
        known_hosts.write_text("[127.0.0.1]:{0} {1} {2}\n".format(proxy.port, server.host_key.get_name(),
                                                                  server.host_key.get_base64()))
        os.chmod(str(known_hosts), 0o600)
        options = server.options(known_hosts=str(known_hosts))
        fifo = workdir / "results.mjpeg"
        writer = common.Writer(workdir, [fifo], frames_file, resend=0.0, log=True)
        viewer = common.Viewer(workdir, options)
        cat_windows = []
        try:
            for _ in range(reps):
                viewer.connect(server.device(port=proxy.port, stream_path=str(fifo)))
                if not viewer.wait_frames(5, 30.0):
                    raise RuntimeError("no frames from the app")
                common.run_qt(1.0)
                b0, n0, d0, w0 = proxy.bytes, len(viewer.painted), session_cpu(server), writer.cpu()
                common.run_qt(window)
                shown = len(viewer.painted) - n0
                app_runs.append(dict(bytes=proxy.bytes - b0, frames=shown, device=delta(session_cpu(server), d0),
                                     writer=writer.cpu() - w0, seconds=window))
                viewer.disconnect()
                time.sleep(0.5)
                ssh = subprocess.Popen(
                    common.openssh_command(server, "cat", str(fifo), known_hosts=str(known_hosts),
                                           port=proxy.port),
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(1.5)
                b0, d0, w0, t0 = proxy.bytes, session_cpu(server), writer.cpu(), time.monotonic()
                time.sleep(window)
                t1 = time.monotonic()
                cat_runs.append(dict(bytes=proxy.bytes - b0, device=delta(session_cpu(server), d0),
                                     writer=writer.cpu() - w0, seconds=t1 - t0))
                cat_windows.append((t0, t1))
                ssh.terminate()
                ssh.wait(10)
                time.sleep(0.5)
        finally:
            viewer.close()
            log = writer.stop()["0"]
            proxy.stop()
            server.stop()
    for run, (t0, t1) in zip(cat_runs, cat_windows):
        run["frames"] = sum(1 for _, t in log if t0 <= t < t1)
    return report(app_runs, cat_runs, frame_size, command, reps, window)


def report(app_runs, cat_runs, frame_size, command, reps, window):
    def per_frame(run):
        return run["bytes"] / float(max(run["frames"], 1))

    app_ratio = common.median([per_frame(r) / frame_size for r in app_runs])
    cat_ratio = common.median([per_frame(r) / frame_size for r in cat_runs])
    vs_cat = common.median([per_frame(a) / per_frame(c) for a, c in zip(app_runs, cat_runs)])

    def cpu(runs, key):
        return common.median([r["device"][key] / r["seconds"] * 100.0 for r in runs])

    def writer_cpu(runs):
        return common.median([r["writer"] / r["seconds"] * 100.0 for r in runs])

    relay_pct, cat_pct = cpu(app_runs, "relay"), cpu(cat_runs, "cat")
    rows = [
        ("app (relay, 15 fps cap)", common.fmt(common.median([r["bytes"] / r["seconds"] / 1e6 for r in app_runs])),
         common.fmt(common.median([r["frames"] / r["seconds"] for r in app_runs]), 1),
         common.fmt(common.median([per_frame(r) / 1024.0 for r in app_runs]), 1), common.fmt(app_ratio),
         common.fmt(relay_pct, 1), common.fmt(cpu(app_runs, "sshd session"), 1), common.fmt(writer_cpu(app_runs), 1)),
        ("`ssh host cat /tmp/results.mjpeg`", common.fmt(common.median([r["bytes"] / r["seconds"] / 1e6
                                                                         for r in cat_runs])),
         common.fmt(common.median([r["frames"] / r["seconds"] for r in cat_runs]), 1),
         common.fmt(common.median([per_frame(r) / 1024.0 for r in cat_runs]), 1), common.fmt(cat_ratio),
         common.fmt(cat_pct, 1), common.fmt(cpu(cat_runs, "sshd session"), 1), common.fmt(writer_cpu(cat_runs), 1)),
    ]
    summary = [
        ("SSH bytes per unique frame / frame size (app)", common.fmt(app_ratio), "<= 1.2",
         common.verdict(app_ratio <= GOAL)),
        ("SSH bytes per unique frame, app / cat", common.fmt(vs_cat, 3), "(reference)", "-"),
        ("device CPU: relay vs cat (% of a core)", "{0} vs {1}".format(common.fmt(relay_pct, 1),
                                                                     common.fmt(cat_pct, 1)), "(reported)", "-"),
    ]
    text = ("{0} repetitions of {1:g} s, app and cat alternating; 858x480 frames of {2:.1f} KB on average.\n\n"
            "{3}\n\nThe relay sends each new frame once: the overhead over the frame size is SSH's packet framing "
            "and MAC plus the client's window adjustments. cat forwards every re-sent copy the writer manages to "
            "push, so its bytes per unique frame grow with the network's speed, and the writer (the Lambda's "
            "display thread) spins copying duplicates instead of sleeping in a blocked write.").format(
        reps, window, frame_size / 1024.0,
        common.table(["reader", "MB/s over SSH", "unique frames/s", "KB per unique frame", "/ frame size",
                      "device CPU: relay or cat %", "device CPU: sshd session %", "writer CPU %"], rows))
    section = common.Section("bandwidth", "3. Bandwidth and device-side CPU", "", summary, command)
    section.body = common.section_body(summary, command, text)
    return section
