"""Events: each dated sentence with its date, the words that dated it and the actors named."""

from __future__ import annotations

from prose.prose_helpers import read


def test_event_actors_use_the_context_names_through_aliases() -> None:
    event = read("On 20 November MUJAO fighters attacked the MNLA camp.").events[0]
    assert event.actors == ("MOJWA", "MNLA")
    assert event.sides == (2, 1)


def test_commanders_are_not_listed_as_actors() -> None:
    event = read("On 20 November Karim Dalla led the Northern Front north.").events[0]
    assert event.actors == ("Northern Front",)


def test_undated_sentences_are_not_events() -> None:
    assert read("The MNLA retreated towards the hills.").events == ()


def test_event_json_shape() -> None:
    data = read("The next day the AQIM column entered the town.").events[0].to_json()
    assert data["date"] == "2012-11-17"
    assert data["date_text"] == "The next day"
    assert data["section"] == "Battle"
    assert data["actors"] == ["AQIM"]
