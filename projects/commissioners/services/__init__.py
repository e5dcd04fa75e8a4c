"""Transitions of commissioners' work, one function per transition, by feature: ``dispatches``
(dispatch, end, firms' requests), ``records`` (log, edit, confirm, dispute), ``demands``
(draft a demand, the firm submits or declines it) and ``whistles`` (deadlines, raise, assign,
acknowledge, close, escalate). Each is transactional and writes the audit trail in the same
transaction; a transition that the state or the actor does not allow raises
``CommissionerError`` with a message for the user."""

from django.utils import timezone


class CommissionerError(Exception):
    """A change that cannot be made; ``message`` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def local_time(moment) -> str:
    """A moment as the office reads it, for notifications rendered later in the worker."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
