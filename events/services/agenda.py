"""The agenda: sessions of the event's day."""

from django.db import transaction

from talentbridge.models import User
from talentbridge.services import log_action

from ..models import Event, Session


@transaction.atomic
def add_session(event: Event, *, actor: User, **fields) -> Session:
    """Add a session to the event's agenda."""
    session = Session.objects.create(event=event, **fields)
    log_action(
        event,
        "events.session.add",
        actor=actor,
        changes={
            "title": session.title,
            "kind": session.kind,
            "starts_at": str(session.starts_at),
            "ends_at": str(session.ends_at),
        },
    )
    return session
