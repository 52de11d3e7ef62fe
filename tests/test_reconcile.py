"""Reconciliation: low / best / high per side and category, with the rule and every claim."""

from __future__ import annotations

import pytest

from bellum.reconcile import ClaimInput, View, is_neutral, reconcile, standing


def claim(cid: str, side: int | None, source: str | None, source_side: int | None, low: float | None,
          high: float | None = None, *, scope: str = "side", category: str = "killed",
          unit: str = "personnel", bound: str | None = None) -> ClaimInput:  # fmt: skip
    """A claim; `high` defaults to `low` (a single number) unless a bound is given."""
    if high is None and bound is None:
        high = low
    return ClaimInput(cid, side, scope, source, source_side, category, unit, low, high, False, bound)


def test_in_delimane_side_2_killed() -> None:
    # MUJAO (side 2) admits 3, the MNLA (side 1) claims 65, the ICRC says 17
    views = reconcile(
        [claim("c1", 2, "MUJAO", 2, 3), claim("c2", 2, "MNLA", 1, 65), claim("c3", 2, "ICRC", None, 17)]
    )
    assert len(views) == 1
    v = views[0]
    assert (v.low, v.best, v.high) == (3, 17, 65)
    assert v.claim_ids == ("c1", "c2", "c3")
    assert (v.side, v.scope, v.category, v.unit) == (2, "side", "killed", "personnel")
    assert "own admission by MUJAO" in v.rule and "neutral (ICRC)" in v.rule and "MNLA, enemy" in v.rule


def test_in_delimane_side_1_killed_enemy_bound_is_only_a_ceiling() -> None:
    # the MNLA admits 1; MUJAO claims 100 and, in its statement, "at least 100"
    views = reconcile(
        [claim("a", 1, "MNLA", 1, 1), claim("b", 1, "MUJAO", 2, 100),
         claim("c", 1, "MUJAO", 2, 100, bound="at_least")]
    )  # fmt: skip
    (v,) = views
    assert (v.low, v.best, v.high) == (1, 1, 100)
    assert "own (MNLA)" in v.rule
    assert v.claim_ids == ("a", "b", "c")


def test_overall_bound_from_a_neutral() -> None:
    (v,) = reconcile([claim("o", None, "ICRC", None, 117, scope="overall", bound="at_least")])
    assert (v.side, v.scope) == (None, "overall")
    assert (v.low, v.best, v.high) == (117, 117, None)
    assert "only bounds" in v.rule


def test_own_floor_raises_low_above_a_smaller_neutral_figure() -> None:
    (v,) = reconcile([claim("n", 1, "UN", None, 2), claim("o", 1, "Side One", 1, 5)])
    assert (v.low, v.best, v.high) == (5, 5, 5)
    assert "raised to low" in v.rule


def test_enemy_claim_is_best_only_when_alone() -> None:
    (alone,) = reconcile([claim("e", 2, "MNLA", 1, 65)])
    assert (alone.low, alone.best, alone.high) == (65, 65, 65)
    assert "enemy (MNLA), the only figures given" in alone.rule
    (with_own,) = reconcile([claim("e", 2, "MNLA", 1, 65), claim("o", 2, "MUJAO", 2, 3)])
    assert with_own.best == 3 and with_own.high == 65


def test_unattributed_infobox_ranks_after_neutral_and_before_sides() -> None:
    (v,) = reconcile([claim("i", 1, None, None, 40), claim("o", 1, "X", 1, 10), claim("e", 1, "Y", 2, 90)])
    assert (v.low, v.best, v.high) == (10, 40, 90)
    assert "unattributed infobox figure" in v.rule
    (w,) = reconcile([claim("i", 1, None, None, 40), claim("n", 1, "Red Cross", None, 55)])
    assert w.best == 55


def test_ranges_give_a_reported_number_as_best() -> None:
    (v,) = reconcile([claim("r", 2, None, None, 500, 1000, category="strength")])
    assert (v.low, v.best, v.high) == (500, 500, 1000)
    (w,) = reconcile([claim("a", 1, "Iraq Body Count", None, 581, 670, scope="civilians"),
                      claim("b", 1, "Red Cross", None, 800, scope="civilians")])  # fmt: skip
    assert (w.low, w.best, w.high) == (581, 670, 800)  # lower median of 581, 670, 800


def test_strength_has_no_own_floor() -> None:
    (v,) = reconcile([claim("o", 1, "X", 1, 100, category="strength"),
                      claim("n", 1, "UN", None, 80, category="strength")])  # fmt: skip
    assert (v.low, v.best, v.high) == (80, 80, 100)


def test_groups_by_side_scope_category_unit_in_first_seen_order() -> None:
    views = reconcile(
        [claim("a", 1, None, None, 3), claim("b", 1, None, None, 4, category="wounded"),
         claim("c", 2, None, None, 3), claim("d", 1, None, None, 1, category="lost", unit="helicopters"),
         claim("e", 1, None, None, 5)]
    )  # fmt: skip
    keys = [(v.side, v.category, v.unit) for v in views]
    assert keys == [(1, "killed", "personnel"), (1, "wounded", "personnel"), (2, "killed", "personnel"),
                    (1, "lost", "helicopters")]  # fmt: skip
    assert views[0].claim_ids == ("a", "e")
    assert reconcile([]) == []


def test_order_of_claims_does_not_change_numbers() -> None:
    cs = [claim("c1", 2, "MUJAO", 2, 3), claim("c2", 2, "MNLA", 1, 65), claim("c3", 2, "ICRC", None, 17)]
    a, b = reconcile(cs)[0], reconcile(cs[::-1])[0]
    assert (a.low, a.best, a.high) == (b.low, b.best, b.high)
    assert set(a.claim_ids) == set(b.claim_ids)


@pytest.mark.parametrize(
    ("source", "neutral"),
    [("ICRC", True), ("the ICRC", True), ("International Committee of the Red Cross", True),
     ("UN OCHA", True), ("Human Rights Watch", True), ("Iraq Body Count", True),
     ("MNLA", False), ("Malian Army", False), (None, False), ("", False)],
)  # fmt: skip
def test_neutral_table(source: str | None, neutral: bool) -> None:
    assert is_neutral(source) is neutral


def test_standing_and_to_json() -> None:
    assert standing(claim("x", 1, "security sources in Mali", None, 10)) == "third party"
    assert standing(claim("x", None, "MNLA", 1, 10, scope="overall")) == "third party"
    v = reconcile([claim("c", 1, None, None, 7)])[0]
    assert isinstance(v, View)
    assert v.to_json()["claim_ids"] == ["c"] and v.to_json()["best"] == 7
