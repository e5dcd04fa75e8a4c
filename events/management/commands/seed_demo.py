"""Load the demo: the Fuzhou 青蓝接力 summit of the seed reports at its real size, and
Qingdao's technology commissioners with their year of service records.

Idempotent: every part is keyed on natural keys, so running it again changes nothing more.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from events import demo as events_demo
from events.demo import contests as contests_demo
from events.demo import meetings as meetings_demo
from events.demo import outcomes as outcomes_demo
from events.demo import talent_map as talent_map_demo
from mentors import demo as people_demo
from mentors.demo import hometown as hometown_demo
from mentors.demo_profiles import enrich_profiles
from projects import demo as boards_demo
from projects.commissioners import demo as commissioners_demo
from projects.firms import demo as firms_demo
from talentbridge import demo as accounts_demo

QUIET_MAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = "Load the demo summit and print the demo accounts."

    def handle(self, *args, **options):
        # The demo's people receive no e-mail: the notifications stay in the portal only.
        with override_settings(EMAIL_BACKEND=QUIET_MAIL), transaction.atomic():
            accounts = accounts_demo.seed()
            people = people_demo.seed(accounts)
            enrich_profiles()
            boards = boards_demo.seed(accounts, people)
            summit = events_demo.seed(accounts, people, boards)
            accounts |= meetings_demo.seed(accounts, summit)
            commissioners = commissioners_demo.seed(accounts, people)
            hometown = hometown_demo.seed(people)
            firms_demo.seed(hometown)
            programme = outcomes_demo.seed(accounts, summit)
            boards_demo.seed_suggestions()
            contests_demo.seed()
            talent_map_demo.seed()
        accounts |= commissioners["accounts"] | events_demo.cast_accounts() | hometown
        accounts |= programme | contests_demo.demo_accounts()
        loaded = f"Demo summit loaded: {summit} (/events/{summit.pk}/)"
        self.stdout.write(self.style.SUCCESS(loaded))
        self.stdout.write("Demo accounts:")
        for role, user in accounts.items():
            self.stdout.write(f"  {role:<15} {user.email:<38} {accounts_demo.DEMO_PASSWORD}")
