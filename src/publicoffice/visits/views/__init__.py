"""Web pages of visits: check-in, thank-you and survey, member history,
the host's desk, the kiosk, and the privacy explanation."""
