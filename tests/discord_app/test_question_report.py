"""The Report button on a revealed question: the form (a modal Discord accepts), the private
thank-you, the refusal of a too-short reason, and the report beside the question in
/pack report. Every request is validated against Discord's schema by the driver."""

from __future__ import annotations

from fakes import actor
from payloads import MANAGE_GUILD, modal_payload
from quiz_fakes import (
    ANN,
    CALLBACK,
    GUILD,
    FakeClock,
    QuizDriver,
    capture_requests,
    custom_ids,
    quiz_bot,
    quiz_service,
    walk,
)


def _report_button(message: dict) -> str:
    (found,) = [c for c in custom_ids(message) if c.startswith("qreport:")]
    return found


async def test_report_a_revealed_question_and_see_it_in_the_pack_report():
    service = quiz_service(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="quiz", count=2, mode="solo", user=ANN,
                                     who="ann")
        assert not [c for c in custom_ids(start.data) if c.startswith("qreport:")], \
            "nothing is revealed yet, so nothing can be reported"
        first = custom_ids(start.data)[0]
        answered = await driver.click([c for c in custom_ids(start.data)
                                       if ":skip" in c][0], start.data, user=ANN, who="ann")
        report_id = _report_button(answered.data)
        assert report_id == f"qreport:{first.split(':')[2]}:{first.split(':')[3]}"
        labels = [c.get("label") for c in walk(answered.data["components"])
                  if c.get("custom_id") == report_id]
        assert labels == ["Report a problem"]

        form = await driver.click(report_id, answered.data, user=ANN, who="ann")
        assert form.type == 9 and form.data["custom_id"].startswith("qreportm:")
        modal_id = form.data["custom_id"]

        async def submit(reason: str) -> dict:
            before = len(sent)
            await driver._run(modal_payload(modal_id, {"reason": reason}, user_id=ANN,
                                            name="ann"))
            (reply,) = [r.payload for r in sent[before:] if r.route_key == CALLBACK]
            return reply

        short = await submit("x")
        assert short["data"]["flags"] & 64 and "3 to 300" in short["data"]["content"]
        thanks = await submit("The accepted answer is missing Culiacan")
        assert thanks["data"]["flags"] & 64 and "Thank you" in thanks["data"]["content"]
        again = await submit("still wrong")
        assert "already reported" in again["data"]["content"]

        report = await driver.command("pack report", pack="quiz", permissions=MANAGE_GUILD)
    assert report.type == 5
    followup = [r.payload for r in sent if r.route_key.startswith("POST /webhooks/")][-1]
    field = followup["embeds"][0]["fields"][0]
    assert "Reported ×1" in field["value"] and "Culiacan" in field["value"]
    rows = service.reports.question_report(actor(int(GUILD), manage=True), "quiz")
    assert rows[0].reports == ("The accepted answer is missing Culiacan",)
    await bot.close()
