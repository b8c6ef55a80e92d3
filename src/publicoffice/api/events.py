"""API endpoints for events and registrations."""

from ninja import Router

router = Router(tags=["events"])
