"""Points rules: flat solo, Kahoot speed points, streak bonus, hint cost."""

from hypothesis import given
from hypothesis import strategies as st

from bot.core.play import scoring


def test_wrong_answers_earn_nothing():
    assert scoring.award(100, correct=False, streak=3, elapsed=0, limit=30) == 0


def test_solo_points_are_flat_whatever_the_time():
    assert scoring.award(100, correct=True, streak=1) == 100
    assert scoring.award(100, correct=True, streak=1, elapsed=29) == 100  # no limit → flat


def test_live_points_follow_kahoot():
    assert scoring.award(1000, correct=True, streak=1, elapsed=0, limit=20) == 1000
    assert scoring.award(1000, correct=True, streak=1, elapsed=10, limit=20) == 750
    assert scoring.award(1000, correct=True, streak=1, elapsed=20, limit=20) == 500
    assert scoring.award(1000, correct=True, streak=1, elapsed=99, limit=20) == 500


def test_streak_bonus_grows_then_caps():
    bonuses = [scoring.streak_bonus(100, n) for n in range(1, 9)]
    assert bonuses == [0, 10, 20, 30, 40, 50, 50, 50]


def test_a_hint_halves_the_points_and_the_bonus():
    assert scoring.award(100, correct=True, hints_used=1, streak=1) == 50
    assert scoring.award(100, correct=True, hints_used=2, streak=1) == 25
    assert scoring.award(100, correct=True, hints_used=1, streak=3) == 50 + 10


@given(st.floats(0, 1000), st.floats(0.1, 600))
def test_speed_factor_stays_between_half_and_one(elapsed, limit):
    assert 0.5 <= scoring.speed_factor(elapsed, limit) <= 1.0


@given(st.floats(0, 100), st.floats(0, 100))
def test_answering_sooner_never_earns_less(a, b):
    early, late = sorted((a, b))
    assert scoring.speed_factor(early, 100) >= scoring.speed_factor(late, 100)
