"""Demo boards of the Fuzhou 青蓝接力 summit (seed report 000) at its real size.

53 projects collected (the seven named landing projects of the report first, 19 of them
published for the on-site board), one demand from each of the 28 enterprises of the 揭榜挂帅
session, and claims in every status, all submitted to the host office of the people seed.
Idempotent: postings are keyed on their title, claims on posting and claimant, accounts on
their e-mail address.
"""

from projects.models import RecomputeRun
from projects.services.recompute import plan_full_recompute, recompute_chunk, start_run
from talentbridge.models import User

from .boards import seed_demands, seed_generated_projects, seed_named_projects
from .data import NAMED_PROJECTS
from .rows import representative

__all__ = ["NAMED_PROJECTS", "seed", "seed_suggestions"]


def seed(accounts: dict[str, User], people: dict) -> dict:
    """Create (or bring up to date) the summit's boards; return them for later seeders."""
    reps = {
        organization.name: representative(organization, index, accounts)
        for index, organization in enumerate(people["enterprises"], start=1)
    }
    projects = seed_named_projects(people, accounts, reps)
    projects += seed_generated_projects(people, accounts, reps, start=len(projects))
    demands = seed_demands(people, accounts, reps)
    return {"projects": projects, "challenges": demands}


def seed_suggestions() -> RecomputeRun:
    """Compute every suggestion list of the demo data in-process, as one finished run.

    Runs last, once pairings exist, so capacities are current; re-running rewrites the same
    lists. Profile-change tasks queued by the seeding find the run newer than the profiles and
    skip their work.
    """
    run = start_run(actor=None)
    for chunk_id, _kind, ids in plan_full_recompute(run):
        recompute_chunk(chunk_id, ids)
    return RecomputeRun.objects.select_related("job").get(pk=run.pk)
