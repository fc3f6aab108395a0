"""Where DeepLens Console keeps its files on a device, relative to the login user's home directory.

Remote commands run in the home directory and SFTP resolves relative paths there, so these relative paths
work the same on a DeepLens (``/home/aws_cam``) and on a virtual device (its own root directory).
Everything the app writes on a device lives below APP_DIR: files it owns, nothing else.
"""

APP_DIR = ".deeplens-console"
#: unpacked project code: projects/<project id>/<version>/
PROJECTS_DIR = APP_DIR + "/projects"
#: JSON record of what is deployed (project, version, code_sha256, source, deployed_at, deployed_by), atomic
DEPLOYED_RECORD = APP_DIR + "/deployed.json"
#: one JSON line per deploy attempt and its outcome
HISTORY = APP_DIR + "/history.jsonl"
#: the device-side runner: its pid, its state (JSON: started_at, restarts, child pid, project dir), its log
RUNNER_PID = APP_DIR + "/runner.pid"
RUNNER_STATE = APP_DIR + "/runner.json"
RUNNER_LOG = APP_DIR + "/runner.log"
#: the project's own stdout/stderr
PROJECT_LOG = APP_DIR + "/project.log"
#: results the project published (greengrasssdk shim when not under Greengrass), JSON lines, bounded
RESULTS = APP_DIR + "/results.jsonl"
#: the device-side scripts the app uploads (runner, probe)
BIN_DIR = APP_DIR + "/bin"
#: the runner script in BIN_DIR (deeplens_gui/remote/runner.py, uploaded when its content changed)
RUNNER_SCRIPT = BIN_DIR + "/runner.py"


class DeviceLayout:
    """The same layout below another app folder (tests on a real sshd keep it out of the login's home).

    ``DeviceLayout()`` is exactly the module's constants; every path is relative to the home directory
    unless ``app_dir`` is absolute.
    """

    def __init__(self, app_dir=APP_DIR):
        self.app_dir = app_dir.rstrip("/") or "/"

    def _join(self, constant):
        return self.app_dir + constant[len(APP_DIR):]

    def __repr__(self):
        return "DeviceLayout({0!r})".format(self.app_dir)

    projects_dir = property(lambda self: self._join(PROJECTS_DIR), doc="PROJECTS_DIR below app_dir")
    deployed_record = property(lambda self: self._join(DEPLOYED_RECORD), doc="DEPLOYED_RECORD below app_dir")
    history = property(lambda self: self._join(HISTORY), doc="HISTORY below app_dir")
    runner_pid = property(lambda self: self._join(RUNNER_PID), doc="RUNNER_PID below app_dir")
    runner_state = property(lambda self: self._join(RUNNER_STATE), doc="RUNNER_STATE below app_dir")
    runner_log = property(lambda self: self._join(RUNNER_LOG), doc="RUNNER_LOG below app_dir")
    project_log = property(lambda self: self._join(PROJECT_LOG), doc="PROJECT_LOG below app_dir")
    results = property(lambda self: self._join(RESULTS), doc="RESULTS below app_dir")
    bin_dir = property(lambda self: self._join(BIN_DIR), doc="BIN_DIR below app_dir")
    runner_script = property(lambda self: self._join(RUNNER_SCRIPT), doc="RUNNER_SCRIPT below app_dir")

    def project_dir(self, project_id, version=None):
        """``projects/<id>`` or ``projects/<id>/<version>`` below app_dir."""
        path = self.projects_dir + "/" + project_id
        return path if version is None else path + "/" + version
