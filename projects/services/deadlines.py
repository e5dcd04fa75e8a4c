"""Deadline reminders: the posters and open claimants of postings that close soon."""

from datetime import date

from projects.models import CLAIMABLE_STATUSES, Challenge, Claim, Project
from talentbridge.services import notify


def remind_deadlines(today: date, *, days: int = 3) -> int:
    """Tell posters and open claimants that a posting closes for claims in ``days`` days.

    Idempotent: the notification key carries the deadline, so a repeated run sends nothing.
    """
    deadline = date.fromordinal(today.toordinal() + days)
    sent = 0
    for model in (Challenge, Project):
        postings = model.objects.filter(
            status__in=CLAIMABLE_STATUSES, deadline=deadline
        ).select_related("owner")
        for posting in postings:
            recipients = [posting.owner] + [
                claim.claimant
                for claim in posting.claims.filter(status=Claim.Status.SUBMITTED).select_related(
                    "claimant"
                )
            ]
            for user in recipients:
                notify(
                    user,
                    key=f"projects.deadline.{posting.kind}.{posting.pk}.{deadline.isoformat()}",
                    template="projects_deadline_soon",
                    context={"title": posting.title, "deadline": deadline.isoformat()},
                    url=posting.get_absolute_url(),
                )
                sent += 1
    return sent
