"""Heavy jobs: inline until the pool is on, then in a worker process, with the job's own result
or exception (a PackError keeps every problem line) coming back to the caller."""

import os

import pytest
from sample_pack import make_pack

from bot.core.errors import PackError, QuestionClosed
from bot.core.packs.dump import dump_pack
from bot.core.service.catalog import read_upload_full
from bot.core.service.heavy import WORKER_NICENESS, HeavyJobs, priority

GOOD = dump_pack(make_pack())
BAD = """id: heavy
title: Heavy
questions:
  - id: q1
    type: choice
    prompt: Which one?
    choices: [a]
    answer: z
  - id: q1
    type: text
    prompt: Again?
"""


def test_jobs_run_inline_until_the_pool_is_turned_on():
    heavy = HeavyJobs()
    assert not heavy.in_processes and heavy.run(os.getpid) == os.getpid()


def test_a_job_runs_in_another_process_and_its_errors_come_back_whole():
    heavy = HeavyJobs()
    heavy.use_processes(1)
    try:
        assert heavy.run(os.getpid) != os.getpid()
        # below the bot's own priority, so its loop and answers get the CPU first
        assert heavy.run(priority) == min(priority() + WORKER_NICENESS, 19)
        read = heavy.run(read_upload_full, GOOD, "sample.yaml", compile_=True)
        assert read == read_upload_full(GOOD, "sample.yaml", compile_=True)
        assert read.pack == make_pack() and read.pack_json
        with pytest.raises(PackError) as raised:
            heavy.run(read_upload_full, BAD, "heavy.yaml")
        with pytest.raises(PackError) as local:
            read_upload_full(BAD, "heavy.yaml")
        assert raised.value.problems == local.value.problems and len(local.value.problems) > 1
    finally:
        heavy.close()
    heavy.use_processes(0)  # off again: inline, no pool left behind
    assert heavy.run(os.getpid) == os.getpid() and heavy._pool is None


def test_errors_that_carry_more_than_a_message_survive_pickling():
    import pickle

    from bot.core.errors import ClosedReason

    closed = pickle.loads(pickle.dumps(QuestionClosed("late", ClosedReason.EXPIRED)))
    assert str(closed) == "late" and closed.reason is ClosedReason.EXPIRED
    problems = pickle.loads(pickle.dumps(PackError(["a.yaml:1: x", "a.yaml:2: y"]))).problems
    assert problems == ["a.yaml:1: x", "a.yaml:2: y"]
