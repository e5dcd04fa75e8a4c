"""The call: public postings collected into an event, posted on site, given roadshow slots."""

from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import Challenge, Project
from talentbridge.models import User
from talentbridge.services import log_action

from ..models import Event, EventPosting, Session
from . import EventError


@transaction.atomic
def link_posting(
    event: Event, posting: Project | Challenge, *, actor: User, posted_on_site: bool = False
) -> EventPosting:
    """Collect a public posting into the event's call (linking it twice changes nothing)."""
    if not posting.is_public:
        raise EventError(_("Only published postings can be linked to an event."))
    field = "challenge" if isinstance(posting, Challenge) else "project"
    link, created = EventPosting.objects.get_or_create(
        event=event, **{field: posting}, defaults={"posted_on_site": posted_on_site}
    )
    if created:
        log_action(event, "events.posting.link", actor=actor, changes={field: posting.title})
    return link


@transaction.atomic
def schedule_event_posting(
    link: EventPosting,
    *,
    actor: User,
    posted_on_site: bool,
    session: Session | None,
    slot_order: int | None,
) -> EventPosting:
    """Set whether a posting is posted on site and its roadshow slot and running order."""
    if session is not None and session.event_id != link.event_id:
        raise EventError(_("This session belongs to another event."))
    link.posted_on_site = posted_on_site
    link.session = session
    link.slot_order = slot_order if session is not None else None
    link.save(update_fields=["posted_on_site", "session", "slot_order"])
    log_action(
        link.event,
        "events.posting.schedule",
        actor=actor,
        changes={
            "posting": str(link.posting),
            "posted_on_site": posted_on_site,
            "session": str(session or ""),
            "slot_order": link.slot_order,
        },
    )
    return link


@transaction.atomic
def unlink_posting(link: EventPosting, *, actor: User) -> None:
    """Take a posting out of the event's call (the posting itself is untouched)."""
    EventPosting.objects.filter(pk=link.pk).delete()
    log_action(link.event, "events.posting.unlink", actor=actor, changes={"posting": str(link)})
