"""Deploying projects to devices: one DeployService, backends behind one interface (ssh, greengrass)."""
