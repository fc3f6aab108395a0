"""ConnectionPool: the one pool of SSH connections of a process, with counted borrows.

A classroom of 40 cameras must not open 120 SSH connections: every user of a device (its stream, status polls,
log reads, deploys) borrows from the pool and gets the same lazy, thread-safe DeviceConnection (paramiko
multiplexes channels on one transport). A borrow is counted; when the last borrower lets go, the pool closes
the connection in that borrower's thread (a stream worker or a job, never the GUI thread) and forgets it.

Connections are keyed by the whole Device value: a device that only shares another's name (another user, key
or stream path) gets its own connection and leaves the other one alone.
"""

import threading

from deeplens_gui.core.ssh import DeviceConnection, SshOptions


class BorrowedConnection:
    """One counted borrow of a pooled connection; ``close()`` lets go (once) instead of closing it for all.

    It is used like the connection itself (``open``, ``run``, ``open_channel``, ``sftp``, ``is_open``...);
    ``shared`` is the pooled DeviceConnection, for users that must really close it (a dead network).
    Also a context manager that lets go at the end of the block.
    """

    def __init__(self, pool, key, connection):
        self._pool = pool
        self._key = key
        self._connection = connection
        self._released = False
        self._lock = threading.Lock()

    @property
    def shared(self):
        """The pooled DeviceConnection behind this borrow."""
        return self._connection

    @property
    def device(self):
        """The Device the connection reaches."""
        return self._connection.device

    @property
    def released(self):
        """True once this borrow let go."""
        return self._released

    def close(self):
        """Let go of the connection (idempotent); the last borrower's close really closes it."""
        with self._lock:
            if self._released:
                return
            self._released = True
        self._pool._release(self._key, self._connection)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __getattr__(self, name):
        return getattr(self._connection, name)

    def __repr__(self):
        return "<BorrowedConnection of {0!r}>".format(self._connection)


class ConnectionPool:
    """One connection per Device value, shared by counted borrows (thread-safe).

    ``options_for_device`` is SshOptions for every device, or a callable ``device -> SshOptions`` (asked when
    a connection is made); ``connection_factory(device, options)`` builds connections (DeviceConnection by
    default).
    """

    def __init__(self, options_for_device=None, connection_factory=DeviceConnection):
        if options_for_device is None:
            options_for_device = SshOptions()
        if isinstance(options_for_device, SshOptions):
            fixed = options_for_device

            def options_for_device(_device):
                return fixed
        self._options_for_device = options_for_device
        self._factory = connection_factory
        self._lock = threading.Lock()
        self._entries = {}  # Device -> [connection, borrows]

    def borrow(self, device):
        """A counted BorrowedConnection of ``device``'s shared connection (made on first use; connecting is
        lazy). Close it when done."""
        with self._lock:
            entry = self._entry(device)
            entry[1] += 1
            return BorrowedConnection(self, device, entry[0])

    def get(self, device):
        """``device``'s shared connection without borrowing it: it stays until its last borrower lets go or
        ``close_all()``. For a user that only needs it while somebody else holds a borrow."""
        with self._lock:
            return self._entry(device)[0]

    def borrows(self, device):
        """How many borrows of ``device``'s connection are open (0 when the pool has none)."""
        with self._lock:
            entry = self._entries.get(device)
            return entry[1] if entry is not None else 0

    def peek(self, device):
        """The connection of ``device`` if the pool has one, else None (never creates one)."""
        with self._lock:
            entry = self._entries.get(device)
            return entry[0] if entry is not None else None

    def names(self):
        """Names of the devices that have a connection in the pool."""
        with self._lock:
            return [device.name for device in self._entries]

    def __len__(self):
        with self._lock:
            return len(self._entries)

    def close_all(self):
        """Close and forget every connection (idempotent); open borrows then only let go."""
        with self._lock:
            connections = [entry[0] for entry in self._entries.values()]
            self._entries.clear()
        for connection in connections:
            connection.close()

    def _entry(self, device):
        entry = self._entries.get(device)
        if entry is None:
            entry = self._entries[device] = [self._factory(device, self._options_for_device(device)), 0]
        return entry

    def _release(self, device, connection):
        with self._lock:
            entry = self._entries.get(device)
            if entry is None or entry[0] is not connection:
                return  # closed by close_all() meanwhile
            entry[1] -= 1
            if entry[1] > 0:
                return
            del self._entries[device]
        connection.close()
