"""Service calls from worker threads (as the Discord bot makes them): nothing lost or mixed."""

from concurrent.futures import ThreadPoolExecutor

from sample_pack import make_pack, wrong_answer

from bot.core.models import Actor, Mode
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.store.db import Store


def _service(tmp_path):
    library = PackLibrary(None)
    library.add(make_pack())
    return QuizService(Store.open(tmp_path / "q.sqlite3"), library)


def test_200_answers_from_threads_store_200(tmp_path):
    service = _service(tmp_path)

    def play(n):
        actor = Actor("g", f"u{n}", f"User {n}")
        view = service.quizzes.start_quiz(actor, "sample", 1, seed=n)
        question = service.catalog.pack("g", "sample").question(view.question_id)
        service.quizzes.answer(actor, view.session_id, view.question_id, wrong_answer(question))

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(play, range(200)))
    check = Store.open(service.store.path)
    assert check.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 200
    assert service.standings.leaderboard("g").total_players == 200


def test_live_answers_from_threads_all_reach_the_reveal(tmp_path):
    service = _service(tmp_path)
    host = Actor("g", "host", "Host", can_manage_guild=True)
    view = service.quizzes.start_quiz(host, "sample", 2, Mode.LIVE, seed=1, channel_id="c")
    question = service.catalog.pack("g", "sample").question(view.question_id)

    def answer(n):
        actor = Actor("g", f"p{n}", f"Player {n}")
        return service.quizzes.submit_live_answer(actor, view.session_id, view.question_id,
                                                  wrong_answer(question))

    with ThreadPoolExecutor(max_workers=16) as pool:
        acks = list(pool.map(answer, range(120)))
    assert all(ack.accepted for ack in acks)
    assert service.quizzes.reveal(view.session_id, view.question_id).answered == 120
