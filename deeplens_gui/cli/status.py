"""``deeplens-gui status TARGET... [--json] [--profile P] [--region R]``: one verdict per device.

Devices are checked in parallel (bounded). Exit status: 0 when every project runs well, 1 when any target
could not be checked (unreachable, refused login, unknown host key, bad target; each such target gets one
line on stderr saying why), else 2 when any project runs with errors or publishes no results (each gets one
line on stderr with the project's own sentence). AWS is asked only when boto3 finds credentials; AWS problems
are notes in the record, not failures.
"""

import concurrent.futures
import json
import sys
import time

from deeplens_gui.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PROBLEMS,
    PROG,
    add_ssh_options,
    device_for,
    fail,
    positive_float,
    positive_int,
    results_of,
    roster_of,
    ssh_options,
)
from deeplens_gui.core import cloud
from deeplens_gui.core.errors import DeepLensError
from deeplens_gui.core.ssh import DeviceConnection
from deeplens_gui.core.status import DeviceStatus, Verdict, get_status

#: devices checked at the same time
DEFAULT_JOBS = 8


def add_parser(sub):
    """Add the status subcommand (targets, output, AWS and the common connection options) to ``sub``."""
    parser = sub.add_parser("status", help="what each device really runs, merged with what AWS says")
    add_arguments(parser)
    parser.set_defaults(run_command=run)


def add_arguments(parser):
    """Add the status command's arguments (targets, output, AWS and the common connection options)."""
    parser.add_argument("targets", nargs="+", metavar="TARGET",
                        help="[user@]host[:port], a Host alias from your ssh config, or a roster device name")
    parser.add_argument("--json", action="store_true", help="print the status records as JSON")
    parser.add_argument("--profile", metavar="NAME", help="AWS profile (default: AWS_PROFILE or 'default')")
    parser.add_argument("--region", metavar="REGION",
                        help="AWS region for devices whose roster entry names none (default: the profile's, "
                             "AWS_DEFAULT_REGION, else us-east-1)")
    parser.add_argument("--no-cloud", action="store_true", help="do not ask AWS, only the devices")
    parser.add_argument("--sample", type=positive_float, default=2.0, metavar="S",
                        help="seconds of stream to sample for the frame rate (default 2)")
    parser.add_argument("--jobs", type=positive_int, default=DEFAULT_JOBS, metavar="N",
                        help="devices checked at the same time (default {0})".format(DEFAULT_JOBS))
    add_ssh_options(parser, target=False)


def client_factory(profile=None, region=None):
    """A ``(service, region=None)`` factory: the device's region wins, then ``region``, then boto3's own."""

    def make(service, region=None, endpoint_url=None):
        return cloud.client(service, profile=profile, region=region or default_region,
                            endpoint_url=endpoint_url, quick=True)

    default_region = region
    return make


def _cloud_factory(args):
    """The client factory when boto3 finds credentials, else None (with a sentence when AWS was asked for)."""
    if args.no_cloud:
        return None
    try:
        credentials = cloud.session(args.profile).get_credentials()
    except DeepLensError as error:
        print("{0}: {1}".format(PROG, error), file=sys.stderr)
        return None
    except Exception as error:  # boto3's chain can fail in many ways (SSO, process providers)
        print("{0}: {1}".format(PROG, cloud.map_error(error)), file=sys.stderr)
        return None
    if credentials is None:
        if args.profile or args.region:
            print("{0}: {1} Cloud checks skipped.".format(
                PROG, cloud.map_error(cloud.NoCredentialsError())), file=sys.stderr)
        return None
    return client_factory(args.profile, args.region)


def _check(target, args, roster, options, factory):
    try:
        device = device_for(args, roster, target)
    except DeepLensError as error:
        return DeviceStatus(name=target, endpoint=target, verdict=Verdict.UNREACHABLE, reason=str(error),
                            checked_at=time.time(), error_kind=error.kind)
    connection = DeviceConnection(device, options)
    try:
        return get_status(connection, client_factory=factory, sample_seconds=args.sample)
    finally:
        connection.close()


def gather(args):
    """The DeviceStatus of every target, in the order given. Raises DeepLensError for bad common options."""
    roster = roster_of(args)
    options = ssh_options(args, roster)
    factory = _cloud_factory(args)
    workers = max(1, min(args.jobs, len(args.targets)))
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="status")
    try:
        futures = [pool.submit(_check, target, args, roster, options, factory) for target in args.targets]
        return results_of(futures)
    except KeyboardInterrupt:
        # The checks not started yet never start; those under way end within their own timeouts, which the
        # interpreter waits out as it exits.
        print("Interrupted: no further checks start; waiting for the ones under way to end.", file=sys.stderr,
              flush=True)
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _percent_used(total, free):
    if not total:
        return "-"
    return "{0:.0f}%".format(100.0 * (total - free) / total)


def _uptime(seconds):
    if seconds is None:
        return "-"
    if seconds < 3600:
        return "{0:.0f}m".format(seconds / 60.0)
    if seconds < 172800:
        return "{0:.0f}h".format(seconds / 3600.0)
    return "{0:.0f}d".format(seconds / 86400.0)


def _row(status):
    record = status.record
    deployed = "-"
    if record is not None:
        deployed = " ".join(part for part in (record.project or record.name, record.version) if part) or "?"
    memory = _percent_used(status.mem_total_kb, status.mem_available_kb)
    disk = next((d for d in status.disks if d.mount == "home"), status.disks[0] if status.disks else None)
    temp = max((c for _zone, c in status.temperatures), default=None)
    return [
        status.name,
        status.verdict.value,
        "{0:.1f}".format(status.fps) if status.reachable and status.auth_ok else "-",
        deployed,
        _uptime(status.uptime),
        "{0:.2f}".format(status.loadavg[0]) if status.loadavg else "-",
        memory,
        _percent_used(disk.total, disk.free) if disk else "-",
        "{0:.0f}C".format(temp) if temp is not None else "-",
    ]


def format_table(statuses):
    """The human table: one row per device, its reason and notes indented below it."""
    header = ["DEVICE", "VERDICT", "FPS", "DEPLOYED", "UP", "LOAD", "MEM", "DISK", "TEMP"]
    rows = [_row(status) for status in statuses]
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(header, widths)).rstrip()]
    for status, row in zip(statuses, rows):
        lines.append("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
        lines.append("    " + status.reason)
        lines.extend("    " + note for note in status.notes)
    return "\n".join(lines)


def run(args):
    """Run ``status``; returns the exit status (1 when any target failed, else 2 when any has problems)."""
    try:
        statuses = gather(args)
    except DeepLensError as error:
        fail(error)
        return EXIT_FAILED
    if args.json:
        print(json.dumps([status.to_dict() for status in statuses], indent=2, sort_keys=True))
    else:
        print(format_table(statuses))
    failed = [status for status in statuses if status.failed]
    troubled = [status for status in statuses if status.troubled]
    for status in failed + troubled:
        print("{0}: {1}: {2}".format(PROG, status.name, status.reason), file=sys.stderr)
    if failed:
        return EXIT_FAILED
    return EXIT_PROBLEMS if troubled else EXIT_OK
