"""The Greengrass core's IPC client package (virtual DeepLens); see ipc_client."""
