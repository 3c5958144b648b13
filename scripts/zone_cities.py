#!/usr/bin/env python3
"""Write plugins/edcal/zone_cities.json: the time zones' cities as French and English write them.

    python scripts/zone_cities.py   # in a virtualenv with Babel: pip install babel

The time zone database names its zones by cities in English without accents
(``America/Bogota``, ``Europe/London``): a French page said "heure de London".
Unicode's CLDR has each zone's city in each language ("Londres", "Bogotá");
Babel ships it, 35 MB for some 1,000 locales and 20–40 ms to import, where edcal
speaks two languages and names a zone on a few lines. This script keeps, from
Babel's copy, the cities that French or English write otherwise than the
database (a few hundred), and :func:`edcal.zones.zone_time` reads the file.
Babel is needed to run it again (a new CLDR), not to run edcal.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale
from babel.core import get_cldr_version

OUT = Path(__file__).resolve().parents[1] / "plugins" / "edcal" / "zone_cities.json"
LANGUAGES = ("fr", "en")

#: Cities CLDR has none for: America/Montreal is an alias of Toronto's zone there, but a Montréal teammate's
#: computer and a Québec account's `timezone:` name Montréal.
ADDED = {"fr": {"America/Montreal": "Montréal"}, "en": {}}


def database_city(zone: str) -> str:
    """The city as :func:`edcal.zones.zone_time` reads it from the zone's name."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def main() -> None:
    cities: dict[str, object] = {
        "source": f"Unicode CLDR {get_cldr_version()} exemplar cities (through Babel), "
                  "© Unicode, Inc., Unicode License v3; written by scripts/zone_cities.py",
    }
    for language in LANGUAGES:
        zones = Locale.parse(language).time_zones
        own = {zone: names["city"] for zone, names in zones.items()
               if "city" in names and zone.count("/") and not zone.startswith("Etc/")
               and names["city"] != database_city(zone)}
        cities[language] = dict(sorted({**own, **ADDED[language]}.items()))
    OUT.write_text(json.dumps(cities, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
