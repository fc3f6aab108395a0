"""The camera's Python for the virtual DeepLens: a Python 2.7 with numpy 1.16.6, OpenCV 4.2 and boto3.

A DeepLens runs its Lambdas with Python 2.7 and sample Lambdas are Python 2 code, so the virtual device
runs a project whose runtime is ``python2.7`` with a real 2.7 once ``prepare()`` (``deeplens-gui sim
--setup-python2``) has made one in the user's cache folder::

    <home>/bin/python2.7     the interpreter the virtual devices put on PATH (a script: it adds the wheels)
    <home>/site/             numpy, opencv-python and boto3 (cp27 wheels from PyPI, installed by pip 20.3.4)
    <home>/debian/           the unpacked Debian packages, when no python2.7 was on this machine
    <home>/ready.json        written last: what was prepared, from where, and ``STAMP``

The interpreter is an existing ``python2.7`` (PATH or pyenv) or else Debian bullseye's python2.7 packages
with libssl1.1 and libffi7, downloaded with ``apt-get download`` from this machine's own Debian mirror (read
from its apt sources, with the suite swapped to bullseye) and unpacked with ``dpkg -x``.
``DEEPLENS_PYTHON2_HOME`` replaces ``<home>``.
"""

import glob
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import platformdirs

from deeplens_gui.core.errors import ConfigError

HOME_ENV = "DEEPLENS_PYTHON2_HOME"
PIP = "pip==20.3.4"
#: boto3 and botocore for Lambdas that call AWS (Rekognition, S3) as they did on a camera: the last releases
#: for Python 2.7, each dependency pinned too (the download takes no dependencies).
BOTO3 = ("boto3==1.17.112", "botocore==1.20.112", "s3transfer==0.4.2", "jmespath==0.10.0",
         "python-dateutil==2.8.2", "urllib3==1.26.20", "six==1.16.0", "futures==3.3.0")
WHEELS = ("numpy==1.16.6", "opencv-python==4.2.0.32") + BOTO3
#: What a prepared folder holds; a folder prepared with another stamp is prepared again.
STAMP = 2
SUITE = "bullseye"
DEBIAN_PACKAGES = ("python2.7", "python2.7-minimal", "libpython2.7-minimal", "libpython2.7-stdlib",
                   "libssl1.1", "libffi7")
SETUP_COMMAND = "deeplens-gui sim --setup-python2"
_APT_SOURCES = ("/etc/apt/sources.list", "/etc/apt/sources.list.d")
_DEFAULT_KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
_ABI_PROBE = ("import sys; "
              "sys.stdout.write('%d.%d %s %s' % (sys.version_info[:2] + (sys.maxunicode, sys.executable)))")
_TIMEOUT = 900


class Python2Error(ConfigError):
    """The camera's Python 2.7 could not be prepared; the sentence says why and what to do."""


def home():
    """Where the camera's Python lives: ``$DEEPLENS_PYTHON2_HOME`` or the user cache folder."""
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("deeplens-console")) / "python2.7"


def prepared(folder=None):
    """The prepared ``python2.7`` script, or None unless ``prepare()`` completed there with this ``STAMP``."""
    folder = Path(folder) if folder is not None else home()
    script = folder / "bin" / "python2.7"
    if _stamp(folder) == STAMP and os.access(str(script), os.X_OK):
        return script
    return None


def _stamp(folder):
    """The ``STAMP`` a folder was prepared with: None when never, 1 for folders from before stamps."""
    try:
        return json.loads((folder / "ready.json").read_text()).get("stamp", 1)
    except (OSError, ValueError, AttributeError):
        return None


def describe(folder=None):
    """One sentence on which Python runs a python2.7 project on the virtual DeepLens."""
    script = prepared(folder)
    if script is not None:
        return "Projects whose runtime is python2.7 run with the camera's Python 2.7 ({0}).".format(script)
    folder = Path(folder) if folder is not None else home()
    if _stamp(folder) is not None:
        return ("The camera's Python 2.7 in {0} was prepared by an older version of DeepLens Console, so "
                "projects whose runtime is python2.7 run with Python {1}.{2} ({3}). Run '{4}' once to bring "
                "it up to date.".format(folder, sys.version_info[0], sys.version_info[1], sys.executable,
                                        SETUP_COMMAND))
    return ("No Python 2.7 is prepared, so projects whose runtime is python2.7 run with Python {0}.{1} "
            "({2}); Python-2-only code fails there. Run '{3}' once to prepare the camera's Python "
            "2.7.".format(sys.version_info[0], sys.version_info[1], sys.executable, SETUP_COMMAND))


def prepare(folder=None, source="auto", progress=print):
    """Make the camera's Python 2.7 in ``folder`` (default ``home()``); returns the ``python2.7`` script.

    ``source`` is ``"auto"`` (an existing python2.7, else Debian's) or ``"debian"``. ``progress`` gets one
    line per step. Raises Python2Error with what went wrong and what to do. A folder prepared with this
    ``STAMP`` is reused as it is; one prepared with an older stamp is brought up to date (reusing its
    downloads).
    """
    folder = Path(folder) if folder is not None else home()
    done = prepared(folder)
    if done is not None:
        progress("The camera's Python 2.7 is already prepared: {0}".format(done))
        return done
    if source not in ("auto", "debian"):
        raise Python2Error("Unknown Python 2.7 source {0!r}; use auto or debian.".format(source))
    if not sys.platform.startswith("linux") or platform.machine() not in ("x86_64", "AMD64"):
        # PyPI's Python 2.7 wheels of OpenCV 4.2 (and Debian's packages used here) are for x86-64 Linux.
        raise Python2Error("The camera's Python 2.7 can be prepared on x86-64 Linux only (this is {0} on {1}); "
                           "the virtual DeepLens runs python2.7 projects with Python {2} here.".format(
                               sys.platform, platform.machine(), sys.version.split()[0]))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Python2Error("Cannot create {0} ({1}); set {2} to a writable folder.".format(
            folder, error.strerror or error, HOME_ENV)) from error
    interpreter, library_dirs, python_home = None, [], None
    if source == "auto":
        interpreter = find_interpreter()
        if interpreter is not None:
            progress("Using this machine's Python 2.7: {0}".format(interpreter))
    if interpreter is None:
        interpreter, library_dirs, python_home = _debian_interpreter(
            folder / "debian", progress, reuse=_stamp(folder) is not None)
    script = _write_script(folder, interpreter, library_dirs, python_home, folder / "site")
    abi = _abi(script)
    _install_wheels(folder, script, abi, progress)
    check = _run([str(script), "-c", "import numpy, cv2, boto3, botocore.session; print(' '.join(("
                  "numpy.__version__, cv2.__version__, boto3.__version__, botocore.__version__)))"])
    if check.returncode != 0:
        raise Python2Error("The prepared Python 2.7 cannot import numpy, cv2 and boto3: {0}".format(
            _tail(check)))
    versions = check.stdout.split()
    (folder / "ready.json").write_text(json.dumps({
        "stamp": STAMP, "interpreter": str(interpreter), "abi": abi, "numpy": versions[0],
        "opencv": versions[1], "boto3": versions[2], "botocore": versions[3], "debian": bool(library_dirs)},
        indent=1) + "\n")
    progress("The camera's Python 2.7 is ready: {0} (numpy {1}, OpenCV {2}, boto3 {3})".format(
        script, versions[0], versions[1], versions[2]))
    return script


def find_interpreter():
    """A working CPython 2.7 of this machine (PATH first, then pyenv's versions), or None."""
    candidates = [shutil.which("python2.7"), shutil.which("python2")]
    pyenv = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    candidates += sorted(glob.glob(os.path.join(pyenv, "versions", "2.7*", "bin", "python2.7")), reverse=True)
    for candidate in candidates:
        if not candidate:
            continue
        # A pyenv shim is a script; the interpreter it runs is what the virtual device should use.
        probe = _run([candidate, "-c", _ABI_PROBE])
        fields = probe.stdout.split()
        if probe.returncode == 0 and len(fields) == 3 and fields[0] == "2.7":
            return Path(fields[2])
    return None


def _abi(script):
    probe = _run([str(script), "-c", _ABI_PROBE])
    fields = probe.stdout.split()
    if probe.returncode != 0 or len(fields) != 3 or fields[0] != "2.7":
        raise Python2Error("{0} does not run as Python 2.7: {1}".format(script, _tail(probe)))
    # Wide-unicode builds (Debian's, pyenv's on Linux) take the cp27mu wheels.
    return "cp27mu" if int(fields[1]) > 0xFFFF else "cp27m"


def _write_script(folder, interpreter, library_dirs, python_home, site):
    """The ``bin/python2.7`` every virtual device runs: the interpreter with the wheels on its path."""
    lines = ["#!/bin/sh", "# The camera's Python 2.7 for the virtual DeepLens (deeplens_gui.sim.python2)."]
    if library_dirs:
        lines.append('LD_LIBRARY_PATH={0}"${{LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}}"; export LD_LIBRARY_PATH'
                     .format(shlex.quote(os.pathsep.join(str(d) for d in library_dirs))))
    if python_home:
        lines.append("PYTHONHOME={0}; export PYTHONHOME".format(shlex.quote(str(python_home))))
    lines.append('PYTHONPATH="${{PYTHONPATH:+$PYTHONPATH:}}"{0}; export PYTHONPATH'.format(
        shlex.quote(str(site))))
    lines.append('exec {0} "$@"'.format(shlex.quote(str(interpreter))))
    script = folder / "bin" / "python2.7"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text("\n".join(lines) + "\n")
    script.chmod(0o755)
    return script


def _install_wheels(folder, script, abi, progress):
    """Download the cp27 wheels with this machine's pip, install them with pip 20.3.4 run by Python 2.7."""
    wheels = folder / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    progress("Downloading {0} and {1} ({2} wheels) from PyPI...".format(PIP, " ".join(WHEELS), abi))
    common = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(wheels)]
    fetched = _run(common + ["--platform", "manylinux1_x86_64", "--python-version", "27", "--implementation",
                             "cp", "--abi", abi] + list(WHEELS))
    if fetched.returncode == 0:
        fetched = _run(common + ["--python-version", "27", PIP])
    if fetched.returncode != 0:
        raise Python2Error("pip could not download the Python 2.7 wheels: {0}".format(_tail(fetched)))
    pip_wheel = sorted(wheels.glob("pip-20.3.4-*.whl"))
    site = folder / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=str(folder)))
    progress("Installing them with {0} into {1}...".format(PIP, site))
    # pip runs straight from its wheel; the machine's own pip settings (find-links, constraints) are for
    # Python 3 and stay out.
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull)
    for name in list(env):
        if name.startswith("PIP_") and name not in ("PIP_CONFIG_FILE", "PIP_CERT"):
            del env[name]
    installed = _run([str(script), str(pip_wheel[0]) + "/pip", "install", "--isolated", "--no-index",
                      "--disable-pip-version-check", "--no-warn-script-location", "--find-links", str(wheels),
                      "--target", str(staging)] + list(WHEELS), env=env)
    if installed.returncode != 0:
        shutil.rmtree(str(staging), ignore_errors=True)
        raise Python2Error("pip 20.3.4 could not install the wheels for Python 2.7: {0}".format(
            _tail(installed)))
    if site.exists():
        shutil.rmtree(str(site))
    os.replace(str(staging), str(site))


def debian_mirror(paths=_APT_SOURCES):
    """``(mirror URI, keyring or None)`` of this machine's Debian main archive, from its apt sources."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, name) for name in os.listdir(path)
                            if name.endswith((".list", ".sources")))
        elif os.path.isfile(path):
            files.append(path)
    for path in files:
        try:
            with open(path) as handle:
                text = handle.read()
        except OSError:
            continue
        entries = _deb822_entries(text) if path.endswith(".sources") else _one_line_entries(text)
        for uri, suites, keyring in entries:
            # The main archive (not -security/-updates/-backports) of a Debian mirror.
            if any(re.match(r"^[a-z]+$", suite) for suite in suites) and "/debian" in uri and (
                    "security" not in uri):
                return uri.rstrip("/"), keyring
    return None, None


def _one_line_entries(text):
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"^deb\s+(\[[^\]]*\]\s+)?(\S+)\s+(\S+)", line)
        if match:
            keyring = re.search(r"signed-by=(\S+)", match.group(1) or "")
            yield match.group(2), [match.group(3)], keyring.group(1).rstrip("]") if keyring else None


def _deb822_entries(text):
    for stanza in re.split(r"\n\s*\n", text):
        fields = {}
        for line in stanza.splitlines():
            if line.startswith("#") or ":" not in line or line[:1].isspace():
                continue
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip()
        if "deb" in fields.get("types", "").split() and fields.get("uris"):
            for uri in fields["uris"].split():
                yield uri, fields.get("suites", "").split(), fields.get("signed-by") or None


def _debian_interpreter(target, progress, reuse=False):
    """Download and unpack Debian bullseye's python2.7; ``(interpreter, library dirs, PYTHONHOME)``.

    ``reuse``: the folder was prepared once (with an older stamp), so what it unpacked then is complete.
    """
    if reuse and (target / "usr" / "bin" / "python2.7").is_file():
        progress("Reusing Debian's Python 2.7 unpacked in {0}".format(target))
        return _unpacked(target)
    if shutil.which("apt-get") is None or shutil.which("dpkg") is None:
        raise Python2Error("No python2.7 was found and this machine has no apt-get and dpkg to fetch "
                           "Debian's; install a Python 2.7 (for example with pyenv) and run '{0}' "
                           "again.".format(SETUP_COMMAND))
    mirror, keyring = debian_mirror()
    if mirror is None:
        raise Python2Error("No python2.7 was found and no Debian mirror is listed in {0}; install a Python "
                           "2.7 (for example with pyenv) and run '{1}' again.".format(
                               " or ".join(_APT_SOURCES), SETUP_COMMAND))
    apt = target.parent / "apt"
    for sub in ("lists/partial", "cache/archives/partial", "etc"):
        (apt / sub).mkdir(parents=True, exist_ok=True)
    keyring = keyring if keyring and os.path.isfile(keyring) else _DEFAULT_KEYRING
    options = "[signed-by={0}] ".format(keyring) if os.path.isfile(keyring) else ""
    (apt / "etc" / "sources.list").write_text("deb {0}{1} {2} main\n".format(options, mirror, SUITE))
    config = ["-o", "Dir::Etc::SourceList={0}".format(apt / "etc" / "sources.list"),
              "-o", "Dir::Etc::SourceParts=/nonexistent", "-o", "Dir::State::Lists={0}".format(apt / "lists"),
              "-o", "Dir::Cache={0}".format(apt / "cache"), "-o", "Debug::NoLocking=true",
              "-o", "APT::Sandbox::User={0}".format(_user())]
    progress("Reading Debian {0}'s package list from {1}...".format(SUITE, mirror))
    updated = _run(["apt-get", "-q"] + config + ["update"])
    if updated.returncode != 0:
        raise Python2Error("apt-get could not read Debian {0}'s package list from {1}: {2}".format(
            SUITE, mirror, _tail(updated)))
    debs = apt / "debs"
    debs.mkdir(exist_ok=True)
    progress("Downloading {0}...".format(", ".join(DEBIAN_PACKAGES)))
    downloaded = _run(["apt-get", "-q"] + config + ["download"] + list(DEBIAN_PACKAGES), cwd=str(debs))
    if downloaded.returncode != 0:
        raise Python2Error("apt-get could not download Debian {0}'s Python 2.7 packages: {1}".format(
            SUITE, _tail(downloaded)))
    progress("Unpacking them into {0}...".format(target))
    for deb in sorted(debs.glob("*.deb")):
        unpacked = _run(["dpkg", "-x", str(deb), str(target)])
        if unpacked.returncode != 0:
            raise Python2Error("dpkg could not unpack {0}: {1}".format(deb.name, _tail(unpacked)))
    if not (target / "usr" / "bin" / "python2.7").is_file():
        raise Python2Error("Debian's packages held no usr/bin/python2.7 in {0}.".format(target))
    return _unpacked(target)


def _unpacked(target):
    """``(interpreter, library dirs, PYTHONHOME)`` of Debian's Python 2.7 unpacked in ``target``."""
    interpreter = target / "usr" / "bin" / "python2.7"
    libraries = [target / "usr" / "lib" / "x86_64-linux-gnu", target / "lib" / "x86_64-linux-gnu"]
    return interpreter, [d for d in libraries if d.is_dir()], target / "usr"


def _user():
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return "root"


def _run(argv, cwd=None, env=None):
    try:
        return subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return subprocess.CompletedProcess(argv, 127, "", str(error))


def _tail(result):
    lines = [line for line in (result.stderr or result.stdout or "").splitlines() if line.strip()]
    return lines[-1].strip() if lines else "exit status {0}".format(result.returncode)
