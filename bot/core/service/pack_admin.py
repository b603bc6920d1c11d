"""Instructors install and remove a guild's own packs; bundled packs are shared and stay."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.core.errors import InvalidInput
from bot.core.judge.verdicts import judge
from bot.core.models import Actor, Pack, Question, QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.loader import load_pack_text
from bot.core.packs.preview import UploadPreview, preview_of
from bot.core.play.feedback import picked_choice
from bot.core.results import PackSummary
from bot.core.service.access import Access
from bot.core.service.catalog import Catalog, UploadRead
from bot.core.service.pack_versions import PackVersion, version_list, version_row


@dataclass(eq=False)
class PackAdmin:
    catalog: Catalog
    access: Access
    clock: Callable[[], float]

    def install_pack(self, actor: Actor, data: bytes | str, filename: str, *,
                     skip_unsupported: bool = False) -> PackSummary:
        """Instructors install (or replace) a pack for their guild only: our YAML, or any
        format `pack import` reads (detected, converted to our YAML).

        The upload is validated completely first; on any problem nothing is stored, so a bad
        pack never replaces a good one. Each install of the same id is a new stored version;
        attempts keep their question ids. Raises NotAllowed, PackError or InvalidInput.
        """
        self.access.require_instructor(actor, "install packs")
        checked = self.catalog.parse_upload_full(actor.guild_id, data, filename,
                                                 skip_unsupported=skip_unsupported, compile_=True)
        self.catalog.save_upload(actor.guild_id, checked.pack.id, filename, checked.content,
                                 actor.user_id, self.clock(), pack=checked.pack,
                                 pack_json=checked.pack_json)
        return self.catalog.summary(actor.guild_id, checked.pack.id)

    def preview_upload(self, actor: Actor, data: bytes | str, filename: str, *,
                       skip_unsupported: bool = False) -> UploadPreview:
        """What install_pack would store, without storing it (same checks, same errors)."""
        self.access.require_instructor(actor, "install packs")
        checked = self.catalog.parse_upload_full(actor.guild_id, data, filename,
                                                 skip_unsupported=skip_unsupported)
        version = self.catalog.store.latest_pack_version(actor.guild_id, checked.pack.id) + 1
        return preview_of(checked.pack, checked.format_name, checked.notes, version)

    def export_yaml(self, guild_id: str, pack_id: str) -> tuple[str, str]:
        """(file name, YAML) of the pack as it is now: a guild pack's stored current version,
        else the pack written out by dump_pack. Raises UnknownPack."""
        pack = self.catalog.pack(guild_id, pack_id)
        content = self.catalog.store.guild_pack_content(guild_id, pack.id)
        if content is not None:
            return f"{pack.id}.yaml", content
        return f"{pack.id}.yaml", dump_pack(pack)

    def versions(self, actor: Actor, pack_id: str) -> list[PackVersion]:
        """Every stored version of one of the guild's packs, oldest first, the current one
        marked (instructors). Raises NotAllowed, or InvalidInput when none was uploaded."""
        self.access.require_instructor(actor, "see pack versions")
        return version_list(self.catalog.store, actor.guild_id, pack_id,
                            self._installed(actor.guild_id, pack_id))

    def preview_restore(self, actor: Actor, pack_id: str, version: int) -> UploadPreview:
        """What restore_version would store (the old version as a new one), storing nothing."""
        self.access.require_instructor(actor, "restore pack versions")
        checked, row = self._restorable(actor, pack_id, version)
        latest = self.catalog.store.latest_pack_version(actor.guild_id, pack_id)
        when = PackVersion(version, "", "", float(row["uploaded_at"]), "", None, False).when
        return preview_of(checked.pack, f"version {version} of {when}", checked.notes,
                          latest + 1)

    def restore_version(self, actor: Actor, pack_id: str, version: int) -> RestoreOutcome:
        """Make an older version current again, as a NEW version (nothing is dropped).

        The old content is checked again as an upload would be (the loader or the server's
        packs may have changed since), so a version that no longer loads replaces nothing.
        Raises NotAllowed, InvalidInput or PackError."""
        self.access.require_instructor(actor, "restore pack versions")
        checked, row = self._restorable(actor, pack_id, version)
        new = self.catalog.save_upload(actor.guild_id, pack_id, row["filename"],
                                       checked.content, actor.user_id, self.clock(),
                                       note=f"restored version {version}", pack=checked.pack)
        return RestoreOutcome(pack_id, version, new, checked.pack.title,
                              len(checked.pack.questions))

    def _installed(self, guild_id: str, pack_id: str) -> bool:
        return any(r["pack_id"] == pack_id for r in self.catalog.store.guild_pack_rows(guild_id))

    def _restorable(self, actor: Actor, pack_id: str, version: int) -> tuple[UploadRead, dict]:
        row = version_row(self.catalog.store, actor.guild_id, pack_id, version,
                          self._installed(actor.guild_id, pack_id))
        checked = self.catalog.parse_upload_full(actor.guild_id, row["content"],
                                                 f"{pack_id}.yaml")
        return checked, row

    def removable(self, guild_id: str, pack_id: str) -> Pack:
        """The pack a remove would take, checked before asking to confirm: UnknownPack, or
        InvalidInput for a bundled pack (shared by every guild)."""
        found = self.catalog.pack(guild_id, pack_id)
        if self.catalog.is_bundled(found.id):
            raise InvalidInput(f"'{found.id}' is a bundled pack; it cannot be removed.")
        return found

    def remove_pack(self, actor: Actor, pack_id: str) -> None:
        """Instructors remove one of their guild's packs (bundled packs stay)."""
        self.access.require_instructor(actor, "remove packs")
        if not self.catalog.delete_upload(actor.guild_id, pack_id):
            if self.catalog.is_bundled(pack_id):
                raise InvalidInput(f"'{pack_id}' is a bundled pack; it cannot be removed.")
            self.catalog.pack(actor.guild_id, pack_id)  # UnknownPack with a did-you-mean
            raise InvalidInput(f"'{pack_id}' is not one of this server's packs.")

    def accept_answer(self, actor: Actor, pack_id: str, question_id: str, answer: str, *,
                      rescore: bool = False) -> AcceptOutcome:
        """Instructors: "this wrong answer is really right". The alias is added to the question
        (a text question's answers, or a choice as also right) as a new version of the guild's
        pack; with `rescore`, past wrong attempts the new version judges right are marked right
        (their old verdicts kept in attempt_rescores) and earn the question's points.

        Raises NotAllowed, UnknownPack, or InvalidInput (bundled pack, unknown question, an
        answer already accepted, a question type without answers to add to).
        """
        self.access.require_instructor(actor, "accept answers")
        pack = self.catalog.pack(actor.guild_id, pack_id)
        if self.catalog.is_bundled(pack.id):
            raise InvalidInput(f"'{pack.id}' is a bundled pack and cannot be changed here: "
                               f"export it, give it a new id and install that.")
        question = pack.question(question_id)
        if question is None:
            raise InvalidInput(f"'{pack.id}' has no question '{question_id}'.")
        changed = with_accepted(question, answer)
        new_pack = replace(pack, questions=tuple(changed if q.id == question.id else q
                                                 for q in pack.questions))
        content = dump_pack(new_pack)
        load_pack_text(content, f"{pack.id}.yaml")  # the new version must load, or nothing
        now = self.clock()
        version = self.catalog.save_upload(actor.guild_id, pack.id, f"{pack.id}.yaml", content,
                                           actor.user_id, now,
                                           note=f"accepted '{answer.strip()}' for {question.id}")
        rescored = 0
        if rescore:
            store = self.catalog.store
            for row in store.wrong_attempts(actor.guild_id, pack.id, question.id):
                if judge(changed, row["response"]).correct:
                    store.rescore_attempt(row["id"], changed.points, RESCORED_REASON,
                                          actor.user_id, now)
                    rescored += 1
        return AcceptOutcome(pack.id, question.id, version, rescored)


RESCORED_REASON = "Accepted later by an instructor."


@dataclass(frozen=True)
class RestoreOutcome:
    pack_id: str
    restored: int  # the old version brought back
    version: int  # the new version it was stored as
    title: str
    questions: int


@dataclass(frozen=True)
class AcceptOutcome:
    pack_id: str
    question_id: str
    version: int
    rescored: int


def with_accepted(question: Question, answer: str) -> Question:
    """The question that also accepts `answer`; InvalidInput when it cannot or already does."""
    text = " ".join(answer.split())
    if not text:
        raise InvalidInput("Give the answer to accept.")
    if question.type is QuestionType.TEXT:
        if judge(question, text).correct:
            raise InvalidInput(f"'{text}' is already judged right for {question.id}.")
        return replace(question, answers=(*question.answers, text))
    if question.type is QuestionType.CHOICE:
        index = picked_choice(question, text)
        if index is None:
            raise InvalidInput(f"'{text}' names none of {question.id}'s choices.")
        choice = question.choices[index]
        if choice == question.answer or choice in question.also_right:
            raise InvalidInput(f"'{choice}' is already right for {question.id}.")
        return replace(question, also_right=(*question.also_right, choice))
    raise InvalidInput(f"{question.id} is a {question.type} question: it has no list of "
                       f"answers to add to; edit its answer in the pack instead.")
