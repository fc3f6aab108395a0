"""Virtual DeepLens: SSH server and device runtime that run the real device code on this machine."""
