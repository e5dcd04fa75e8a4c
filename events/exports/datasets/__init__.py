"""The exportable lists, by key: for each, the rows of a scope (the same querysets the
figures count) and its columns."""

from ..columns import Dataset
from .attendance import CHECKINS, REGISTRATIONS
from .boards import CLAIMS, LANDINGS, PAIRINGS, POSTINGS, SUGGESTIONS
from .people import MENTEES, MENTORS, ORGANIZATIONS

DATASETS: dict[str, Dataset] = {
    dataset.key: dataset
    for dataset in (
        MENTORS,
        MENTEES,
        ORGANIZATIONS,
        POSTINGS,
        CLAIMS,
        PAIRINGS,
        REGISTRATIONS,
        CHECKINS,
        LANDINGS,
        SUGGESTIONS,
    )
}
