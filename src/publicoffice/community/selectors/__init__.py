"""Reads of the meeting place, one module per concern: :mod:`.directory`,
:mod:`.contacts` and :mod:`.presence`."""
