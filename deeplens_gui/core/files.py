"""Local files written so that a crash, a full disk or a read-only folder never leaves a broken file.

Everything is written to a temporary file in the target's folder and renamed over the target only when
complete; on failure the temporary file is removed and the previous file is untouched.
"""

import errno
import os
import tempfile

from deeplens_gui.core.errors import StorageError
from deeplens_gui.core.text import say


def storage_error(path, error):
    """A StorageError with a sentence for an OSError while writing ``path``."""
    reasons = {
        errno.ENOSPC: say("the disk is full"),
        errno.EDQUOT: say("the disk quota is exceeded"),
        errno.EROFS: say("the folder is on a read-only file system"),
        errno.EACCES: say("you may not write to that folder"),
        errno.EPERM: say("you may not write to that folder"),
        errno.ENOENT: say("the folder does not exist"),
    }
    reason = reasons.get(getattr(error, "errno", None), getattr(error, "strerror", None) or str(error))
    return StorageError(say("Could not save {0}: {1}. Any previous file there is unchanged.", path, reason))


class AtomicFile:
    """A binary file that appears at ``path`` only when ``commit()`` is called (or the ``with`` ends cleanly).

    ``suffix`` keeps an extension on the temporary name for writers that choose a format by it (OpenCV).
    """

    def __init__(self, path, suffix=""):
        self.path = os.fspath(path)
        folder = os.path.dirname(os.path.abspath(self.path))
        try:
            fd, self.temp_path = tempfile.mkstemp(
                prefix="." + os.path.basename(self.path) + ".", suffix=".part" + suffix, dir=folder)
        except OSError as error:
            raise storage_error(self.path, error) from error
        self.file = os.fdopen(fd, "wb")
        self.closed = False

    def write(self, data):
        """Append bytes; raises StorageError (and discards the temporary file) on failure."""
        try:
            self.file.write(data)
        except OSError as error:
            self.discard()
            raise storage_error(self.path, error) from error

    def commit(self):
        """Flush, sync and rename over the target. Idempotent."""
        if self.closed:
            return
        try:
            if not self.file.closed:
                self.file.flush()
                os.fsync(self.file.fileno())
                self.file.close()
            else:  # written by name by another writer (OpenCV)
                fd = os.open(self.temp_path, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            _keep_mode(self.path, self.temp_path)
            os.replace(self.temp_path, self.path)
        except OSError as error:
            self.discard()
            raise storage_error(self.path, error) from error
        self.closed = True

    def discard(self):
        """Drop the temporary file; the target stays as it was. Idempotent."""
        if self.closed:
            return
        self.closed = True
        try:
            self.file.close()
        except OSError:
            pass
        try:
            os.unlink(self.temp_path)
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def atomic_write(path, data):
    """Write ``data`` (bytes) to ``path`` atomically."""
    with AtomicFile(path) as out:
        out.write(data)


def _keep_mode(path, temp_path):
    # mkstemp makes 0600 files; keep the old file's mode, or the usual umask-based one for a new file.
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_path, mode)
