"""Face detection for AWS DeepLens (Python 2.7 and 3.5+), after the ``deeplens-face-detection`` sample.

The DeepLens face SSD (``mxnet_deploy_ssd_FP16_FUSED.xml``) runs on a 300x300 copy of every camera
frame. Each face above the threshold gets a box and its confidence ("NN.NN%") on the full frame, which
goes to the project stream (LocalDisplay). Each frame's faces are published as JSON on
``$aws/things/<thing name>/infer``: ``{"faces": [{"prob": p, "box": [xmin, ymin, xmax, ymax]}, ...]}``
with the box in frame pixels.

Unlike the stock sample, boxes are scaled back with true float division, so they sit on the faces
for any frame size (the sample's Python 2 integer division misplaced them).

Like the samples, ``infinite_infer_run()`` runs when Greengrass imports this module (a pinned,
long-lived Lambda) and ``function_handler`` does nothing. Settings come from ``manifest.json``.
A model that cannot be loaded is reported on the topic and on the stream, and loading is retried
every ``RETRY_S`` seconds (the loop is ``inference_loop.run_forever``, shared with the mask
project and copied into the package by the packager).
"""

import cv2

from inference_loop import Publisher, load_manifest, run_forever

MANIFEST = load_manifest(__file__)
MODEL = MANIFEST['model']
MODEL_TYPE = MODEL['type']
INPUT_WIDTH, INPUT_HEIGHT = MODEL['input']
THRESHOLD = MODEL['threshold']

BOX_COLOUR = (255, 165, 20)
ERROR_COLOUR = (0, 0, 255)

publisher = Publisher()


def function_handler(event, context):
    """Greengrass needs a handler; the work happens in the long-lived loop started at import."""
    return


def clamp(value, low, high):
    return max(low, min(high, value))


def detect(model, frame):
    """Run the SSD on ``frame``, draw each face on it and return the faces to publish."""
    frame_h, frame_w = frame.shape[:2]
    frame_resize = cv2.resize(frame, (INPUT_WIDTH, INPUT_HEIGHT))
    parsed = model.parseResult(MODEL_TYPE, model.doInference(frame_resize))[MODEL_TYPE]
    xscale = frame_w / float(INPUT_WIDTH)
    yscale = frame_h / float(INPUT_HEIGHT)
    # Line and text sizes of the 1080p sample, scaled to this frame.
    size = frame_h / 1080.0
    thickness = max(2, int(round(10 * size)))
    font_scale = max(0.5, 2.5 * size)
    font_thickness = max(1, int(round(6 * size)))
    faces = []
    for obj in parsed:
        prob = float(obj['prob'])
        if prob < THRESHOLD:
            continue
        xmin = clamp(int(round(obj['xmin'] * xscale)), 0, frame_w - 1)
        ymin = clamp(int(round(obj['ymin'] * yscale)), 0, frame_h - 1)
        xmax = clamp(int(round(obj['xmax'] * xscale)), 0, frame_w - 1)
        ymax = clamp(int(round(obj['ymax'] * yscale)), 0, frame_h - 1)
        cv2.rectangle(frame, (xmin, ymin), (xmax, ymax), BOX_COLOUR, thickness)
        text = '{0:.2f}%'.format(prob * 100)
        text_h = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, font_scale, font_thickness)[0][1]
        gap = int(15 * size)
        # 15 px above the box as in the sample, or below it when a face touches the top edge.
        text_y = ymin - gap if ymin - gap - text_h > 0 else ymax + text_h + gap
        cv2.putText(frame, text, (xmin, text_y), cv2.FONT_HERSHEY_SIMPLEX, font_scale, BOX_COLOUR,
                    font_thickness, cv2.LINE_AA)
        faces.append({'prob': round(prob, 4), 'box': [xmin, ymin, xmax, ymax]})
    return {'faces': faces}


def infinite_infer_run():
    """Grab frames, find faces, show and publish the results, forever."""
    run_forever('face detection', MANIFEST, detect, publisher, ERROR_COLOUR)


infinite_infer_run()
