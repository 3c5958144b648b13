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


def test_x_counting_does_not_compile_twitter_texts_whole_url_expression() -> None:
    """Each of twitter-text's expressions that holds its 1,600 top-level domains takes 15–45 ms to compile,
    in every check: X's counting reads the URLs without them, and a bare domain's only when a text has one."""
    found = run("""
        import json, sys
        from edcal.networks.counting import count_twitter
        lengths = [count_twitter("Salut https://example.fr/a?x=1 et http://t.co/abc")]
        linked = sorted(m for m in sys.modules if m.startswith("twitter_text."))
        lengths.append(count_twitter("Salut example.fr/a"))
        bare = "twitter_text.regexp.valid_ascii_domain" in sys.modules
        print(json.dumps({"lengths": lengths, "linked": linked, "bare": bare}))
    """)
    assert found["lengths"] == [56, 29]
    assert [m for m in found["linked"] if m.rpartition(".")[2] in (
        "extract_url", "extract_urls", "valid_domain", "valid_ascii_domain")] == []
    assert found["bare"]


def test_threads_using_the_package_while_its_init_runs_wait_for_it() -> None:
    found = run("""
        import json, threading, time
        from edcal.networks.counting import count_twitter
        count_twitter("a https://x.fr")  # twitter_text is there, its __init__ not run yet
        import twitter_text
        errors, lengths = [], []
        def use(delay):
            time.sleep(delay)
            try:
                lengths.append(twitter_text.parse_tweet("hé 😀").weightedLength)
            except Exception as exc:
                errors.append(repr(exc))
        threads = [threading.Thread(target=use, args=(delay,)) for delay in (0, 0.05, 0.1, 0.2)]
        [thread.start() for thread in threads]
        [thread.join() for thread in threads]
        print(json.dumps({"errors": errors, "lengths": lengths}))
    """)
    assert found == {"errors": [], "lengths": [5, 5, 5, 5]}


def test_holiday_names_do_not_depend_on_the_machines_locale(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A site language the country does not offer gets the country's own language, on every machine."""
    names = []
    for locale in ("uk_UA.UTF-8", "en_US.UTF-8"):
        monkeypatch.setenv("LANGUAGE", locale.split(".")[0])
        names.append(run("""
            import datetime as dt, json
            from edcal import public_holidays
            print(json.dumps(public_holidays._holidays("FR", None, (2027,), "de")[dt.date(2027, 7, 14)]))
        """))
    assert names == ["Fête nationale", "Fête nationale"]
