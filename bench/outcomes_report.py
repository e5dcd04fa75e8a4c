"""The outcomes report on the demo programme (six years, 3,063 projects, 187 landings, 255
studios, 9,266 talents), on the SQLite file of the seeded demo.

Prints the time to load the programme's demo rows (on a throwaway in-memory database) and
the median time and query count of the report's figures and of its .docx.
Run: .venv/bin/python bench/outcomes_report.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbridge.settings")
os.environ["DATABASE_URL"] = "sqlite:///:memory:"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from events.demo import outcomes as outcomes_demo  # noqa: E402
from events.statistics.outcomes import OutcomeScope, outcome_figures  # noqa: E402
from events.statistics.outcomes_report import bilingual, report_docx  # noqa: E402
from talentbridge import demo as accounts_demo  # noqa: E402
from talentbridge.models import Office  # noqa: E402
from tests.factories import EventFactory, OfficeFactory  # noqa: E402

RUNS = 7


def main() -> None:
    call_command("migrate", verbosity=0)
    accounts = accounts_demo.seed()
    summit = EventFactory(office=OfficeFactory(name="福建省引进人才服务中心"))
    started = time.perf_counter()
    outcomes_demo.seed(accounts, summit)
    print(f"demo programme loaded in {time.perf_counter() - started:.1f} s")
    office = Office.objects.get(name=outcomes_demo.OFFICE)
    scope = OutcomeScope(offices=frozenset({office.pk}), since=2021, until=2026)
    times, docx_times = [], []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            figures = outcome_figures(scope)
            times.append(time.perf_counter() - started)
        who = {"zh-hans": office.name, "en": office.name}
        started = time.perf_counter()
        with translation.override("zh-hans"):
            paragraphs = bilingual(figures["totals"], who=who, since=2021, until=2026)
            report_docx("成效报告", paragraphs, figures["totals"], figures["years"])
        docx_times.append(time.perf_counter() - started)
    print(f"figures: median {statistics.median(times) * 1000:.0f} ms, {len(queries)} queries")
    print(f"paragraphs + .docx: median {statistics.median(docx_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
