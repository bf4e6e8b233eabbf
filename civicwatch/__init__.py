"""Civicwatch: a documentation system for human-rights and civic-space monitors.

Reports go in; sourced, reviewable, structured case files come out.
"""

__version__ = "0.1.0"
