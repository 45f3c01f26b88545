"""The data layer: load data/*.yml, validate it, return typed records."""

from scripts.data.errors import DataError, Problem
from scripts.data.loader import SiteData, load_site_data

__all__ = ["DataError", "Problem", "SiteData", "load_site_data"]
