"""DeepLens Console: watch and manage AWS DeepLens cameras over SSH."""

__version__ = "0.1.0"
