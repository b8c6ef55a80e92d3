"""Public Office: run a network of free, public, library-like workplaces."""
