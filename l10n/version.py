"""The package's version, for headers (``X-Generator``), SARIF and ``l10n --version``."""

__version__ = "0.1.0"
