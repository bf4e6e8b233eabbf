"""The Russian language pack: finders that report the same mention types as the English
ones (:mod:`civicwatch.extract`), over Russian text, for the same pipeline and contract."""
