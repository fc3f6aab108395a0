"""Deploy through AWS Lambda and Greengrass V1, the way the DeepLens console did (legacy path).

Steps: update the Lambda function's code, publish a version, create a function definition version (pinned,
memory, timeout, access to /tmp and the camera as the manifest says) and the resource definition it needs,
give the device's group a new group version that keeps the group's other definitions, create a deployment,
and poll its status until Success or Failure. A ``lambda:NAME:VERSION`` source is already published, so the
first two steps are skipped.

Greengrass V1 ended on 7 October 2026; when its API does not answer, the failure says so and points to the
SSH backend. The device's group id and region come from the roster (``Device.group_id``, ``Device.region``).

A manifest may tune the function with an optional ``greengrass`` object: ``resources`` (a list of
``{"id", "path", "permission": "ro"|"rw", "type": "volume"|"device"}``), ``isolation``
("GreengrassContainer" or "NoContainer") and ``access_sysfs`` (bool). Without it, the function gets read-write
/tmp (its output FIFO), read-only /opt/awscam/out (the camera's streams) and /opt/awscam/artifacts (models).
"""

import datetime
import getpass
import re
import socket
import time

from deeplens_gui.core import cloud
from deeplens_gui.core.deploy.service import (
    CANCELLED,
    DONE,
    FAILED,
    RUNNING,
    SKIPPED,
    DeployBackend,
    DeployResult,
    DeployStep,
    StepTracker,
)
from deeplens_gui.core.errors import ConfigError, DeepLensError, DeployCancelled, DeployError
from deeplens_gui.core.text import say

#: every DeepLens Lambda function name starts with this (AWS's rule and its managed policies' deeplens*)
FUNCTION_PREFIX = "deeplens"
DEFAULT_RESOURCES = (
    {"id": "deeplens-tmp", "path": "/tmp", "permission": "rw", "type": "volume"},
    {"id": "deeplens-camera-out", "path": "/opt/awscam/out", "permission": "ro", "type": "volume"},
    {"id": "deeplens-artifacts", "path": "/opt/awscam/artifacts", "permission": "ro", "type": "volume"},
)
ISOLATION_MODES = ("GreengrassContainer", "NoContainer")
FINAL_DEPLOYMENT_STATES = ("Success", "Failure")
_ID_RE = re.compile(r"^[a-zA-Z0-9:_-]{1,128}$")
_DEFINITION_KEYS = (
    "CoreDefinitionVersionArn", "DeviceDefinitionVersionArn", "FunctionDefinitionVersionArn",
    "ResourceDefinitionVersionArn", "SubscriptionDefinitionVersionArn", "LoggerDefinitionVersionArn",
    "ConnectorDefinitionVersionArn",
)

STEPS = (
    DeployStep("function", say("Upload the code to the Lambda function")),
    DeployStep("publish", say("Publish a new Lambda version")),
    DeployStep("definition", say("Create the Greengrass function definition")),
    DeployStep("group", say("Create a new version of the device's Greengrass group")),
    DeployStep("deployment", say("Start the Greengrass deployment")),
    DeployStep("verify", say("Wait for the device to apply the deployment")),
)


def function_name_for(source, override=None):
    """The Lambda function a source deploys through; ConfigError unless it starts with ``deeplens``."""
    if source.kind == "lambda":
        name = source.label[len("lambda:"):].rpartition(":")[0]
    else:
        name = override or source.manifest.get("lambda_function") or "deeplens-" + source.project_id
    if not name.startswith(FUNCTION_PREFIX):
        raise ConfigError(say("The Lambda function {0!r} cannot run on a DeepLens: its name must start with "
                              "'deeplens' (for example deeplens-{1}); rename it or choose another function.",
                              name, source.project_id))
    return name


def _definition_ids(arn):
    """``(definition id, version id)`` from a definition version ARN (``.../<kind>/<id>/versions/<ver>``)."""
    parts = arn.split("/")
    if len(parts) < 4 or parts[-2] != "versions":
        raise DeployError(say("Greengrass returned an unexpected definition ARN {0!r}.", arn))
    return parts[-3], parts[-1]


def _function_name_of(arn):
    parts = (arn or "").split(":")
    return parts[6] if len(parts) > 6 and parts[5] == "function" else None


def resources_for(manifest):
    """``(resources, isolation mode, access_sysfs)`` from the manifest's optional ``greengrass`` object."""
    settings = manifest.get("greengrass") if isinstance(manifest.get("greengrass"), dict) else {}
    isolation = settings.get("isolation", "GreengrassContainer")
    if isolation not in ISOLATION_MODES:
        raise ConfigError(say("The manifest's greengrass.isolation must be one of {0}, not {1!r}.",
                              ", ".join(ISOLATION_MODES), isolation))
    resources = settings.get("resources", DEFAULT_RESOURCES)
    if not isinstance(resources, (list, tuple)):
        raise ConfigError(say("The manifest's greengrass.resources must be a list."))
    checked = []
    for item in resources:
        if not (isinstance(item, dict) and isinstance(item.get("id"), str) and _ID_RE.match(item["id"])
                and isinstance(item.get("path"), str) and item["path"].startswith("/")
                and item.get("permission", "ro") in ("ro", "rw")
                and item.get("type", "volume") in ("volume", "device")):
            raise ConfigError(say("The manifest's greengrass.resources entry {0!r} needs an id, an absolute "
                                  "path, permission ro or rw and type volume or device.", item))
        checked.append({"id": item["id"], "path": item["path"], "permission": item.get("permission", "ro"),
                        "type": item.get("type", "volume")})
    access_sysfs = settings.get("access_sysfs", True)
    if not isinstance(access_sysfs, bool):
        raise ConfigError(say("The manifest's greengrass.access_sysfs must be true or false."))
    return checked, isolation, access_sysfs


def _source_path(resource):
    container = resource.get("ResourceDataContainer") or {}
    for key in ("LocalVolumeResourceData", "LocalDeviceResourceData"):
        if key in container:
            return container[key].get("SourcePath")
    return None


def _resource_entry(wanted):
    if wanted["type"] == "device":
        data = {"LocalDeviceResourceData": {"SourcePath": wanted["path"],
                                            "GroupOwnerSetting": {"AutoAddGroupOwner": True}}}
    else:
        data = {"LocalVolumeResourceData": {"SourcePath": wanted["path"], "DestinationPath": wanted["path"],
                                            "GroupOwnerSetting": {"AutoAddGroupOwner": True}}}
    return {"Id": wanted["id"], "Name": wanted["id"], "ResourceDataContainer": data}


class GreengrassDeployBackend(DeployBackend):
    """Deploys through Lambda + Greengrass V1 to the device's group (``Device.group_id``/``region``)."""

    name = "greengrass"

    def __init__(self, client_factory=cloud.client, poll_interval=2.0, timeout=600.0, function_name=None):
        self._client_factory = client_factory
        self.poll_interval = poll_interval
        self.timeout = timeout
        self.function_name = function_name

    def steps(self, source):
        """All six steps (the first two are skipped for an already published ``lambda:`` source)."""
        return list(STEPS)

    def _client(self, service, device):
        if getattr(device, "region", None):
            return self._client_factory(service, region=device.region)
        return self._client_factory(service)

    def deploy(self, connection, source, on_event, cancel):
        """Run the steps for the device behind ``connection`` (no SSH is used); returns a DeployResult."""
        device = connection.device
        tracker = StepTracker(device.name, STEPS, on_event)
        run = _Run(self, device, source, tracker, cancel)
        try:
            return run.execute()
        except DeployCancelled:
            tracker.finish_pending(CANCELLED, say("Cancelled."))
            return DeployResult(device.name, False, run.cancelled_message(), steps=tracker.final_events())
        except DeepLensError as error:
            current = run.current
            if current is not None and tracker.state_of(current) in (None, RUNNING):
                tracker.emit(current, FAILED, error.message)
            tracker.finish_pending(SKIPPED, say("Not run: an earlier step failed."))
            return DeployResult(device.name, False, error.message, steps=tracker.final_events())


class _Run:
    """One deploy's state, step by step."""

    def __init__(self, backend, device, source, tracker, cancel):
        self.backend = backend
        self.device = device
        self.source = source
        self.tracker = tracker
        self.cancel = cancel
        self.current = None
        self.deployment_id = None

    def _start(self, step, message=""):
        self.cancel.raise_if_cancelled()
        self.current = step
        self.tracker.emit(step, RUNNING, message)

    def _done(self, step, message=""):
        self.tracker.emit(step, DONE, message)

    def cancelled_message(self):
        if self.deployment_id:
            return say("Stopped waiting for Greengrass deployment {0} on {1}; Greengrass carries on with it: "
                       "check it later with deeplens-gui status.", self.deployment_id, self.device.name)
        return say("Cancelled before the Greengrass deployment started: {0} still runs what it ran before.",
                   self.device.name)

    def execute(self):
        device, source = self.device, self.source
        group_id = getattr(device, "group_id", None)
        if not group_id:
            raise DeployError(say("{0} has no Greengrass group id: add group_id to its roster entry, or "
                                  "deploy over SSH (--via ssh).", device.name))
        name = function_name_for(source, self.backend.function_name)
        resources, isolation, access_sysfs = resources_for(source.manifest)
        lam = self.backend._client("lambda", device)
        gg = self.backend._client("greengrass", device)
        region = gg.meta.region_name

        if source.kind == "lambda":
            version = source.version
            self.tracker.emit("function", SKIPPED,
                              say("{0} version {1} is already published.", name, version))
            self.tracker.emit("publish", SKIPPED, "")
            published = None
        else:
            self._start("function", say("Uploading {0:.1f} kB to {1}", len(source.zip_bytes) / 1024.0, name))
            try:
                cloud.call(lam, "update_function_code", FunctionName=name, ZipFile=source.zip_bytes)
            except cloud.AwsNotFound:
                raise DeployError(say("The Lambda function {0} does not exist in {1}: create it first "
                                      "(runtime {2}, handler {3}, role AWSDeepLensLambdaRole), or deploy "
                                      "over SSH (--via ssh).", name, region,
                                      source.manifest.get("runtime", "python2.7"),
                                      source.manifest.get("handler"))) from None
            self._wait_for_update(lam, name)
            self._done("function", say("Uploaded the code to {0}.", name))
            self._start("publish")
            published = cloud.call(lam, "publish_version", FunctionName=name, CodeSha256=source.code_sha256,
                                   Description="DeepLens Console: {0}".format(source.label))
            version = published["Version"]
            self._done("publish", say("Published {0} version {1}.", name, version))
        self._start("definition")
        if published is None:
            published = cloud.call(lam, "get_function_configuration", FunctionName=name, Qualifier=version)
        function_arn = published["FunctionArn"]
        if not function_arn.endswith(":" + str(version)):
            function_arn = "{0}:{1}".format(function_arn, version)
        try:
            group = cloud.call(gg, "get_group", GroupId=group_id)
        except cloud.AwsNotFound:
            raise DeployError(say("The Greengrass group {0} of {1} does not exist in {2}: check group_id and "
                                  "region in the roster.", group_id, device.name, region)) from None
        definition = {}
        if group.get("LatestVersion"):
            definition = cloud.call(gg, "get_group_version", GroupId=group_id,
                                    GroupVersionId=group["LatestVersion"]).get("Definition") or {}
        if not definition.get("CoreDefinitionVersionArn"):
            raise DeployError(say("The Greengrass group {0} has no core, so nothing can be deployed to it: "
                                  "register the camera again, or deploy over SSH (--via ssh).", group_id))
        policies = []
        if isolation == "GreengrassContainer":
            resource_arn, policies = self._resources(gg, group_id, definition, resources)
            if resource_arn:
                definition["ResourceDefinitionVersionArn"] = resource_arn
        definition["FunctionDefinitionVersionArn"] = self._functions(
            gg, group_id, definition, name, function_arn, policies, isolation, access_sysfs)
        self._done("definition", say("{0} version {1}: pinned, {2} MB, {3} s timeout.", name, version,
                                     self._memory_mb(), self._timeout_s()))

        self._start("group")
        new_version = cloud.call(gg, "create_group_version", GroupId=group_id,
                                 **{key: definition[key] for key in _DEFINITION_KEYS if definition.get(key)})
        group_version = new_version["Version"]
        self._done("group", say("Group {0} version {1}.", group_id, group_version))

        self._start("deployment")
        deployment = cloud.call(gg, "create_deployment", GroupId=group_id, GroupVersionId=group_version,
                                DeploymentType="NewDeployment")
        self.deployment_id = deployment["DeploymentId"]
        self._done("deployment", say("Deployment {0} started.", self.deployment_id))

        self._start("verify", say("Waiting for {0} to apply deployment {1}", device.name, self.deployment_id))
        status = self._poll(gg, group_id)
        record = {
            "project": source.project_id,
            "name": source.name,
            "version": str(version),
            "code_sha256": published.get("CodeSha256") or source.code_sha256,
            "source": "lambda:{0}:{1}".format(name, version),
            "deployed_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "deployed_by": "{0}@{1}".format(getpass.getuser(), socket.gethostname()),
            "stream_path": source.stream_path,
            "runner": "greengrass",
            "group_id": group_id,
            "group_version": group_version,
            "deployment_id": self.deployment_id,
            "region": region,
        }
        if status.get("DeploymentStatus") == "Success":
            self._done("verify", say("Greengrass reports Success."))
            return DeployResult(device.name, True, say("{0} version {1} ({2}) now runs on {3} through "
                                                       "Greengrass (deployment {4}).", name, version,
                                                       source.name, device.name, self.deployment_id),
                                record=record, steps=self.tracker.final_events())
        details = cloud.deployment_error_text(status) or say("Greengrass gave no details")
        message = say("Greengrass deployment {0} of {1} version {2} to {3} failed: {4}. See the device's "
                      "/opt/awscam/greengrass/ggc/var/log/system/runtime.log.", self.deployment_id, name,
                      version, device.name, details)
        self.tracker.emit("verify", FAILED, message)
        return DeployResult(device.name, False, message, steps=self.tracker.final_events())

    def _memory_mb(self):
        return int(self.source.manifest.get("memory_mb") or 1536)

    def _timeout_s(self):
        return int(self.source.manifest.get("timeout_s") or 25)

    def _wait_for_update(self, lam, name):
        deadline = time.monotonic() + self.backend.timeout
        while True:
            config = cloud.call(lam, "get_function_configuration", FunctionName=name)
            state = config.get("LastUpdateStatus", "Successful")
            if state == "Failed":
                reason = config.get("LastUpdateStatusReason")
                if reason:
                    raise DeployError(say("AWS Lambda could not update {0}: {1}.", name, reason))
                raise DeployError(say("AWS Lambda could not update {0}: no reason given.", name))
            if state != "InProgress":
                return
            if time.monotonic() > deadline:
                raise DeployError(say("AWS Lambda was still updating {0} after {1:g} s; try again later.",
                                      name, self.backend.timeout))
            if self.cancel.wait(self.backend.poll_interval):
                self.cancel.raise_if_cancelled()

    def _resources(self, gg, group_id, definition, wanted):
        """The resource definition version ARN holding ``wanted`` (reusing the group's), and the policies."""
        existing = []
        arn = definition.get("ResourceDefinitionVersionArn")
        definition_id = None
        if arn:
            definition_id, version_id = _definition_ids(arn)
            answer = cloud.call(gg, "get_resource_definition_version", ResourceDefinitionId=definition_id,
                                ResourceDefinitionVersionId=version_id)
            existing = list((answer.get("Definition") or {}).get("Resources") or [])
        by_path = {_source_path(item): item["Id"] for item in existing if item.get("Id")}
        ids = {item.get("Id") for item in existing}
        added = []
        policies = []
        for item in wanted:
            resource_id = by_path.get(item["path"])
            if resource_id is None:
                resource_id = item["id"]
                suffix = 2
                while resource_id in ids:
                    resource_id = "{0}-{1}".format(item["id"], suffix)
                    suffix += 1
                entry = _resource_entry(item)
                entry["Id"] = entry["Name"] = resource_id
                added.append(entry)
                ids.add(resource_id)
            policies.append({"ResourceId": resource_id, "Permission": item["permission"]})
        if not added:
            return arn, policies
        resources = existing + added
        if definition_id is None:
            created = cloud.call(gg, "create_resource_definition", Name="deeplens-console-" + group_id[:40],
                                 InitialVersion={"Resources": resources})
            return created["LatestVersionArn"], policies
        created = cloud.call(gg, "create_resource_definition_version", ResourceDefinitionId=definition_id,
                             Resources=resources)
        return created["Arn"], policies

    def _functions(self, gg, group_id, definition, name, function_arn, policies, isolation, access_sysfs):
        """A new function definition version: the group's other functions plus ours (replacing older ones)."""
        functions = []
        default_config = None
        arn = definition.get("FunctionDefinitionVersionArn")
        definition_id = None
        if arn:
            definition_id, version_id = _definition_ids(arn)
            answer = cloud.call(gg, "get_function_definition_version", FunctionDefinitionId=definition_id,
                                FunctionDefinitionVersionId=version_id)
            body = answer.get("Definition") or {}
            functions = list(body.get("Functions") or [])
            default_config = body.get("DefaultConfig")
        ours = [item for item in functions if _function_name_of(item.get("FunctionArn")) == name]
        function_id = ours[0]["Id"] if ours else "deeplens-console-" + name
        environment = {"AccessSysfs": access_sysfs, "Execution": {"IsolationMode": isolation},
                       "Variables": {}}
        if policies:
            environment["ResourceAccessPolicies"] = policies
        entry = {
            "Id": function_id[:128],
            "FunctionArn": function_arn,
            "FunctionConfiguration": {
                "Pinned": bool(self.source.manifest.get("pinned", True)),
                "MemorySize": self._memory_mb() * 1024,
                "Timeout": self._timeout_s(),
                "EncodingType": "json",
                "Environment": environment,
            },
        }
        functions = [item for item in functions if item not in ours] + [entry]
        params = {"Functions": functions}
        if default_config:
            params["DefaultConfig"] = default_config
        if definition_id is None:
            created = cloud.call(gg, "create_function_definition", Name="deeplens-console-" + group_id[:40],
                                 InitialVersion=params)
            return created["LatestVersionArn"]
        created = cloud.call(gg, "create_function_definition_version", FunctionDefinitionId=definition_id,
                             **params)
        return created["Arn"]

    def _poll(self, gg, group_id):
        deadline = time.monotonic() + self.backend.timeout
        last = None
        while True:
            status = cloud.call(gg, "get_deployment_status", GroupId=group_id,
                                DeploymentId=self.deployment_id)
            state = status.get("DeploymentStatus")
            if state in FINAL_DEPLOYMENT_STATES:
                return status
            if state != last:
                self.tracker.emit("verify", RUNNING, say("Greengrass: {0}", state))
                last = state
            if time.monotonic() > deadline:
                raise DeployError(say("Greengrass deployment {0} was still {1} after {2:g} s: is {3} online "
                                      "with greengrassd running? It may still finish; check with "
                                      "deeplens-gui status.", self.deployment_id, state, self.backend.timeout,
                                      self.device.name))
            if self.cancel.wait(self.backend.poll_interval):
                self.cancel.raise_if_cancelled()
