"""The sample site that `make build` builds: it must show every feature, and build cleanly."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import copy_sample, items_by_id, load_plan, run_edcal, tree_text

pytestmark = pytest.mark.e2e

SAMPLE_NOW = "2026-11-23T10:00:00+01:00"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("sample") / "site"
    copy_sample(target)
    result = run_edcal("build", cwd=target, env={"EDCAL_NOW": SAMPLE_NOW})
    assert result.returncode == 0, result.stderr
    return target


def test_sample_plan_uses_every_feature(sample: Path) -> None:
    plan = load_plan(sample)
    items = plan["items"]
    posts = [i for i in items if i["kind"] == "post"]
    networks = Counter(p["network"] for p in posts)
    assert len(networks) >= 4 and all(count >= 3 for count in networks.values())
    articles = {i["id"]: i for i in items if i["kind"] == "article"}
    assert len([a for a in articles.values() if not a["id"].endswith("-en")]) >= 8
    statuses = Counter(a["status"] for a in articles.values())
    assert statuses["published"] >= 3 and statuses["scheduled"] >= 2
    assert statuses["draft"] == 1 and statuses["review"] == 1
    assert {i["kind"] for i in items} == {"article", "post", "idea", "deadline"}
    assert any(i["kind"] == "idea" and i["start"] is None for i in items)  # undated backlog
    assert any(p["status"] == "withheld" for p in posts)  # a freeze window
    assert any(p["campaign"] for p in posts)
    assert len([p for p in posts if p["id"].startswith("astuce-du-jeudi-")]) > 10  # recurring
    assert any(p["id"].startswith("salon-industrie-2027-") for p in posts)  # a promotion
    by_id = items_by_id(plan)
    assert by_id["voeux-2027-intranet"]["start"] == "2027-01-04T08:30:00+01:00"
    # Published articles span the recent past, scheduled ones the next three months.
    dates = sorted(a["start"][:10] for a in articles.values() if a["start"])
    assert dates[0] < "2026-11-23" < dates[-1] <= "2027-02-23"


def test_the_sample_plan_matches_its_schema_with_the_targets_a_dashboard_needs(sample: Path) -> None:
    import json

    import jsonschema

    from conftest import ROOT

    plan = load_plan(sample)
    jsonschema.validate(plan, json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8")))
    assert plan["blog"]["cadence"] == "2/month"
    salon = next(c for c in plan["campaigns"] if c["id"] == "salon-industrie-2027")
    assert salon["promotional"] is True and salon["objective"]["target"] == 40
    assert plan["checks"]["self-promotion"] == {"severity": "warning", "ceiling": 0.5, "minimum": 5}
    assert plan["checks"]["cadence-gap"] == {"severity": "warning", "horizon_days": 42}


def test_every_sample_draft_fits_its_network(sample: Path) -> None:
    for post in (i for i in load_plan(sample)["items"] if i["kind"] == "post"):
        assert post["length"] <= post["limit"], post["id"]


def test_sample_output_holds_no_unpublished_title(sample: Path) -> None:
    plan = load_plan(sample)
    private = [i["title"] for i in plan["items"]
               if i["kind"] in ("article", "idea") and i["status"] not in ("published",)]
    assert len(private) >= 8
    for path, text in tree_text(sample / "output"):
        for title in private:
            assert title not in text, f"'{title}' leaked into {path}"
