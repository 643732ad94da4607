"""eightk's exceptions.

EightkError
 +-- NotAFilingError      the input holds no 8-K (empty, binary junk, a 10-K...)
 +-- FetchError           EDGAR could not be reached or refused (sources/)
 |    +-- UserAgentRequired  no declared User-Agent with a contact e-mail
 +-- StoreError           the database could not be opened or written (store/)
"""

from __future__ import annotations


class EightkError(Exception):
    """Base class of every error eightk raises on purpose."""


class NotAFilingError(EightkError):
    """The input is not an 8-K submission eightk can read; the message says what it is instead."""


class FetchError(EightkError):
    """EDGAR could not be reached, or answered with an error after all retries."""


class UserAgentRequired(FetchError):
    """The SEC requires a declared User-Agent with a contact e-mail on every request."""


class StoreError(EightkError):
    """The database could not be opened or written."""
