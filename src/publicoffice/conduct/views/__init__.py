"""Conduct pages, by who reads them."""
