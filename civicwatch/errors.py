"""The one exception hierarchy of Civicwatch.

Every error a user can cause or meet derives from :class:`CivicwatchError`, so the CLI and
the web app can catch it in one place and show its message without a traceback.
"""


class CivicwatchError(Exception):
    """Base of every error Civicwatch raises on purpose."""


class ConfigurationError(CivicwatchError):
    """The environment or a settings value is wrong (bad database URL, unwritable home)."""


class IngestError(CivicwatchError):
    """A file could not be turned into a document."""


class UnsupportedFormatError(IngestError):
    """The file type is not one Civicwatch reads."""


class FileTooLargeError(IngestError):
    """The file is larger than the configured ingest limit."""


class UnreadableFileError(IngestError):
    """The file is corrupt, encrypted, or not what its extension says."""


class EmptyTextError(IngestError):
    """The file was read but holds no text (for example a scanned PDF without a text layer)."""


class ExtractionError(CivicwatchError):
    """Extraction could not run on a text."""


class InvalidValueError(CivicwatchError, ValueError):
    """A value given by a user does not parse (a date, a vocabulary term, an article)."""


class PairFileError(InvalidValueError):
    """A file of labelled person pairs is malformed (the message names file and line)."""


class AccessDeniedError(CivicwatchError):
    """The account's role does not allow the action."""


class AccountError(InvalidValueError):
    """An account cannot be created or changed as asked (name taken, weak password)."""
