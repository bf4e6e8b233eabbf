"""Pure domain code: vocabularies, fuzzy dates, names, typed records. No Django, no I/O."""
