"""Pages of the meeting place, one module per concern."""
