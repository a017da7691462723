"""raqmana — digital maturity assessment of the public sector and transformation roadmaps."""

__version__ = "0.1.0"
