"""What an export is — a list (or an event's whole workbook) of a scope, narrowed by a
directory's filters, in a format — and writing it into a file."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils import timezone

from ..models import Event, ExportLog
from ..reports import figures_sheet
from ..statistics.filters import scope_from_params, scope_params
from ..statistics.scope import Scope
from .datasets import DATASETS, Dataset
from .writers import write_csv, write_xlsx

# From this many rows an export runs as a background job instead of streaming at once.
ASYNC_THRESHOLD = 10_000
WORKBOOK = "workbook"


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a list (or the event's whole workbook) of a scope, in a format.

    ``params`` are the people directory's own filters (search, honour, hometown…), kept
    only for the lists that have a directory.
    """

    dataset: str
    format: str
    scope: Scope
    with_contacts: bool
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def datasets(self) -> list[Dataset]:
        return list(DATASETS.values()) if self.dataset == WORKBOOK else [DATASETS[self.dataset]]

    def row_count(self) -> int:
        return sum(dataset.count(self.scope, self.params) for dataset in self.datasets)

    def file_name(self) -> str:
        stem = self.dataset
        if self.scope.event:
            stem = f"event{self.scope.event.pk}-{stem}"
        return f"{stem}-{timezone.localdate():%Y%m%d}.{self.format}"

    def filters(self) -> dict[str, str]:
        """Every filter of the export as GET parameters, as the export log stores them."""
        return {**scope_params(self.scope), **self.params}


def directory_params(dataset: str, data: Mapping) -> dict[str, str]:
    """The directory filters among ``data`` that the list ``dataset`` accepts."""
    people_filter = DATASETS[dataset].people_filter if dataset in DATASETS else None
    return people_filter.params(data) if people_filter else {}


def request_for_log(log: ExportLog) -> ExportRequest:
    """The export an export log entry describes, to write it again in the background."""
    event = Event.objects.filter(pk=log.event_id).first() if log.event_id else None
    return ExportRequest(
        dataset=log.dataset,
        format=log.format,
        scope=scope_from_params(log.filters, event),
        with_contacts=log.with_contacts,
        params=directory_params(log.dataset, log.filters),
    )


def sheets(request: ExportRequest):
    """The ``(title, headers, rows)`` of every sheet of the export, in the active language;
    the event's workbook opens with its figures."""
    result = []
    if request.dataset == WORKBOOK:
        result.append(figures_sheet(request.scope))
    for dataset in request.datasets:
        result.append(
            (
                str(dataset.label),
                dataset.headers(request.with_contacts),
                dataset.rows(request.scope, request.with_contacts, request.params),
            )
        )
    return result


def write_export(request: ExportRequest, target, progress=None) -> None:
    """Write the export into the binary file ``target``."""
    if request.format == ExportLog.Format.CSV:
        _title, headers, rows = sheets(request)[0]
        write_csv(target, headers, rows, progress)
    else:
        write_xlsx(target, sheets(request), progress)
