"""Who may do what with a contest: its office's managers run it, judges of a track score that
track's entries (never one they have a conflict with), a team sees its own entry."""

from talentbridge.models import OfficeRole
from talentbridge.rules import has_office_role, is_admin, is_office_manager, managed_office_ids

from .models import Conflict, Contest, Entry, JudgeAssignment


def can_manage_contest(user, contest: Contest) -> bool:
    return is_office_manager(user, contest.office_id)


def can_view_contest(user, contest: Contest) -> bool:
    return contest.is_public or can_manage_contest(user, contest)


def can_enter_contest(user, contest: Contest) -> bool:
    return bool(user.is_authenticated and can_view_contest(user, contest) and contest.is_open)


def is_contest_judge(user, contest: Contest) -> bool:
    """A member with the judge role of the contest's office who sits on one of its tracks."""
    return bool(
        user.is_authenticated
        and has_office_role(user, contest.office_id, OfficeRole.JUDGE)
        and contest.tracks.filter(judges=user).exists()
    )


def can_view_entry(user, entry: Entry) -> bool:
    """The team and the contest's managers."""
    return bool(user.is_authenticated and entry.owner_id == user.pk) or can_manage_contest(
        user, entry.contest
    )


def can_edit_entry(user, entry: Entry) -> bool:
    return bool(user.is_authenticated and entry.owner_id == user.pk)


def can_score(user, sheet: JudgeAssignment) -> bool:
    """The sheet's judge, still a judge of the office, without a conflict with the entry."""
    return bool(
        user.is_authenticated
        and sheet.judge_id == user.pk
        and has_office_role(user, sheet.entry.contest.office_id, OfficeRole.JUDGE)
        and not Conflict.objects.filter(entry_id=sheet.entry_id, judge=user).exists()
    )


def can_read_attachment(user, entry: Entry) -> bool:
    """The team, the managers, and the judges with a sheet for the entry."""
    if can_view_entry(user, entry):
        return True
    return bool(
        user.is_authenticated
        and has_office_role(user, entry.contest.office_id, OfficeRole.JUDGE)
        and JudgeAssignment.objects.filter(entry=entry, judge=user).exists()
        and not Conflict.objects.filter(entry=entry, judge=user).exists()
    )


def shows_team(user, contest: Contest) -> bool:
    """Blind review hides team names from judges; managers always see them."""
    return not contest.blind or can_manage_contest(user, contest)


def is_office_manager_anywhere(user) -> bool:
    """May create a contest: manages at least one office (or is an administrator)."""
    return bool(user.is_authenticated and (is_admin(user) or managed_office_ids(user)))
