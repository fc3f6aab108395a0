"""Stand-in for the DeepLens model optimizer module ``mo`` (Python 2.7 and 3.5+).

On a camera ``mo.optimize(model_name, input_width, input_height, platform='mx', aux_inputs={})`` turns
the MXNet (or TensorFlow, Caffe) files a project deployed to ``/opt/awscam/artifacts`` into an Intel IR
``mxnet_<model_name>_<precision>_FUSED.xml`` there and returns ``(error, xml path)``, error 0 on success.
The virtual DeepLens "optimizes" a model it has a stand-in for (deeplens_gui.sim.catalog) or an ONNX file
``<model_name>.onnx`` in the models folder: it writes the artifact that awscam.Model then runs. Any other
model fails as on a camera without its files: a non-zero error, the model's name in the log, and the path
the artifact would have had (loading it fails, naming the model again).
"""

from __future__ import print_function

import os
import shutil
import sys

try:
    from deeplens_gui.sim import catalog
except ImportError:
    # The camera's Python 2.7 has no deeplens_gui installed: the folder that holds it is four levels up.
    sys.path.append(os.path.abspath(os.path.join(os.path.dirname(__file__), *([os.pardir] * 4))))
    from deeplens_gui.sim import catalog
from awscam import artifacts_dir

_PLATFORMS = {"mx": "mxnet", "mxnet": "mxnet", "tf": "tf", "tensorflow": "tf", "caffe": "caffe"}
#: the error a camera's optimizer reports when the model's files are missing
MODEL_NOT_FOUND = 1
_UNKNOWN_PLATFORM = 2


def optimize(model_name, input_width, input_height, platform="mx", aux_inputs=None):
    """``(error, model_path)``: the IR artifact of ``model_name`` for a ``input_width`` x ``input_height``
    input; ``error`` is 0 on success."""
    aux = dict(aux_inputs or {})
    prefix = _PLATFORMS.get(str(platform).lower())
    if prefix is None:
        _say("unknown platform {0!r} for model {1} (use mx, tf or caffe)".format(platform, model_name))
        return _UNKNOWN_PLATFORM, ""
    models_dir = aux.get("--models-dir") or artifacts_dir()
    output_dir = aux.get("--output-dir") or models_dir
    precision = aux.get("--precision") or "FP16"
    stem = "{0}_{1}_{2}_FUSED".format(prefix, model_name, precision)
    if catalog.model_for(stem)[1] is None and catalog.model_for(model_name)[1] is not None:
        stem = model_name
    onnx = os.path.join(models_dir, model_name + ".onnx")
    if catalog.model_for(stem)[1] is None:
        if not os.path.isfile(onnx):
            _say("cannot optimize model {0}: no {0} files in {1} and the virtual DeepLens has no stand-in "
                 "for it".format(model_name, models_dir))
            return MODEL_NOT_FOUND, os.path.join(output_dir, stem + ".xml")
        target = os.path.join(output_dir, stem + ".onnx")
        if not os.path.isdir(output_dir):
            os.makedirs(output_dir)
        if os.path.abspath(onnx) != os.path.abspath(target):
            shutil.copyfile(onnx, target)
    path = catalog.write_artifact(output_dir, stem + ".xml")
    _say("optimized {0} for {1}x{2} input: {3} ({4})".format(
        model_name, input_width, input_height, path, catalog.standin_sentence(stem)))
    return 0, path


def _say(line):
    print("mo: " + line, file=sys.stderr)
    sys.stderr.flush()
