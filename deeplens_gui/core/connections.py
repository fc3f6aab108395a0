"""ConnectionPool: one DeviceConnection per device name, shared by its stream, status polls and deploys.

A classroom of 40 cameras must not open 120 SSH connections: every user of a device asks the pool, and gets
the same lazy, thread-safe DeviceConnection (paramiko multiplexes channels on one transport). Users that
"close" what they were given, such as a stream worker ending, get a ``BorrowedConnection`` whose ``close()``
only lets go; the pool's ``close(name)``/``close_all()`` really close.
"""

import threading

from deeplens_gui.core.ssh import DeviceConnection, SshOptions


class BorrowedConnection:
    """A view of a pooled connection whose ``close()`` lets go instead of closing it for everyone.

    Everything else (``open``, ``run``, ``open_channel``, ``sftp``, ``is_open``, ``endpoint``...) is the
    shared connection's own.
    """

    def __init__(self, connection):
        self._connection = connection

    @property
    def shared(self):
        """The pooled DeviceConnection behind this view."""
        return self._connection

    @property
    def device(self):
        """The Device the connection reaches."""
        return self._connection.device

    def close(self):
        """Let go of the connection; it stays open for the device's other users."""

    def __getattr__(self, name):
        return getattr(self._connection, name)

    def __repr__(self):
        return "<BorrowedConnection of {0!r}>".format(self._connection)


class ConnectionPool:
    """One connection per device name (thread-safe).

    ``options_for_device`` is SshOptions for every device, or a callable ``device -> SshOptions``;
    ``connection_factory(device, options)`` builds connections (DeviceConnection by default).
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
        self._connections = {}

    def get(self, device):
        """The shared connection of ``device`` (created on first use; connecting is lazy).

        When the roster changed the device behind a name (another host, port or key), the old connection is
        closed and a new one made.
        """
        stale = None
        with self._lock:
            connection = self._connections.get(device.name)
            if connection is not None and connection.device != device:
                stale, connection = connection, None
            if connection is None:
                connection = self._factory(device, self._options_for_device(device))
                self._connections[device.name] = connection
        if stale is not None:
            stale.close()
        return connection

    def borrow(self, device):
        """A BorrowedConnection of ``device``'s shared connection (for users that close what they get)."""
        return BorrowedConnection(self.get(device))

    def peek(self, name):
        """The connection of ``name`` if the pool has one, else None (never creates one)."""
        with self._lock:
            return self._connections.get(name)

    def names(self):
        """Names of the devices that have a connection in the pool."""
        with self._lock:
            return list(self._connections)

    def __len__(self):
        with self._lock:
            return len(self._connections)

    def close(self, name):
        """Close and forget ``name``'s connection (idempotent). Blocking reads on its channels return."""
        with self._lock:
            connection = self._connections.pop(name, None)
        if connection is not None:
            connection.close()

    def close_all(self):
        """Close and forget every connection (idempotent)."""
        with self._lock:
            connections = list(self._connections.values())
            self._connections.clear()
        for connection in connections:
            connection.close()
