"""Extraction: report text in, claims with source spans out (pure functions, no Django).

``extract_text(text, published=None)`` returns the extraction contract of DESIGN.md as a
dict; ``extract_records`` returns the typed records it is made from.
"""

from civicwatch.extract.pipeline import extract_records, extract_text
from civicwatch.extract.version import extractor_version

__all__ = ["extract_records", "extract_text", "extractor_version"]
