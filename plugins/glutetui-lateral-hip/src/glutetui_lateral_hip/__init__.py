"""glutetui-lateral-hip: early-stage exercises and a staged programme for lateral hip pain."""

__version__ = "0.1.0"
