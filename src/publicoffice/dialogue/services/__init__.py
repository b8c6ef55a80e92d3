"""Writes of dialogue: proposals and supports (:mod:`.proposals`), answers (:mod:`.answers`)."""
