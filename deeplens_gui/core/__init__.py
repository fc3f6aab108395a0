"""Qt-free core: SSH, streams, decoding, devices, deploys, status, AWS."""
