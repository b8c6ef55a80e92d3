"""Dialogue pages: public lists and proposal pages, members' forms, staff's answers."""
