"""Transitions of contests and entries: create and edit a contest, its tracks' judges, save,
submit and withdraw an entry, declare a conflict. Each is transactional, writes the audit trail
and raises ``ContestError`` with a translated message when the contest's rules refuse."""

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import ExportLog
from events.services import EventError
from talentbridge.models import Membership, Office, OfficeRole, User
from talentbridge.services import field_changes, log_action, snapshot

from .models import Conflict, Contest, Criterion, EligibilityQuestion, Entry, Round, Track

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
# What an attachment must start with: a PDF, or slides (PDF, OOXML zip, legacy OLE file).
PDF_MAGIC = (b"%PDF-",)
SLIDES_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
ATTACHMENTS = {"business_plan": PDF_MAGIC, "slides": SLIDES_MAGIC}
CONTEST_FIELDS = [
    "title",
    "summary",
    "rules",
    "prizes",
    "timeline",
    "groups",
    "deadline",
    "judges_per_entry",
    "entries_per_judge",
    "blind",
    "is_public",
    "event",
]
ENTRY_FIELDS = [
    "track",
    "team_name",
    "organisation",
    "members",
    "project_title",
    "summary",
    "group",
    "stage",
    "region",
    "video_url",
    "answers",
]


class ContestError(EventError):
    """A request the contest's rules refuse; the message is shown to the user."""


def check_attachment(upload, kind: str) -> None:
    """Refuse an attachment that is too large or whose first bytes are not of its type."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ContestError(
            _("The file is larger than %(mb)s MB.") % {"mb": MAX_ATTACHMENT_BYTES // 2**20}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(ATTACHMENTS[kind]):
        if kind == "business_plan":
            raise ContestError(_("The business plan must be a PDF file."))
        raise ContestError(_("The slides must be a PDF, PPTX or PPT file."))


@transaction.atomic
def create_contest(
    office: Office,
    *,
    actor: User,
    tracks: Sequence[str] = (),
    criteria: Sequence[tuple[str, int, int]] = (),
    questions: Sequence[str] = (),
    **fields,
) -> Contest:
    """A new contest of ``office`` with its tracks, weighted criteria and questions, and an
    open preliminary round."""
    contest = Contest.objects.create(office=office, **fields)
    Track.objects.bulk_create(
        [Track(contest=contest, name=name, position=i) for i, name in enumerate(tracks)]
    )
    Criterion.objects.bulk_create(
        [
            Criterion(contest=contest, name=name, weight=weight, max_score=top, position=i)
            for i, (name, weight, top) in enumerate(criteria)
        ]
    )
    EligibilityQuestion.objects.bulk_create(
        [EligibilityQuestion(contest=contest, text=t, position=i) for i, t in enumerate(questions)]
    )
    Round.objects.create(contest=contest, kind=Round.Kind.PRELIMINARY)
    log_action(contest, "events.contest.create", actor=actor, changes={"title": contest.title})
    return contest


@transaction.atomic
def edit_contest(contest: Contest, *, actor: User, **fields) -> Contest:
    before = snapshot(contest, CONTEST_FIELDS)
    for name, value in fields.items():
        setattr(contest, name, value)
    contest.save()
    log_action(
        contest,
        "events.contest.edit",
        actor=actor,
        changes=field_changes(before, contest, CONTEST_FIELDS),
    )
    return contest


def office_judges(office: Office):
    """The office's members who hold the judge role."""
    judges = Membership.objects.filter(office=office, role=OfficeRole.JUDGE).values("user")
    return User.objects.filter(pk__in=judges).order_by("name", "pk")


@transaction.atomic
def set_track_judges(track: Track, judges: Iterable[User], *, actor: User) -> Track:
    """The track's judges; only the office's judges may sit on it."""
    judges = list(judges)
    allowed = set(office_judges(track.contest.office).values_list("pk", flat=True))
    if any(judge.pk not in allowed for judge in judges):
        raise ContestError(_("Only members with the judge role of the office can judge."))
    before = sorted(track.judges.values_list("pk", flat=True))
    track.judges.set(judges)
    after = sorted(judge.pk for judge in judges)
    log_action(track, "events.track.judges", actor=actor, changes={"judges": [before, after]})
    return track


def _check_open(contest: Contest) -> None:
    if timezone.now() >= contest.deadline:
        deadline = timezone.localtime(contest.deadline).strftime("%Y-%m-%d %H:%M")
        raise ContestError(
            _("Entries closed on %(deadline)s; the entry can no longer be changed.")
            % {"deadline": deadline}
        )


def _attach(entry: Entry, files: dict) -> None:
    for kind in ATTACHMENTS:
        upload = files.get(kind)
        if upload is None:
            continue
        check_attachment(upload, kind)
        getattr(entry, kind).save(upload.name, upload, save=False)
        setattr(entry, f"{kind}_name", upload.name[-200:])


@transaction.atomic
def save_entry(
    contest: Contest,
    *,
    actor: User,
    entry: Entry | None = None,
    data: dict,
    files: dict | None = None,
) -> Entry:
    """Create or edit the team's entry as a draft (a submitted entry stays submitted)."""
    _check_open(contest)
    if entry is None:
        entry = Entry(contest=contest, owner=actor)
        before = {}
    else:
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        if entry.status not in (Entry.Status.DRAFT, Entry.Status.SUBMITTED):
            raise ContestError(_("This entry can no longer be changed."))
        before = snapshot(entry, ENTRY_FIELDS)
    if data.get("track") is not None and data["track"].contest_id != contest.pk:
        raise ContestError(_("Choose a track of this contest."))
    for name, value in data.items():
        setattr(entry, name, value)
    _attach(entry, files or {})
    entry.save()
    verb = "edit" if before else "create"
    log_action(
        entry,
        f"events.entry.{verb}",
        actor=actor,
        changes=field_changes(before, entry, ENTRY_FIELDS) if before else None,
    )
    return entry


@transaction.atomic
def submit_entry(entry: Entry, *, actor: User) -> Entry:
    """Submit the draft before the deadline."""
    entry = Entry.objects.select_for_update().select_related("contest").get(pk=entry.pk)
    _check_open(entry.contest)
    if entry.status != Entry.Status.DRAFT:
        raise ContestError(_("Only a draft can be submitted."))
    missing = [
        q.text for q in entry.contest.questions.all() if not str(entry.answers.get(str(q.pk), ""))
    ]
    if missing:
        raise ContestError(_("Answer every eligibility question first."))
    entry.status, entry.submitted_at = Entry.Status.SUBMITTED, timezone.now()
    entry.save(update_fields=["status", "submitted_at", "updated_at"])
    log_action(entry, "events.entry.submit", actor=actor)
    return entry


@transaction.atomic
def withdraw_entry(entry: Entry, *, actor: User) -> Entry:
    """The team withdraws its entry; its judges' sheets go with it."""
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.status not in (Entry.Status.DRAFT, Entry.Status.SUBMITTED):
        raise ContestError(_("This entry can no longer be withdrawn."))
    entry.status = Entry.Status.WITHDRAWN
    entry.save(update_fields=["status", "updated_at"])
    entry.assignments.filter(score__isnull=True).delete()
    log_action(entry, "events.entry.withdraw", actor=actor)
    return entry


@transaction.atomic
def declare_conflict(entry: Entry, *, judge: User, reason: str = "") -> Conflict:
    """A judge declares a conflict with an entry; their unscored sheet for it goes away."""
    conflict, created = Conflict.objects.get_or_create(
        entry=entry, judge=judge, defaults={"reason": reason[:200]}
    )
    if created:
        entry.assignments.filter(judge=judge).delete()
        log_action(conflict.entry, "events.entry.conflict", actor=judge, changes={"reason": reason})
    return conflict


def log_contest_export(contest: Contest, *, actor: User, rows: int):
    """Record the export of the contest's workbook, as every export is recorded."""
    entry = ExportLog.objects.create(
        user=actor,
        event=contest.event,
        dataset="contest",
        format=ExportLog.Format.XLSX,
        filters={"contest": contest.pk},
        with_contacts=False,
        row_count=rows,
    )
    log_action(contest, "events.contest.export", actor=actor, changes={"rows": rows})
    return entry
