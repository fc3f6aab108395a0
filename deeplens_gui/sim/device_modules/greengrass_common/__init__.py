"""The Greengrass core's own Python modules that the real ``greengrasssdk`` imports (virtual DeepLens).

On a camera the Greengrass core puts ``greengrass_common`` and ``greengrass_ipc_python_sdk`` on a Lambda's
path; a Lambda package that bundles the real SDK needs them. These give the SDK's own code the local
interface it calls: the function ARNs from the environment and an IPC client that delivers publishes to
the virtual device.
"""
