"""Loading one module of a large package: same objects as a normal import, a fraction of the modules."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def run(code: str) -> dict:  # type: ignore[type-arg]
    """Run ``code`` in a fresh interpreter (imports are per process) and return what it printed."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_sites_holidays_load_one_country_and_equal_the_librarys_own_answer() -> None:
    found = run("""
        import datetime as dt, json, sys
        from edcal import public_holidays
        from edcal.model.calendar import Calendar
        ours = {
            "known": [public_holidays.known_country(c) for c in ("FR", "FRA", "DE", "XX", "France")],
            "subdivisions": public_holidays.subdivisions("FR")[:3],
            "days": {str(d): n for d, n in public_holidays._holidays("FR", None, (2027,), "fr").items()},
        }
        loaded = sorted(m for m in sys.modules if m.startswith("holidays.countries."))
        import holidays  # then the library as anyone uses it, in the same process
        from holidays.countries import Germany
        theirs = {str(d): n for d, n in holidays.country_holidays("FR", years=2027, language="fr").items()}
        print(json.dumps({"ours": ours, "loaded": loaded, "theirs": theirs,
                          "germany": Germany is holidays.countries.germany.Germany,
                          "after": len([m for m in sys.modules if m.startswith("holidays.countries.")])}))
    """)
    assert found["loaded"] == ["holidays.countries.france", "holidays.countries.germany"]
    assert found["ours"]["known"] == [True, True, True, False, False]
    assert found["ours"]["subdivisions"] == ["57", "6AE", "971"]
    assert found["ours"]["days"] == found["theirs"]
    assert found["ours"]["days"]["2027-07-14"] == "Fête nationale"
    assert found["germany"] and found["after"] > 200, "holidays.countries works as usual afterwards"


def test_x_counting_loads_twitter_texts_url_extractor_without_its_emoji_expression() -> None:
    found = run("""
        import json, sys
        from edcal.networks.counting import count_twitter
        short = count_twitter("Salut https://example.fr/a")
        before = "twitter_text.parse_tweet" in sys.modules
        import twitter_text
        print(json.dumps({"short": short, "before": before,
                          "same": twitter_text.parse_tweet("Salut https://example.fr/a").weightedLength}))
    """)
    assert found == {"short": 29, "before": False, "same": 29}
