"""State transitions of the hometown programme; each writes the audit trail."""

from .appointments import (
    AppointmentError,
    appoint_adviser,
    end_appointment,
    renew_appointment,
)
from .roster import (
    RosterError,
    add_natives,
    add_to_roster,
    edit_roster_entry,
    log_contact,
    remind_due_contacts,
)

__all__ = [
    "AppointmentError",
    "RosterError",
    "add_natives",
    "add_to_roster",
    "appoint_adviser",
    "edit_roster_entry",
    "end_appointment",
    "log_contact",
    "remind_due_contacts",
    "renew_appointment",
]
