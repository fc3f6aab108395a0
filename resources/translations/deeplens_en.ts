<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkDeployDialog</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="247"/>
        <source>{0} of %n device(s) deployed ({1} with problems); {2} failed.</source>
        <translation>
            <numerusform>{0} of %n device deployed ({1} with problems); {2} failed.</numerusform>
            <numerusform>{0} of %n devices deployed ({1} with problems); {2} failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="250"/>
        <source>{0} of %n device(s) deployed; {1} failed.</source>
        <translation>
            <numerusform>{0} of %n device deployed; {1} failed.</numerusform>
            <numerusform>{0} of %n devices deployed; {1} failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassroomView</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="478"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="493"/>
        <source>Saved %n snapshot(s) to {0}.</source>
        <translation>
            <numerusform>Saved %n snapshot to {0}.</numerusform>
            <numerusform>Saved %n snapshots to {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="551"/>
        <source>Saved %n recording(s), {0}, to {1}.</source>
        <translation>
            <numerusform>Saved %n recording, {0}, to {1}.</numerusform>
            <numerusform>Saved %n recordings, {0}, to {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="566"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="565"/>
        <source>%n camera(s), {0} so far, into {1}</source>
        <translation>
            <numerusform>%n camera, {0} so far, into {1}</numerusform>
            <numerusform>%n cameras, {0} so far, into {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="601"/>
        <source>Stopping the project on %n device(s)…</source>
        <translation>
            <numerusform>Stopping the project on %n device…</numerusform>
            <numerusform>Stopping the project on %n devices…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="605"/>
        <source>{0} of %n device(s) done.</source>
        <translation>
            <numerusform>{0} of %n device done.</numerusform>
            <numerusform>{0} of %n devices done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="623"/>
        <source>Recording %n host key(s)…</source>
        <translation>
            <numerusform>Recording %n host key…</numerusform>
            <numerusform>Recording %n host keys…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="638"/>
        <source>Rebooting %n device(s)…</source>
        <translation>
            <numerusform>Rebooting %n device…</numerusform>
            <numerusform>Rebooting %n devices…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoFleet</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/app.py" line="94"/>
        <source>%n virtual camera(s) run on this computer for the demo.</source>
        <translation>
            <numerusform>%n virtual camera runs on this computer for the demo.</numerusform>
            <numerusform>%n virtual cameras run on this computer for the demo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/device_panel.py" line="205"/>
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n face</numerusform>
            <numerusform>%n faces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/grid_view.py" line="273"/>
        <source>{0} of %n device(s)</source>
        <translation>
            <numerusform>{0} of %n device</numerusform>
            <numerusform>{0} of %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/status_panel.py" line="502"/>
        <source>%n deploy(s), newest first.</source>
        <translation>
            <numerusform>%n deploy, newest first.</numerusform>
            <numerusform>%n deploys, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/device_panel.py" line="135"/>
        <source>{0}, the last %n line(s)</source>
        <translation>
            <numerusform>{0}, the last line</numerusform>
            <numerusform>{0}, the last %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingController</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/recording.py" line="183"/>
        <source>Recording stopped: could not write {0} ({1}). The %n frame(s) recorded before that were kept.</source>
        <translation>
            <numerusform>Recording stopped: could not write {0} ({1}). The frame recorded before that was kept.</numerusform>
            <numerusform>Recording stopped: could not write {0} ({1}). The %n frames recorded before that were kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/recording.py" line="366"/>
        <source>REC {0} · %n frame(s)</source>
        <translation>
            <numerusform>REC {0} · %n frame</numerusform>
            <numerusform>REC {0} · %n frames</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/device_panel.py" line="317"/>
        <source>The latest %n result(s), newest first (topic {0}).</source>
        <translation>
            <numerusform>The latest result (topic {0}).</numerusform>
            <numerusform>The latest %n results, newest first (topic {0}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterController</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_controller.py" line="52"/>
        <source>%n device(s) from {0}</source>
        <translation>
            <numerusform>%n device from {0}</numerusform>
            <numerusform>%n devices from {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="227"/>
        <source>Imported %n device(s) {0}.</source>
        <translation>
            <numerusform>Imported %n device {0}.</numerusform>
            <numerusform>Imported %n devices {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="229"/>
        <source>%n row(s) were not imported:</source>
        <translation>
            <numerusform>%n row was not imported:</numerusform>
            <numerusform>%n rows were not imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="252"/>
        <source>Opened {0} (%n device(s)).</source>
        <translation>
            <numerusform>Opened {0} (%n device).</numerusform>
            <numerusform>Opened {0} (%n devices).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/roster_dialog.py" line="289"/>
        <source>Saved %n device(s) to {0}.</source>
        <translation>
            <numerusform>Saved %n device to {0}.</numerusform>
            <numerusform>Saved %n devices to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/status_panel.py" line="168"/>
        <source>%n day(s) {0} h</source>
        <translation>
            <numerusform>%n day {0} h</numerusform>
            <numerusform>%n days {0} h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewerCapture</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/capture.py" line="136"/>
        <source>Recording saved to {0}: %n frame(s), {1}.</source>
        <translation>
            <numerusform>Recording saved to {0}: %n frame, {1}.</numerusform>
            <numerusform>Recording saved to {0}: %n frames, {1}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="37"/>
        <source>Project to deploy to %n device(s): mask or face (bundled), a project folder, or lambda:NAME[:VERSION]</source>
        <translation>
            <numerusform>Project to deploy to %n device: mask or face (bundled), a project folder, or lambda:NAME[:VERSION]</numerusform>
            <numerusform>Project to deploy to %n devices: mask or face (bundled), a project folder, or lambda:NAME[:VERSION]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../deeplens_gui/ui/bulk_dialogs.py" line="53"/>
        <source>Reboot %n device(s)? Their projects stop until they are back (about a minute).</source>
        <translation>
            <numerusform>Reboot %n device? Its project stops until it is back (about a minute).</numerusform>
            <numerusform>Reboot %n devices? Their projects stop until they are back (about a minute).</numerusform>
        </translation>
    </message>
</context>
</TS>
