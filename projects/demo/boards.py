"""The summit's boards: the seven named projects, the generated ones, one demand from each of
the 28 enterprises, and claims in every status."""

from datetime import timedelta

from django.utils import timezone

from mentors.models import Mentee, Mentor
from projects.models import Challenge, Claim, Project, Status

from .data import (
    CLAIM_STATUSES,
    CLAIMANT_EXPERTS,
    DEMAND_STATUSES,
    DEMANDS,
    NAMED_PROJECTS,
    PROJECT_KINDS,
    PROJECT_STATUSES,
    PROJECTS_COLLECTED,
    REVIEWED,
    TAKEN,
)
from .rows import account, expert_account, upsert_claim, upsert_landing, upsert_posting


def seed_named_projects(people, accounts, reps) -> list[Project]:
    fields, organizations = people["fields"], people["organizations"]
    mentors = people["mentors_by_name"]
    organizer = accounts["organizer"]
    projects = []
    for title, poster_name, claimant_org, tags, status, place, amount in NAMED_PROJECTS:
        poster = mentors.get(poster_name) or organizations[poster_name]
        owner = (
            expert_account(poster, accounts) if isinstance(poster, Mentor) else reps[poster.name]
        )
        project = upsert_posting(
            Project,
            title,
            owner=owner,
            poster=poster,
            fields=[fields[t] for t in tags],
            status=status,
            organizer=organizer,
            office=people["office"],
            summary=f"{title}：{poster_name}携成熟成果来闽，寻求与本地企业合资合作、落地晋安。",
            details="技术路线、知识产权清单与合作方式详见附件。",
            province=place[0],
            city=place[1],
            county=place[2],
            stage=Project.Stage.MATURE,
            seeks_cofounder=True,
            seeks_landing=True,
            intended_investment=amount,
        )
        organization = organizations[claimant_org]
        claimant = reps.get(claimant_org) or account(
            f"team-{organization.pk}@demo.talentbridge.cn", f"{claimant_org} 联络人", is_mentee=True
        )
        if claimant_org == "福州柏云信息科技有限公司" and title.startswith("多元"):
            claimant = accounts["mentee"]
        mentee = Mentee.objects.filter(user=claimant).first()
        upsert_claim(
            project, claimant, Claim.Status.ACCEPTED, mentee=mentee, organization_name=claimant_org
        )
        if status == Status.LANDED:
            upsert_landing(project, place, amount, organizer)
        projects.append(project)
    return projects


def seed_generated_projects(people, accounts, reps, start: int) -> list[Project]:
    fields = people["fields"]
    organizer = accounts["organizer"]
    named_posters = {row[1] for row in NAMED_PROJECTS}
    mentors = [m for m in people["mentors"] if m.name not in named_posters]
    enterprises = people["enterprises"]
    projects = []
    for index in range(PROJECTS_COLLECTED - start):
        mentor = mentors[index % len(mentors)]
        suffix, stage = PROJECT_KINDS[(index // len(mentors)) % len(PROJECT_KINDS)]
        status = PROJECT_STATUSES[index % len(PROJECT_STATUSES)]
        project = upsert_posting(
            Project,
            f"{mentor.research_fields}{suffix}",
            owner=expert_account(mentor, accounts),
            poster=mentor,
            fields=list(mentor.fields.all()) or [fields["digital_economy"]],
            status=status,
            organizer=organizer,
            office=people["office"],
            summary=f"{mentor.name}（{mentor.title}）团队在{mentor.research_fields}方向的{suffix}，寻求合伙人、投资与落地场地。",
            details="项目阶段、团队构成与合作模式可在对接时进一步沟通。",
            province="福建省",
            city="福州市",
            county="晋安区" if index % 3 else "",
            stage=stage,
            seeks_cofounder=index % 2 == 0,
            seeks_investment=index % 3 != 1,
            seeks_landing=True,
            intended_investment=(index % 9 + 1) * 2_000_000,
            deadline=timezone.localdate() + timedelta(days=7 + index % 40),
        )
        if status in REVIEWED and status != Status.CLOSED:
            enterprise = enterprises[index % len(enterprises)]
            claim_status = Claim.Status.ACCEPTED if status in TAKEN else CLAIM_STATUSES[index % 3]
            upsert_claim(
                project, reps[enterprise.name], claim_status, organization_name=enterprise.name
            )
        projects.append(project)
    return projects


def seed_demands(people, accounts, reps) -> list[Challenge]:
    organizer = accounts["organizer"]
    mentors = people["mentors_by_name"]
    experts = [
        (mentors[name], expert_account(mentors[name], accounts)) for name in CLAIMANT_EXPERTS
    ]
    used: set[str] = set()
    demands = []
    for index, enterprise in enumerate(people["enterprises"]):
        tags = list(enterprise.fields.all())
        options = [option for t in tags for option in DEMANDS.get(t.slug, [])]
        problem, kind, expertise = next((o for o in options if o[0] not in used), options[0])
        title = problem if problem not in used else f"{problem}（{enterprise.name}）"
        used.add(problem)
        status = DEMAND_STATUSES[index % len(DEMAND_STATUSES)]
        if enterprise.name == "四创科技有限公司":
            status = Status.PUBLISHED
        owner = reps[enterprise.name]
        demand = upsert_posting(
            Challenge,
            title,
            owner=owner,
            poster=enterprise,
            fields=tags,
            status=status,
            organizer=organizer,
            office=people["office"],
            summary=f"{enterprise.name}面临“{problem}”难题，诚邀专家揭榜挂帅，提供解决方案并共同实施。",
            details="现有基础、数据条件与验收指标见附件；可提供试点场地。",
            confidential=index % 5 == 0,
            province=enterprise.province,
            city=enterprise.city,
            county=enterprise.county,
            problem_kind=kind,
            required_expertise=expertise,
            reward_min=(index % 5 + 1) * 100_000,
            reward_max=(index % 5 + 3) * 100_000,
            reward_negotiable=index % 4 == 0,
            slots=1 + index % 2,
            deadline=timezone.localdate() + timedelta(days=3 + index * 2),
        )
        if status in REVIEWED:
            for offset in range(3):
                mentor, user = experts[(index + offset) % len(experts)]
                if user == owner:
                    continue
                claim_status = CLAIM_STATUSES[(index + offset) % 3]
                if offset == 0 and status in TAKEN:
                    claim_status = Claim.Status.ACCEPTED
                upsert_claim(demand, user, claim_status, mentor=mentor)
        demands.append(demand)
    return demands
