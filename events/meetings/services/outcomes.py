"""What a meeting led to: a follow-up reporting cooperation or a contract becomes a landing
(落地) of a project one side linked to the day, or a mentoring pairing (师徒结对) when one
side is an expert and the other a mentee. Asking twice gives back what the first ask made."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Meeting, MeetingFollowUp
from events.services import EventError
from mentors.models import Mentee, Mentor, Pairing
from mentors.services.pairings import PairingError, propose_pairing
from projects.models import Landing, Project, Status
from projects.services.landings import record_landing
from talentbridge.models import User
from talentbridge.services import log_action

# A meeting may land a posting that was never claimed: the two sides found each other here.
LANDABLE = (Status.PUBLISHED, Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED)
LEADS_ON = (MeetingFollowUp.Outcome.COOPERATION, MeetingFollowUp.Outcome.CONTRACT)


@dataclass
class Outcome:
    """What the follow-up led to: a landing or a pairing, new or found."""

    kind: str  # "landing" or "pairing"
    row: Landing | Pairing
    created: bool

    @property
    def url(self) -> str:
        if self.kind == "landing":
            return self.row.project.get_absolute_url()
        return reverse("mentors:my_pairings")


def _projects(meeting: Meeting):
    request = meeting.request
    linked = Q(pk__in=request.requester.projects.values("pk")) | Q(
        pk__in=request.recipient.projects.values("pk")
    )
    return Project.objects.filter(linked, status__in=(*LANDABLE, Status.LANDED)).order_by("pk")


def _mentor_and_mentee(meeting: Meeting) -> tuple[Mentor, Mentee] | None:
    """The expert and the mentee among the two sides, either way round, or None."""
    users = (meeting.request.requester.user_id, meeting.request.recipient.user_id)
    for mentor_user, mentee_user in (users, users[::-1]):
        mentor = Mentor.objects.filter(user_id=mentor_user).first()
        mentee = Mentee.objects.filter(user_id=mentee_user).first()
        if mentor is not None and mentee is not None:
            return mentor, mentee
    return None


def found_outcome(meeting: Meeting) -> Outcome | None:
    """The landing of a project linked to the meeting, or the open pairing of its expert and
    mentee, if there is one."""
    landed = Landing.objects.filter(project__in=_projects(meeting)).select_related("project")
    if landing := landed.first():
        return Outcome("landing", landing, created=False)
    pair = _mentor_and_mentee(meeting)
    if pair is not None:
        open_pairing = Pairing.objects.filter(
            mentor=pair[0], mentee=pair[1], status__in=Pairing.OPEN
        ).first()
        if open_pairing is not None:
            return Outcome("pairing", open_pairing, created=False)
    return None


def _land(follow_up: MeetingFollowUp, projects: list[Project], actor: User) -> Outcome:
    project = projects[0]
    if not project.province:
        raise EventError(
            _("“%(title)s” does not say where it should land; record its landing on its page.")
            % {"title": project.title}
        )
    amount = follow_up.amount
    landing = record_landing(
        project,
        actor=actor,
        province=project.province,
        city=project.city,
        county=project.county,
        landed_on=timezone.localdate(),
        signed_investment=int(amount * 10_000) if amount is not None else None,
        allowed=LANDABLE,
    )
    return Outcome("landing", landing, created=True)


def _pair(follow_up: MeetingFollowUp, mentor: Mentor, mentee: Mentee, actor: User) -> Outcome:
    note = _("Met at %(event)s.") % {"event": follow_up.meeting.request.event.title}
    try:
        pairing = propose_pairing(mentor, mentee, actor=actor, note=note)
    except PairingError as exc:
        raise EventError(str(exc.message)) from exc
    return Outcome("pairing", pairing, created=True)


@transaction.atomic
def follow_up_outcome(follow_up: MeetingFollowUp, *, actor: User) -> Outcome:
    """Turn a cooperation or contract follow-up into a landing of a linked project or, when
    neither side linked one, into a pairing of the expert and the mentee among them."""
    meeting = Meeting.objects.select_for_update().get(pk=follow_up.meeting_id)
    if follow_up.outcome not in LEADS_ON:
        raise EventError(_("Only a cooperation or a signed contract leads to a landing."))
    found = found_outcome(meeting)
    if found is not None:
        return found
    projects = list(_projects(meeting).filter(status__in=LANDABLE))
    pair = None if projects else _mentor_and_mentee(meeting)
    if projects:
        outcome = _land(follow_up, projects, actor)
    elif pair is not None:
        outcome = _pair(follow_up, *pair, actor)
    else:
        raise EventError(
            _(
                "Neither a landing nor a pairing is possible: no project is linked to the two "
                "profiles, and the two are not an expert and a mentee."
            )
        )
    if outcome.created:
        log_action(
            meeting,
            f"events.meeting.{outcome.kind}",
            actor=actor,
            changes={"follow_up": follow_up.pk, outcome.kind: outcome.row.pk},
        )
    return outcome
