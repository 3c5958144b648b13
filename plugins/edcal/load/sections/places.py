"""Where a site, or one of its accounts, is: its time zone (`timezone:`) and the country and region whose
public holidays count (`country:`, `subdivision:`), read the same way at calendar.yaml's top and under
`networks.<id>`."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from edcal import public_holidays
from edcal.errors import ErrorCollector, did_you_mean, message_of
from edcal.i18n import say
from edcal.model.source import Source
from edcal.zones import zone_hint, zone_named


def read_zone(name: str, where: Source, errors: ErrorCollector) -> ZoneInfo | None:
    """The zone an IANA name gives; an error at ``where``, with the zone meant, and None when it is none."""
    try:
        return zone_named(name)
    except ValueError as exc:
        errors.add(where, message_of(exc), zone_hint(name))
        return None


def check_country(country: str, written: str, subdivision: str | None, errors: ErrorCollector,
                  country_where: Source, subdivision_where: Source) -> bool:
    """Whether ``country`` (an ISO code, upper case; ``written`` as the file has it) and ``subdivision`` are
    known to the holidays library; an error at the value that is not, with the code or region meant."""
    if not public_holidays.known_country(country):
        code = public_holidays.code_for_name(written)
        errors.add(country_where, say("found country '{country}', expected an ISO 3166 code "
                                      "known to the holidays library", country=written),
                   (say("write its code: country: {code}", code=code) if code else None)
                   or did_you_mean(country, public_holidays.countries())
                   or say("e.g. FR, BE, CH, CA"))
        return False
    if subdivision is not None and subdivision not in public_holidays.subdivisions(country):
        errors.add(subdivision_where,
                   say("found subdivision '{subdivision}', expected one of {country}'s",
                       subdivision=subdivision, country=country),
                   did_you_mean(subdivision, public_holidays.subdivisions(country))
                   or ", ".join(public_holidays.subdivisions(country)[:12]))
        return False
    return True
