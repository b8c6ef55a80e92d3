"""Writes of the meeting place, one module per concern: :mod:`.profiles`,
:mod:`.contacts` and :mod:`.presence`."""
