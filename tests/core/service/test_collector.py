"""The collector pause around big builds: off while any build runs, restored after the last."""

import gc
import threading

import pytest

from bot.core.service.collector import paused_collection


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_collection_is_off_during_a_build_and_back_on_after():
    with paused_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_inner_build_ending_leaves_the_outer_one_paused():
    with paused_collection():
        with paused_collection():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off():
    gc.disable()
    with paused_collection():
        pass
    assert not gc.isenabled()


def test_a_failed_build_still_turns_collection_back_on():
    with pytest.raises(ValueError), paused_collection():
        raise ValueError("build failed")
    assert gc.isenabled()


def test_two_threads_overlapping_keep_it_off_until_both_end():
    first_in, release_first, states = threading.Event(), threading.Event(), []

    def first() -> None:
        with paused_collection():
            first_in.set()
            release_first.wait(5)

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with paused_collection():
        pass
    states.append(gc.isenabled())  # the first build is still running
    release_first.set()
    worker.join(5)
    states.append(gc.isenabled())
    assert states == [False, True]
