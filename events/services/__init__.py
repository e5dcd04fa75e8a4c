"""State transitions of events, one module per feature (event, registration, checkin,
ceremony, agenda, postings, plan, exports). Every function here is transactional and writes
the audit trail; views, tasks and template tags only call them."""


class EventError(Exception):
    """A request the event's rules refuse; the message is translated and shown to the user."""
