"""What the transitions of postings share: the error they raise, row locks, the timeline."""

from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor, Organization
from projects.models import Challenge, Claim, PostingEvent, Project
from talentbridge.models import User

Posting = Project | Challenge
Poster = Mentor | Mentee | Organization


class BoardError(Exception):
    """A transition that the current state of a posting or claim does not allow."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def not_now(posting: Posting) -> BoardError:
    """The error of a transition that the posting's status does not allow."""
    return BoardError(
        _("This is not possible while the posting is “%(status)s”.")
        % {"status": posting.get_status_display()}
    )


def posting_ref(posting: Posting) -> dict:
    """The keyword that points a posting part (claim, landing, …) to ``posting``."""
    return {"project": posting} if isinstance(posting, Project) else {"challenge": posting}


def posting_action(posting: Posting, verb: str) -> str:
    """The audit action of a posting transition: ``projects.challenge.publish``."""
    return f"projects.{posting._meta.model_name}.{verb}"


def locked_posting(posting: Posting) -> Posting:
    """Re-read the posting with its row locked until the transaction ends."""
    return type(posting).objects.select_for_update().get(pk=posting.pk)


def record_event(
    posting: Posting,
    action: str,
    *,
    actor: User | None,
    from_status: str = "",
    comment: str = "",
    claim: Claim | None = None,
) -> PostingEvent:
    """Add an entry to the posting's timeline (what its poster reads on the posting page)."""
    return PostingEvent.objects.create(
        **posting_ref(posting),
        action=action,
        actor=actor,
        from_status=from_status,
        to_status=posting.status,
        comment=comment,
        claim=claim,
    )
