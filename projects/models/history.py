"""The timeline of a posting: its status changes and claims, with the comments shown to its
poster (a send-back's reason). Domain data; the audit trail records the same changes for admins."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .claims import Claim
from .postings import Challenge, PostingPart, Project, Status, exactly_one, posting_fk


class PostingEvent(PostingPart):
    """One entry in a posting's history: who did what, when, from which status to which."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        SENT_BACK = "sent_back", _("Sent back")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CLAIMED = "claimed", _("Claim received")
        CLAIM_ACCEPTED = "claim_accepted", _("Claim accepted")
        CLAIM_DECLINED = "claim_declined", _("Claim declined")
        CLAIM_WITHDRAWN = "claim_withdrawn", _("Claim withdrawn")
        STARTED = "started", _("Work started")
        SOLVED = "solved", _("Solved")
        LANDED = "landed", _("Landing recorded")
        CLOSED = "closed", _("Closed")

    project = posting_fk(Project, "history", _("project"))
    challenge = posting_fk(Challenge, "history", _("demand"))
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge"), name="postingevent_one_posting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.posting}: {self.action}"
