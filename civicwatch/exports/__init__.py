"""Exports: the database written out in interchange formats, at one sensitivity level.

Every export reads its rows through :mod:`civicwatch.services.access` with the export's
level as the clearance (:class:`~civicwatch.exports.scope.Scope`), and streams: rows are
read with ``.iterator(chunk_size=...)`` and written as they come, never gathered in a list.
"""
