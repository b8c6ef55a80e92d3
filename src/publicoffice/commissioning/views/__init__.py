"""Commissioning's pages, one module a stage; ``hub`` is where staff start."""
