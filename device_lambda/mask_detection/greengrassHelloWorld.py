"""Mask detection for AWS DeepLens (Python 2.7 and 3.5+).

A SqueezeNet 1.1 ImageNet classifier looks at every camera frame. When its top class is ImageNet
index 643 ("mask") the frame says "Mask", otherwise "Not Mask", together with the top label and its
probability. The annotated frames go to the project stream (LocalDisplay) and every result is
published as JSON on ``$aws/things/<thing name>/infer``:
``{"label": "Mask"|"Not Mask", "top_class": int, "top_label": str, "prob": float}``.

Like the DeepLens samples, this module runs ``infinite_infer_run()`` when Greengrass imports it (a
pinned, long-lived Lambda) and ``function_handler`` does nothing. Settings come from the
``manifest.json`` shipped in the same package.

If the model cannot be loaded (for example its weights are missing) the Lambda does not die: it
publishes "Error in mask detection lambda: ...", keeps streaming the live camera picture with that
message drawn on it, and tries to load the model again every ``RETRY_S`` seconds, so fixing the cause
is enough to recover without a redeploy (the loop is ``inference_loop.run_forever``, shared with the
face project and copied into the package by the packager).
"""

import os

import cv2

from inference_loop import Publisher, load_manifest, run_forever

MANIFEST = load_manifest(__file__)
MODEL = MANIFEST['model']
MODEL_TYPE = MODEL['type']
INPUT_WIDTH, INPUT_HEIGHT = MODEL['input']
MASK_CLASS = MODEL['mask_class']

MASK_COLOUR = (0, 200, 0)
NOT_MASK_COLOUR = (0, 0, 255)

publisher = Publisher()


def function_handler(event, context):
    """Greengrass needs a handler; the work happens in the long-lived loop started at import."""
    return


def load_labels():
    """ImageNet class names, index = line number (0-based)."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), MODEL['labels'])) as labels_file:
        return [line.strip() for line in labels_file if line.strip()]


def draw_result(frame, label, colour, detail):
    """Draw the verdict large and the top label small on a black band in the top-left corner."""
    font = cv2.FONT_HERSHEY_SIMPLEX
    scale = frame.shape[0] / 360.0
    thickness = max(2, int(round(scale * 3)))
    detail_scale = scale * 0.45
    detail_thickness = max(1, int(round(detail_scale * 2)))
    (label_w, label_h), label_base = cv2.getTextSize(label, font, scale, thickness)
    (detail_w, detail_h), detail_base = cv2.getTextSize(detail, font, detail_scale, detail_thickness)
    pad = int(8 * scale) + 2
    width = min(frame.shape[1], max(label_w, detail_w) + 2 * pad)
    height = label_h + label_base + detail_h + detail_base + 3 * pad
    cv2.rectangle(frame, (0, 0), (width, height), (0, 0, 0), -1)
    cv2.putText(frame, label, (pad, pad + label_h), font, scale, colour, thickness, cv2.LINE_AA)
    cv2.putText(frame, detail, (pad, 2 * pad + label_h + label_base + detail_h), font, detail_scale,
                (255, 255, 255), detail_thickness, cv2.LINE_AA)


def classify(model, labels, frame):
    """Run the model on ``frame``, annotate it in place and return the result to publish."""
    frame_resize = cv2.resize(frame, (INPUT_WIDTH, INPUT_HEIGHT))
    parsed = model.parseResult(MODEL_TYPE, model.doInference(frame_resize))[MODEL_TYPE]
    top = max(parsed, key=lambda obj: obj['prob'])
    top_class = int(top['label'])
    prob = float(top['prob'])
    top_label = labels[top_class] if 0 <= top_class < len(labels) else str(top_class)
    verdict = 'Mask' if top_class == MASK_CLASS else 'Not Mask'
    draw_result(frame, verdict, MASK_COLOUR if verdict == 'Mask' else NOT_MASK_COLOUR,
                '{0} ({1:.1f}%)'.format(top_label.split(',')[0], prob * 100))
    return {'label': verdict, 'top_class': top_class, 'top_label': top_label, 'prob': round(prob, 4)}


def infinite_infer_run():
    """Grab frames, classify them, show and publish the results, forever."""
    labels = load_labels()
    run_forever('mask detection', MANIFEST, lambda model, frame: classify(model, labels, frame), publisher,
                NOT_MASK_COLOUR)


infinite_infer_run()
