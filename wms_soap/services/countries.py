"""Country facts the answers show, from one list."""

EU_COUNTRIES = frozenset([
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"])
"""The member states of the European Union, by ISO 3166-1 alpha-2 code."""


def is_eu_country(country_code: str | None) -> bool | None:
    """Whether the country is an EU member state (``IsEuCountry``); ``None`` when no country is known."""
    return country_code.strip().upper() in EU_COUNTRIES if country_code and country_code.strip() else None
