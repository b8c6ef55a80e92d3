"""Facility location with a proof: which sites to open, and how far from the best the answer can be.

Pure numerical code (numpy, scipy, highspy), with no Django in it: the
``planning`` services build a :class:`~publicoffice.planning.solver.types.Problem`
from the database and store the :class:`~publicoffice.planning.solver.types.Answer`.
The method is written down in ``docs/planning-method.md``.
"""
