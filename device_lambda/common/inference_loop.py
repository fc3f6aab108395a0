"""The long-lived loop of a DeepLens inference Lambda, shared by the bundled projects.

Runs ON the camera (Python 2.7 and 3.5+). Like the DeepLens samples' ``infinite_infer_run``: grab the
latest camera frame, run the model, draw the result on the frame, hand the frame to the local display (the
FIFO the viewer reads) and publish the result to ``$aws/things/<thing name>/infer``. A model that cannot be
loaded is reported (published, printed and drawn on the live picture) and retried, so the stream never dies
silently: "deployed successfully but no output" has an answer on screen.
"""

import json
import os
import time

import awscam
import greengrasssdk

from local_display import LocalDisplay, draw_message

#: seconds between attempts to load a model that failed to load
RETRY_S = 30
#: where a DeepLens keeps model artifacts (the virtual DeepLens sets its own)
ARTIFACTS_DIR = os.environ.get('DEEPLENS_ARTIFACTS_DIR', '/opt/awscam/artifacts')


def load_manifest(handler_file):
    """The project's manifest.json, next to the handler file."""
    with open(os.path.join(os.path.dirname(os.path.abspath(handler_file)), 'manifest.json')) as manifest_file:
        return json.load(manifest_file)


def model_path(manifest):
    """Where the project's model artifact lives on this camera: the first of ``artifact`` and then
    ``fallback_artifacts`` that is there (a camera that ran the workshop has the console's SqueezeNet, one
    set up by hand may have a converted model under another name); the preferred one when none is, so the
    load error names the file to provide."""
    model = manifest['model']
    names = [model['artifact']] + list(model.get('fallback_artifacts') or [])
    for name in names:
        path = os.path.join(ARTIFACTS_DIR, name)
        if os.path.isfile(path):
            return path
    return os.path.join(ARTIFACTS_DIR, names[0])


class Publisher(object):
    """Publishes results to the camera's inference topic through Greengrass."""

    def __init__(self):
        self.client = greengrasssdk.client('iot-data')
        self.topic = '$aws/things/{0}/infer'.format(os.environ.get('AWS_IOT_THING_NAME', 'deeplens'))

    def publish(self, payload):
        """Send ``payload`` (a string) on the inference topic."""
        self.client.publish(topic=self.topic, payload=payload)


def run_forever(title, manifest, infer, publisher, error_colour):
    """Grab frames and run ``infer(model, frame)`` on each, forever.

    ``infer`` draws its result on the frame and returns what to publish (a dict, sent as JSON). ``title``
    names the project in status messages ("face detection").
    """
    local_display = LocalDisplay(manifest['stream']['resolution'])
    local_display.start()
    path = model_path(manifest)
    model = None
    error = None
    retry_at = 0
    while True:
        try:
            ret, frame = awscam.getLastFrame()
            if not ret:
                raise Exception('Failed to get frame from the stream')
            if model is None and time.time() >= retry_at:
                loading = 'Loading {0} model'.format(title)
                local_display.set_frame_data(draw_message(frame, loading))
                publisher.publish(loading)
                try:
                    model = awscam.Model(path, {'GPU': 1})
                except Exception as ex:
                    error = 'Error in {0} lambda: {1}'.format(title, ex)
                    print(error)
                    publisher.publish(error)
                    retry_at = time.time() + RETRY_S
                    continue
                publisher.publish('{0} model loaded'.format(title[:1].upper() + title[1:]))
            if model is None:
                wait = int(retry_at - time.time()) + 1
                local_display.set_frame_data(draw_message(
                    frame, '{0}\nTrying again in {1} s.'.format(error, wait), error_colour))
                continue
            result = infer(model, frame)
            local_display.set_frame_data(frame)
            publisher.publish(json.dumps(result))
        except Exception as ex:
            message = 'Error in {0} lambda: {1}'.format(title, ex)
            print(message)
            publisher.publish(message)
            time.sleep(1)
