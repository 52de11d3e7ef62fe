"""Entity resolution: aliases and stable ids across articles."""
