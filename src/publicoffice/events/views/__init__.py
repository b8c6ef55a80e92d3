"""Event pages: public lists and event pages, a member's registrations and
proposals, and the hosts' forms."""
