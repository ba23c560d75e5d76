"""eventwire: turn news into event data, offline and explainably."""

__version__ = "0.1.0"
