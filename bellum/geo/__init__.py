"""Offline geocoding: the gazetteer (`gazetteer()`) and `geocode(text, coordinates)`.

Nothing is loaded at import: the index is read (or built and cached) on the first geocode.
"""

from bellum.geo.geocode import Place, geocode

__all__ = ["Place", "geocode"]
