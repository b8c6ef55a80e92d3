"""Commissioning's forms, one module a stage."""
