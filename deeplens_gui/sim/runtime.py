"""Device runtime of the virtual DeepLens: runs a project's Lambda, unchanged, with this machine's Python.

``spawn_lambda`` does what a deploy does on a camera: it builds the project's Lambda package (the same
zip the deploy backends upload, shared helpers included) and unpacks it into
``<device_root>/lambda/<project id>``, makes sure the model artifact exists in the artifacts folder
(``<device_root>/opt/awscam/artifacts`` unless given), then starts
``python -m deeplens_gui.sim.runtime <package dir>`` in its own process group with:

* ``PYTHONPATH``: the stand-in device modules (``awscam``, ``greengrasssdk``), the package, and the folder
  holding ``deeplens_gui`` (the stand-ins use its scene and model code);
* ``DEEPLENS_STREAM_PATH`` (the project stream FIFO), ``DEEPLENS_RESULTS_PATH`` (one JSON line per
  publish), ``DEEPLENS_SIM_SCENE`` (camera source), ``DEEPLENS_ARTIFACTS_DIR`` and ``AWS_IOT_THING_NAME``;
* working directory the package, standard output and error appended to ``log_path``.

The module entry imports the handler module the way Greengrass starts a pinned Lambda: the import runs
the Lambda's endless inference loop; if the module returns, the process stays alive like the Lambda
container would. Stop it with ``stop_lambda`` (the whole process group).
"""

import argparse
import importlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path

from deeplens_gui.core.errors import ConfigError
from deeplens_gui.core.projects import load_project, package_project
from deeplens_gui.sim import catalog

DEVICE_MODULES = Path(__file__).resolve().parent / "device_modules"
#: The folder that holds the deeplens_gui package (a Lambda process needs it for the stand-ins).
PACKAGE_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_THING = "deeplens_virtual"


def stage_project(project_dir, device_root):
    """Unpack the Lambda package of the project at ``project_dir`` into the device; ``(Project, folder)``."""
    project = load_project(project_dir)
    data = package_project(project)
    lambdas = Path(device_root) / "lambda"
    lambdas.mkdir(parents=True, exist_ok=True)
    target = lambdas / project.id
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=lambdas))
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            archive.extractall(staging)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return load_project(target), target


def prepare_artifacts(project, artifacts_dir):
    """Make sure ``artifacts_dir`` holds one of the project's model artifact files; returns its path (None
    for a project without a model).

    A camera holds the Intel IR there; the virtual device writes a small XML that says what runs instead
    (see deeplens_gui.sim.catalog). An existing file is left alone.
    """
    folder = Path(artifacts_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if not project.model_artifacts:
        return None
    present = [folder / name for name in project.model_artifacts if (folder / name).exists()]
    if present:
        return present[0]
    # The first name the catalog has a stand-in for; the project's loop finds it among its fallbacks.
    known = [name for name in project.model_artifacts if catalog.model_for(Path(name).stem)[0] is not None]
    return Path(catalog.write_artifact(str(folder), (known or list(project.model_artifacts))[0]))


def spawn_lambda(project_dir, device_root, stream_path, results_path, log_path, scene="scene",
                 artifacts_dir=None, thing_name=DEFAULT_THING, extra_env=None):
    """Start the project's Lambda on the virtual device; returns its ``subprocess.Popen``.

    ``extra_env`` adds environment variables (for example ``DEEPLENS_SIM_FPS``, ``DEEPLENS_MODEL_CACHE``,
    ``DEEPLENS_STREAM_RESOLUTION``). Raises ConfigError for an invalid project.
    """
    project, package = stage_project(project_dir, device_root)
    artifacts = Path(artifacts_dir) if artifacts_dir else Path(device_root) / "opt" / "awscam" / "artifacts"
    prepare_artifacts(project, artifacts)
    env = dict(os.environ)
    inherited = [env["PYTHONPATH"]] if env.get("PYTHONPATH") else []
    env.update({
        "PYTHONPATH": os.pathsep.join([str(DEVICE_MODULES), str(package), str(PACKAGE_ROOT)] + inherited),
        "DEEPLENS_STREAM_PATH": str(stream_path),
        "DEEPLENS_RESULTS_PATH": str(results_path),
        "DEEPLENS_SIM_SCENE": scene,
        "DEEPLENS_ARTIFACTS_DIR": str(artifacts),
        "AWS_IOT_THING_NAME": thing_name,
    })
    env.update(extra_env or {})
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-u", "-m", "deeplens_gui.sim.runtime", str(package)],
            cwd=str(package), env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)


def stop_lambda(process, timeout=5.0):
    """Stop a process started by ``spawn_lambda`` and everything in its process group. Idempotent."""
    _signal_group(process, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    # Whatever the Lambda started in its group goes too, even when the Lambda itself already ended.
    _signal_group(process, signal.SIGKILL)
    return process.wait()


def _signal_group(process, sig):
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def main(argv=None):
    """``python -m deeplens_gui.sim.runtime PROJECT_DIR``: run a Lambda package as Greengrass would."""
    parser = argparse.ArgumentParser(
        prog="python -m deeplens_gui.sim.runtime",
        description="Run a DeepLens Lambda package like a pinned Greengrass Lambda: import its handler "
                    "module (which starts its inference loop) and stay alive until stopped.")
    parser.add_argument("project_dir",
                        help="an unpacked Lambda package (a project folder with manifest.json)")
    args = parser.parse_args(argv)
    try:
        project = load_project(args.project_dir)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    # Off a camera the device modules are the virtual device's stand-ins.
    for name in ("awscam", "greengrasssdk"):
        if importlib.util.find_spec(name) is None:
            sys.path.insert(0, str(DEVICE_MODULES))
            break
    sys.path.insert(0, str(project.path))
    # Run from the source tree (not an unpacked package): shared helpers are found where they live.
    for shared in project.shared_files:
        if not (project.path / Path(shared).name).is_file():
            sys.path.append(str((project.path.parent / shared).parent))
    os.chdir(project.path)
    print("virtual DeepLens: starting {0} ({1}) from {2}".format(project.name, project.handler, project.path),
          flush=True)
    module = importlib.import_module(project.handler_module)
    if not callable(getattr(module, project.handler.split(".", 1)[1], None)):
        print("virtual DeepLens: {0} has no handler {1}".format(project.handler_module, project.handler),
              file=sys.stderr)
        return 1
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main())
