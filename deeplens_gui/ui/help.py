"""Help: the in-app workshop guide (F1) and the About box with the versions of everything that matters."""

import html
import platform
from importlib import metadata

from PyQt5.QtCore import PYQT_VERSION_STR, QT_VERSION_STR, Qt
from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from deeplens_gui import __version__

#: Distributions shown in the About box: (label, distribution names tried in order).
_PACKAGES = (
    ("paramiko", ("paramiko",)),
    ("OpenCV", ("opencv-python-headless", "opencv-python", "opencv-contrib-python-headless")),
    ("boto3", ("boto3",)),
    ("NumPy", ("numpy",)),
)


def package_version(names):
    """The installed version of the first distribution in ``names`` that is installed, else None."""
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def versions():
    """``[(label, version)]`` of the app, Python, Qt, PyQt and the libraries doing the work."""
    rows = [("DeepLens Console", __version__), ("Python", platform.python_version()),
            ("Qt", QT_VERSION_STR), ("PyQt5", PYQT_VERSION_STR)]
    for label, names in _PACKAGES:
        rows.append((label, package_version(names) or "-"))
    return rows


class WorkshopGuideDialog(QDialog):
    """A short, translated walk through the workshop: connect, view, deploy the mask project, check it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workshop guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self.guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def sections(self):
        """``[(title, [paragraph, ...])]`` of the guide; paragraphs may hold <b> and <i>."""
        return [
            (self.tr("1. Connect to your DeepLens"), [
                self.tr("Type the camera's address in the device bar, for example "
                        "<b>aws_cam@192.168.1.20</b>, or a Host alias from your ssh config, and press "
                        "<b>Connect</b> (Ctrl+L)."),
                self.tr("The first time, the app shows the camera's <b>host key fingerprint</b>. Compare "
                        "it with the one your instructor gives you and choose <b>Trust and connect</b> "
                        "only if they match; the key is then remembered in your known_hosts file."),
                self.tr("If you use a key file, choose it with the <b>…</b> button next to <i>Key</i>; "
                        "otherwise your SSH agent and ~/.ssh keys are tried."),
            ]),
            (self.tr("2. Watch the stream"), [
                self.tr("The <b>Project stream</b> shows what the running project draws (boxes and "
                        "labels); the <b>Camera stream</b> shows the plain camera picture."),
                self.tr("<b>Ctrl+I</b> shows or hides the overlay with frame rate and size, <b>F11</b> "
                        "shows the video on the whole screen, <b>Ctrl+S</b> saves a snapshot and "
                        "<b>Ctrl+R</b> records the stream."),
                self.tr("“No project is running on the device” means the camera works but nothing writes "
                        "the project stream yet: deploy a project (next step)."),
            ]),
            (self.tr("3. Deploy the mask detection project"), [
                self.tr("Open the <b>device panel</b> (Ctrl+D) and press <b>Mask detection</b> next to "
                        "Deploy, or use Device ▸ Deploy Mask Detection."),
                self.tr("The deploy window lists each step: upload, install, start. If a step fails, the "
                        "previous project is put back and the window says what to do."),
            ]),
            (self.tr("4. Check the result"), [
                self.tr("The project stream shows the verdict on the picture: <b>Mask</b> (green) or "
                        "<b>Not Mask</b> (red), with the class the model saw and its probability."),
                self.tr("The <b>Results</b> tab of the device panel lists the same results as text, newest "
                        "first; the <b>Status</b> tab must say <b>Running</b>. The <b>Log</b> tab shows "
                        "the project's log when something goes wrong."),
            ]),
            (self.tr("5. Classroom mode (instructors)"), [
                self.tr("<b>Classroom ▸ Open Roster…</b> (Ctrl+O) shows every student's camera in a grid "
                        "(Ctrl+2; Ctrl+1 goes back to the single viewer). Double-click a tile to watch it "
                        "in the viewer."),
                self.tr("Select tiles to deploy a project to many cameras at once, or to reboot them."),
            ]),
            (self.tr("When something goes wrong"), [
                self.tr("Every error says what to do. The most common: a wrong address or port (check the "
                        "camera's IP), <i>authentication failed</i> (check the user name and key), <i>host "
                        "key changed</i> (the camera was reinstalled: ask your instructor before removing "
                        "the old key) and <i>no project running</i> (deploy one)."),
                self.tr("The full user guide is docs/USER_GUIDE.md in the project."),
            ]),
        ]

    def guide_html(self):
        """The guide as HTML for the text browser."""
        parts = ["<h2>{0}</h2>".format(html.escape(self.tr("DeepLens workshop guide")))]
        for title, paragraphs in self.sections():
            parts.append("<h3>{0}</h3>".format(html.escape(title)))
            parts.extend("<p>{0}</p>".format(text) for text in paragraphs)
        return "\n".join(parts)


class AboutDialog(QDialog):
    """What this is, the versions (for bug reports) and where secrets are kept."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About DeepLens Console"))
        rows = "".join("<tr><td>{0}</td><td>&nbsp;&nbsp;{1}</td></tr>".format(html.escape(label),
                                                                            html.escape(version))
                       for label, version in versions())
        text = ("<h3>DeepLens Console {0}</h3><p>{1}</p><table>{2}</table><p>{3}</p>").format(
            html.escape(__version__),
            html.escape(self.tr("Watch and manage AWS DeepLens cameras over SSH: live viewer, device panel, "
                                "deploys and a classroom grid.")),
            rows,
            html.escape(self.tr("Passwords and key passphrases are kept only in your system keyring, never "
                                "in the settings file; see docs/SECURITY.md.")))
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.RichText)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def text(self):
        """The box's text without markup (tests, copying)."""
        return self.label.text()
