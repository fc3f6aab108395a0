"""``deeplens-gui snapshot TARGET -o FILE`` and ``deeplens-gui record TARGET -o FILE (--frames N | --seconds
S)``: frames of a device's stream saved as they arrive, byte for byte where the format allows.
"""

import os
import sys
import time

from deeplens_gui.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    add_ssh_options,
    connect,
    fail,
    positive_float,
    positive_int,
)
from deeplens_gui.core.errors import ConfigError, DeepLensError, NoStream, StreamError
from deeplens_gui.core.recording import (
    RECORDING_TYPES,
    SNAPSHOT_TYPES,
    StdoutRecorder,
    open_recording,
    save_snapshot,
)
from deeplens_gui.core.status import explain_missing_stream
from deeplens_gui.core.stream import FrameSource, StreamState

STDOUT = "-"
CODEC_NAMES = {"libx264": "H.264", "mpeg4": "MPEG-4 Part 2: this FFmpeg has no H.264 encoder",
               "mjpeg": "MJPEG"}


def add_parsers(sub):
    """Add the snapshot and record subcommands to ``sub`` (argparse subparsers)."""
    snap = sub.add_parser("snapshot", help="save one frame of a device's stream")
    add_ssh_options(snap)
    snap.add_argument("-o", "--output", required=True, metavar="FILE",
                      help="file to write: .jpg keeps the JPEG as received, .png decodes it; "
                           "- writes the JPEG to standard output")
    snap.set_defaults(run_command=snapshot)

    rec = sub.add_parser("record", help="record a device's stream to a file")
    add_ssh_options(rec)
    rec.add_argument("-o", "--output", required=True, metavar="FILE",
                     help=".mjpeg keeps every received JPEG byte for byte; .mp4 is H.264 and .avi keeps the "
                          "JPEGs, both timed as the frames arrived; - writes MJPEG to standard output "
                          "(for ffplay -f mjpeg - or mplayer)")
    limit = rec.add_mutually_exclusive_group(required=True)
    limit.add_argument("--frames", type=positive_int, metavar="N", help="stop after N unique frames")
    limit.add_argument("--seconds", type=positive_float, metavar="S",
                       help="stop S seconds after the first frame (the recording lasts S seconds)")
    rec.set_defaults(run_command=record)


def _check_type(path, allowed, what):
    ext = os.path.splitext(path)[1].lower()
    if ext not in allowed:
        raise ConfigError("{0} are saved as {1}, not {2!r}.".format(what, ", ".join(allowed), ext or path))


def snapshot(args):
    """``deeplens-gui snapshot TARGET -o FILE`` (``-o -``: the JPEG on standard output)."""
    to_stdout = args.output == STDOUT
    if not to_stdout:
        _check_type(args.output, SNAPSHOT_TYPES, "Snapshots")
    frames = []
    with connect(args) as connection:
        _stream(connection, args, lambda frame: frames.append(frame.jpeg), lambda: len(frames) >= 1)
    if to_stdout:
        StdoutRecorder().write(frames[0])
        return 0
    save_snapshot(frames[0], args.output)
    print("Saved a frame of {0} to {1}".format(args.target, args.output))
    return 0


def record(args):
    """``deeplens-gui record TARGET -o FILE (--frames N | --seconds S)``; ``-o -`` streams MJPEG to stdout."""
    if args.output == STDOUT:
        recorder = StdoutRecorder()
    else:
        _check_type(args.output, RECORDING_TYPES, "Recordings")
        recorder = open_recording(args.output)
    # Progress and results go to stderr when the frames themselves go to stdout.
    report = sys.stderr if args.output == STDOUT else sys.stdout
    started = []

    def write(frame):
        if not started:
            started.append(frame.received)
        recorder.write(frame.jpeg, frame.received)

    def done():
        if getattr(recorder, "gone", False):
            return True  # the player reading standard output was closed
        if args.frames:
            return recorder.frames >= args.frames
        return bool(started) and time.monotonic() - started[0] >= args.seconds

    def stop_at():
        # --seconds ends on time even when the next frame is far away (a camera at 2 fps).
        return started[0] + args.seconds if started and args.seconds else None

    def end():
        # Where the file ends: now, but never past --seconds (however late the command got round to it).
        until = stop_at()
        return None if until is None else min(until, time.monotonic())

    try:
        with connect(args) as connection:
            _stream(connection, args, write, done, stop_at)
    except DeepLensError as error:
        if not recorder.frames:
            recorder.discard()
            raise
        _finish(recorder, end())
        fail(error)
        print("Saved the {0} frames received before that to {1}".format(recorder.frames,
                                                                          _output_name(args.output)),
              file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        _finish(recorder, end())
        print("Interrupted: saved {0} frames to {1}".format(recorder.frames, _output_name(args.output)),
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except BaseException:
        recorder.discard()
        raise
    _finish(recorder, end())
    codec = getattr(recorder, "codec", None)
    print("Saved {0} frames of {1} to {2}{3}".format(recorder.frames, args.target, _output_name(args.output),
                                                       " ({0})".format(CODEC_NAMES.get(codec, codec)) if codec
                                                       else ""), file=report)
    return 0


def _output_name(output):
    return "standard output" if output == STDOUT else output


def _finish(recorder, end=None):
    if recorder.frames:
        recorder.close(end)
    else:
        recorder.discard()


def _stream(connection, args, on_frame, done, stop_at=lambda: None):
    """Stream every unique Frame to ``on_frame`` until ``done()`` or the time ``stop_at()`` gives (a frame
    that arrives after that time is not handed on); raise on failure."""
    connection.open()  # typed connect/auth/host-key errors surface here, before the stream starts
    with FrameSource(connection, max_fps=0, decode=False, reconnect=True) as source:
        while not done():
            deadline = time.monotonic() + args.timeout
            end = stop_at()
            frame = next(source.frames(until=deadline if end is None else min(deadline, end)), None)
            if frame is not None:
                if end is not None and frame.received >= end:
                    return
                on_frame(frame)
                continue
            if done():
                return
            status = source.status
            if status.state in (StreamState.FAILED, StreamState.STOPPED):
                raise status.error or StreamError(status.message or "The stream from {0} ended.".format(
                    args.target))
            if status.state is StreamState.WAITING or isinstance(status.error, NoStream):
                # A project that runs but writes another path: a mistyped stream path, not "no project".
                raise explain_missing_stream(connection, connection.device.stream_path) or (
                    status.error if isinstance(status.error, NoStream) else NoStream(status.message))
            if isinstance(status.error, DeepLensError):
                raise status.error
            raise StreamError("No frame arrived from {0} within {1:g} s ({2}).".format(
                args.target, args.timeout, status.message or status.state.value))
