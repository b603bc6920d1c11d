"""Issue 14 through the real bot in simcord: a student reviews in a DM with the bot (the
commands published globally, as /admin sync does), and /privacy delete leaves no row of that
student in that server (read back from the database) while the boards drop them."""

from __future__ import annotations

from world import MINI, World, button_labels, reply_text, text_of


async def test_quiz_review_works_in_a_dm(tmp_path):
    async with World(tmp_path) as world:
        ann = world.member("ann")
        start = await ann.slash(world.channel, "quiz start", pack=MINI, count=2, mode="solo")
        quiz = start.response
        for _ in range(2):
            quiz = await world.next(ann, (await world.answer(ann, quiz, right=False)).response)
        await world.bot.tree.sync()  # the owner's `/admin sync scope:Everywhere`
        assert "quiz review" in ann.user.available_commands()
        assert "leaderboard" not in ann.user.available_commands()  # boards stay in servers

        review = await ann.user.slash("quiz review")
        card = review.response
        assert card is not None and "Question 1/2" in text_of(card), reply_text(review)
        assert "Skip" in button_labels(card)
        skipped = await ann.user.click(card, label="Skip")
        assert "Skipped" in reply_text(skipped)
        refused = await ann.user.slash("quiz start", pack=MINI, mode="live")
        assert "only works in a server" in reply_text(refused)


async def test_privacy_delete_leaves_no_row_of_that_student_in_that_server(tmp_path):
    async with World(tmp_path) as world:
        ann, bob = world.member("ann"), world.member("bob")
        for player in (ann, bob):
            quiz = (await player.slash(world.channel, "quiz start", pack=MINI, count=2,
                                       mode="solo")).response
            for _ in range(2):
                quiz = await world.next(player, (await world.answer(player, quiz)).response)
        asked = await ann.slash(world.channel, "privacy delete")
        assert "cannot be undone" in reply_text(asked)
        done = await ann.click(asked.response, label="Delete my data")
        assert "Deleted: 2 answer(s)" in reply_text(done), reply_text(done)

        db = world.service.store.db
        guild, user = str(world.school.id), str(ann.id)
        for table in db.table_names():
            columns = {c.name for c in db[table].columns}
            if "guild_id" not in columns:
                continue
            named = [c for c in columns if c in {"user_id", "starter_id", "uploaded_by"}]
            for column in named:
                rows = list(db.query(f'SELECT 1 FROM "{table}" WHERE guild_id = ? AND '
                                     f'"{column}" = ?', [guild, user]))
                assert rows == [], (table, column)
        board = await bob.slash(world.channel, "leaderboard")
        text = reply_text(board)
        assert "bob" in text and "ann" not in text
