"""``python -m bench [--quick] [--soak-minutes M] [--no-profile] [NAMES...]``: run benchmarks, print, write docs.

NAMES: cpu, latency, bandwidth, grid, first_frame, soak (default: all). ``python -m bench soak --minutes 30``
runs a long soak. Results are merged into docs/BENCHMARKS.md (sections of benchmarks not run are kept).
"""

import argparse
import os
import sys
import time
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import common  # noqa: E402

NAMES = ["cpu", "latency", "bandwidth", "grid", "first_frame", "soak"]


def runner(name, args):
    if name == "cpu":
        from bench import cpu_per_frame
        return cpu_per_frame.run(quick=args.quick, profile=not args.no_profile)
    if name == "latency":
        from bench import latency
        return latency.run(quick=args.quick)
    if name == "bandwidth":
        from bench import bandwidth
        return bandwidth.run(quick=args.quick)
    if name == "grid":
        from bench import grid
        return grid.run(quick=args.quick, counts=args.devices, profile=not args.no_profile, window=args.window,
                        thumbnails=not args.full_frames, nice=args.camera_nice)
    if name == "first_frame":
        from bench import first_frame
        return first_frame.run(quick=args.quick)
    if name == "soak":
        from bench import soak
        return soak.run(quick=args.quick, minutes=args.minutes)
    raise ValueError(name)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", choices=NAMES + [[]], metavar="NAME",
                        help="benchmarks to run: {0} (default: all)".format(", ".join(NAMES)))
    parser.add_argument("--quick", action="store_true", help="shorter runs (about 2 minutes in all)")
    parser.add_argument("--minutes", "--soak-minutes", dest="minutes", type=float, default=None,
                        help="soak duration (default 3, quick 1; the issue's full runs are 10 and 30)")
    parser.add_argument("--devices", type=int, nargs="+", default=None, help="grid sizes (default 10 30 60)")
    parser.add_argument("--window", type=float, default=None, metavar="S",
                        help="grid: seconds measured per N (default 8, quick 4)")
    parser.add_argument("--full-frames", action="store_true",
                        help="grid: the cameras send full frames instead of tile-sized thumbnails")
    parser.add_argument("--camera-nice", type=int, default=10, metavar="N",
                        help="grid: niceness of the simulated cameras, sshd and link proxy "
                             "(default 10; 0: the old setup, same priority as the app)")
    parser.add_argument("--no-profile", action="store_true", help="skip the py-spy profiles")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    names = args.names or NAMES
    sections, failed = [], []
    started = time.monotonic()
    for name in names:
        print("== {0} ...".format(name), flush=True)
        begun = time.monotonic()
        try:
            section = runner(name, args)
        except Exception:
            traceback.print_exc()
            failed.append(name)
            continue
        print("   done in {0:.0f} s".format(time.monotonic() - begun), flush=True)
        sections.append(section)
    print()
    print(common.render_console(sections))
    print("\n{0} benchmark(s) in {1:.0f} s{2}".format(len(sections), time.monotonic() - started,
                                                      "; failed: " + ", ".join(failed) if failed else ""))
    if sections and not args.no_write:
        path = common.write_sections(sections)
        print("written to {0}".format(os.path.relpath(str(path))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
