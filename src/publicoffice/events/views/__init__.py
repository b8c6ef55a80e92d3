"""Event pages: public lists and event pages, a member's registrations, and the hosts' forms."""
