"""A winning entry becomes a project on the achievement board and lands, in one action."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import Project, Status
from projects.services.common import BoardError
from projects.services.landings import record_landing
from projects.services.postings import publish_posting, save_posting, submit_posting
from talentbridge.models import User
from talentbridge.services import log_action

from .models import Entry
from .services import ContestError


@transaction.atomic
def land_entry(
    entry: Entry,
    *,
    actor: User,
    province: str,
    city: str = "",
    county: str = "",
    landed_on: date,
    intended_investment: int | None = None,
) -> Project:
    """Post the awarded entry's project on the achievement board for its team (the team's
    organisation as poster) and record its landing."""
    entry = Entry.objects.select_for_update().select_related("contest", "owner").get(pk=entry.pk)
    if entry.status != Entry.Status.AWARDED:
        raise ContestError(_("Only an awarded entry can land."))
    if entry.project_id:
        raise ContestError(_("This entry's project is already on the achievement board."))
    team = entry.owner
    project = Project(
        title=entry.project_title,
        summary=entry.summary or entry.project_title,
        office=entry.contest.office,
        province=province,
        city=city,
        county=county,
        seeks_landing=True,
        intended_investment=intended_investment,
    )
    try:
        save_posting(project, actor=team, poster=entry.organisation or entry.team_name)
    except BoardError as error:
        raise ContestError(str(error)) from None
    submit_posting(project, actor=team)
    project = publish_posting(project, actor=actor)
    record_landing(
        project,
        actor=actor,
        province=province,
        city=city,
        county=county,
        landed_on=landed_on,
        intended_investment=intended_investment,
        allowed=(Status.PUBLISHED,),
    )
    project.refresh_from_db()
    entry.project = project
    entry.save(update_fields=["project", "updated_at"])
    log_action(entry, "events.entry.land", actor=actor, changes={"project": project.pk})
    return project
