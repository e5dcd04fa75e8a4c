"""Celery tasks of the people app: thin wrappers around services, taking ids.

Tasks import the services they run; the services that enqueue work import the tasks, never
the other way round.
"""

from celery import shared_task

from .services.invitation_mail import mail_profile_invitation


@shared_task(name="mentors.mail_profile_invitation")
def task_mail_profile_invitation(*, invitation_id: int) -> bool:
    """E-mail an invitation's link to claim a profile; a repeated call sends nothing more."""
    return mail_profile_invitation(invitation_id)
