"""Checks, before any QApplication exists, that Qt's platform plugin can load.

On Linux PyQt5's wheel brings Qt but not the X11/xcb system libraries its ``xcb`` plugin links against. When one is
missing Qt prints a wall of text and aborts the process (exit 134, often a core dump), and a new user learns
nothing. This module finds the plugin Qt will use, follows its ELF dependencies the way the dynamic loader
resolves them (RPATH, LD_LIBRARY_PATH, RUNPATH with ``$ORIGIN``, the ld.so cache, the default folders) and names
what is missing with the commands that install it. It imports no Qt module but QtCore (which has no window-system
dependencies) and nothing from the rest of ``ui``, so it runs before Qt can abort.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass

from elftools.common.exceptions import ELFError
from elftools.elf.elffile import ELFFile

# Qt 5's platform names and the plugin file that provides each (Qt reads the name from the plugin's metadata;
# these are the files PyQt5's wheel and the distributions ship).
PLUGIN_FILES = {
    "xcb": "libqxcb.so",
    "wayland": "libqwayland-generic.so",
    "wayland-egl": "libqwayland-egl.so",
    "wayland-xcomposite-egl": "libqwayland-xcomposite-egl.so",
    "wayland-xcomposite-glx": "libqwayland-xcomposite-glx.so",
    "offscreen": "libqoffscreen.so",
    "minimal": "libqminimal.so",
    "minimalegl": "libqminimalegl.so",
    "eglfs": "libqeglfs.so",
    "linuxfb": "libqlinuxfb.so",
    "vnc": "libqvnc.so",
    "webgl": "libqwebgl.so",
}
# Qt 5 uses xcb unless QT_QPA_PLATFORM says otherwise, also in a Wayland session (through XWayland).
DEFAULT_PLATFORM = "xcb"

# The package that provides each library on Debian/Ubuntu (apt), Fedora (dnf) and Arch (pacman): the family Qt
# 5.15's xcb and wayland plugins link against. A library not listed gets Debian's naming rule and dnf's
# install-by-soname; pacman has no such rule, so the sentence then names the file to look up.
PACKAGES = {
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libXext.so.6": ("libxext6", "libXext", "libxext"),
    "libXrender.so.1": ("libxrender1", "libXrender", "libxrender"),
    "libXau.so.6": ("libxau6", "libXau", "libxau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp", "libxdmcp"),
    "libICE.so.6": ("libice6", "libICE", "libice"),
    "libSM.so.6": ("libsm6", "libSM", "libsm"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client", "wayland"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor", "wayland"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl", "wayland"),
}
FAMILIES = (("apt-get install", "Debian, Ubuntu"), ("dnf install", "Fedora"), ("pacman -S", "Arch"))

_LOADER_ERROR = re.compile(r"(\S+\.so[\w.]*): cannot open shared object file")


@dataclass(frozen=True)
class PlatformProblem:
    """Why Qt's platform plugin would abort the process, in a form the CLI can print as one sentence."""

    platform: str
    missing: tuple = ()  # sonames the loader cannot find
    no_display: bool = False

    def sentence(self):
        """One sentence: what is missing and the exact commands that install it."""
        if self.no_display:
            return (f"Qt's {self.platform} platform needs an X11 display, but DISPLAY is not set: start the app "
                    "from a desktop session, or run without a window with QT_QPA_PLATFORM=offscreen.")
        commands = []
        for (command, family), names in zip(FAMILIES, zip(*(packages_for(lib) for lib in self.missing))):
            commands.append("`sudo {} {}` ({})".format(command, " ".join(_unique(names)), family))
        return ("Qt cannot load its {} platform plugin because these system libraries are missing: {}; "
                "install them with {}, or {}.".format(self.platform, ", ".join(self.missing),
                                                     ", ".join(commands[:-1]), commands[-1]))


def packages_for(soname):
    """(apt, dnf, pacman) package names that provide *soname*."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = re.match(r"^lib(.+)\.so\.(\d+)", soname)
    if match:
        stem, major = match.groups()
        # Debian names a library package after its soname: libfoo.so.1 -> libfoo1, libfoo2.so.0 -> libfoo2-0.
        debian = "lib{}{}{}".format(stem.lower(), "-" if stem[-1:].isdigit() else "", major)
    else:
        debian = soname
    dnf = f"'{soname}()(64bit)'" if sys.maxsize > 2 ** 32 else f"'{soname}'"
    return debian, dnf, f"$(pacman -Fq {soname})"


def _unique(names):
    seen = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def check(environ=None, system_dirs=None, plugin_dirs=None):
    """The problem that would make Qt abort at start, or None when the platform plugin can load.

    *system_dirs* replaces the ld.so cache and the default folders (a test hides a library that way);
    *plugin_dirs* replaces the folders Qt searches for platform plugins.
    """
    if not sys.platform.startswith("linux"):
        return None  # Windows and macOS wheels carry every library their platform plugins need.
    environ = os.environ if environ is None else environ
    platform = _platform_name(environ)
    try:
        from PyQt5.QtCore import QLibraryInfo
    except ImportError as error:
        # QtCore itself needs a system library (glib): the import names it.
        match = _LOADER_ERROR.search(str(error))
        return PlatformProblem(platform, (match.group(1),)) if match else None
    if plugin_dirs is None:
        plugin_dirs = _plugin_dirs(environ, QLibraryInfo.location(QLibraryInfo.PluginsPath))
    plugin = _find_plugin(platform, plugin_dirs)
    if plugin is None:
        return None  # an unknown or custom platform: Qt's own message is the best there is
    missing = missing_libraries(plugin, environ, system_dirs)
    if missing:
        return PlatformProblem(platform, tuple(missing))
    if platform == "xcb" and not environ.get("DISPLAY"):
        return PlatformProblem(platform, no_display=True)
    return None


def _platform_name(environ):
    # Qt 5 takes the first name of a ';' list as the platform (later ones are fallbacks it may not reach).
    name = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    return name or DEFAULT_PLATFORM


def _plugin_dirs(environ, plugins_path):
    dirs = [environ["QT_QPA_PLATFORM_PLUGIN_PATH"]] if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") else []
    dirs += [os.path.join(path, "platforms") for path in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep)
             if path]
    dirs.append(os.path.join(plugins_path, "platforms"))
    return dirs


def _find_plugin(platform, plugin_dirs):
    filename = PLUGIN_FILES.get(platform)
    if filename is None:
        return None
    for folder in plugin_dirs:
        candidate = os.path.join(folder, filename)
        if os.path.isfile(candidate):
            return candidate
    return None


def missing_libraries(path, environ=None, system_dirs=None):
    """Sonames that *path* needs, directly or through its dependencies, and the loader would not find."""
    environ = os.environ if environ is None else environ
    if system_dirs is None:
        system_cache = _ld_cache()
        system_dirs = _default_dirs()
    else:
        system_cache = {}
    env_dirs = [d for d in environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    with open(path, "rb") as stream:
        header = ELFFile(stream)
        target = (header.elfclass, header["e_machine"])
    missing, seen, queue = [], set(), [path]
    while queue:
        current = queue.pop()
        needed, rpath, runpath = _dynamic(current)
        origin = os.path.dirname(os.path.realpath(current))
        own = [d.replace("$ORIGIN", origin).replace("${ORIGIN}", origin) for d in (runpath or rpath)]
        for soname in needed:
            if soname in seen:
                continue
            seen.add(soname)
            # glibc's order: RPATH (only when there is no RUNPATH), LD_LIBRARY_PATH, RUNPATH, the cache, defaults.
            search = (own if not runpath else []) + env_dirs + (own if runpath else [])
            found = _search(soname, search, target) or _cached(soname, system_cache, target) \
                or _search(soname, system_dirs, target)
            if found:
                queue.append(found)
            else:
                missing.append(soname)
    return missing


def _dynamic(path):
    needed, rpath, runpath = [], [], []
    with open(path, "rb") as stream:
        # The program header's PT_DYNAMIC is what the loader reads (section headers may be stripped).
        dynamic = [s for s in ELFFile(stream).iter_segments() if s["p_type"] == "PT_DYNAMIC"]
        for tag in dynamic[0].iter_tags() if dynamic else ():
            if tag.entry.d_tag == "DT_NEEDED":
                needed.append(tag.needed)
            elif tag.entry.d_tag == "DT_RPATH":
                rpath += tag.rpath.split(":")
            elif tag.entry.d_tag == "DT_RUNPATH":
                runpath += tag.runpath.split(":")
    return needed, rpath, runpath


def _matches(path, target):
    # The loader skips a library of another class or machine (a 32-bit one in a multilib folder).
    try:
        with open(path, "rb") as stream:
            header = ELFFile(stream)
            return (header.elfclass, header["e_machine"]) == target
    except (OSError, ELFError):  # not an ELF file of ours: the loader skips it too
        return False


def _search(soname, dirs, target):
    for folder in dirs:
        candidate = os.path.join(folder, soname)
        if os.path.exists(candidate) and _matches(candidate, target):
            return candidate
    return None


def _cached(soname, cache, target):
    for candidate in cache.get(soname, ()):
        if os.path.exists(candidate) and _matches(candidate, target):
            return candidate
    return None


def _ld_cache():
    """soname -> paths, from ``ldconfig -p`` (the loader's own cache); empty where there is none (musl)."""
    ldconfig = shutil.which("ldconfig") or shutil.which("ldconfig", path="/sbin:/usr/sbin")
    if ldconfig is None:
        return {}
    try:
        output = subprocess.run([ldconfig, "-p"], check=False, capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    cache = {}
    for line in output.splitlines():
        name, arrow, target = line.strip().partition(" => ")
        if arrow:
            cache.setdefault(name.split(" (")[0], []).append(target.strip())
    return cache


def _default_dirs():
    multiarch = sysconfig.get_config_var("MULTIARCH")
    dirs = ["/lib/" + multiarch, "/usr/lib/" + multiarch] if multiarch else []
    return dirs + ["/lib64", "/usr/lib64", "/lib", "/usr/lib"]
