"""Remote command lines: every path handed to a device-side program is data, even one starting with a dash."""

import json
import shutil
import subprocess

from deeplens_gui.core import commands
from deeplens_gui.remote import runner


def test_runner_script_and_app_folder_starting_with_a_dash(tmp_path):
    shutil.copy(runner.__file__, str(tmp_path / "-runner.py"))
    command = commands.runner_command("-runner.py", "-app dir", "status")
    result = subprocess.run(["sh", "-c", command], cwd=str(tmp_path), capture_output=True, timeout=30,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"alive": False, "child_alive": False, "state": "none"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["-runner.py"]
