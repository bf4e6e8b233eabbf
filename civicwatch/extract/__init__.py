"""Extraction: report text in, claims with source spans out (pure functions, no Django).

``extract_text(text, published=None)`` returns the extraction contract of DESIGN.md as a
dict; ``extract_records`` returns the typed records it is made from.
"""

from civicwatch.extract.pipeline import EXTRACTOR_VERSION, extract_records, extract_text

__all__ = ["EXTRACTOR_VERSION", "extract_records", "extract_text"]
