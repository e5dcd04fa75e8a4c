"""The denormalised search text of profiles, and how a query is matched against it.

Every profile keeps ``search_text``: its searchable fields in both languages, lower-cased.
A query matches when each of its words occurs in it as a substring, which works for Chinese
(no word boundaries: 海洋 finds 海洋经济) and English alike. On PostgreSQL a pg_trgm GIN index
serves the ``LIKE '%…%'`` lookups (migration 0003).
"""

from collections.abc import Iterable
from functools import cache

from django.db.models import Q
from django.utils import translation

# Words beyond this many are ignored: each one adds a LIKE condition to the query.
MAX_QUERY_WORDS = 6
MAX_WORD_LENGTH = 60


def _join(parts: Iterable[str]) -> str:
    return " ".join(part.strip() for part in parts if part and part.strip()).lower()


def _bilingual(items) -> list[str]:
    return [text for item in items for text in (item.name_zh, item.name_en, item.slug)]


@cache
def _choice_labels(choices: type, value: str) -> str:
    """A choice's label in Chinese and English, so that either language finds it."""
    label = choices(value).label
    with translation.override("zh-hans"):
        chinese = str(label)
    with translation.override("en"):
        english = str(label)
    return f"{chinese} {english}"


def mentor_search_text(mentor, *, fields, honours, affiliation) -> str:
    """The searchable text of an expert profile, given its tags and affiliation."""
    return _join(
        [
            mentor.name,
            mentor.title,
            affiliation.name if affiliation else "",
            mentor.research_fields,
            *_bilingual(fields),
            *_bilingual(honours),
            mentor.province,
            mentor.city,
            mentor.county,
            mentor.current_city,
            mentor.country,
            mentor.languages,
            mentor.bio,
            mentor.achievements,
        ]
    )


def mentee_search_text(mentee, *, fields, organization) -> str:
    """The searchable text of a mentee profile."""
    return _join(
        [
            mentee.name,
            _choice_labels(type(mentee).Kind, mentee.kind) if mentee.kind else "",
            organization.name if organization else "",
            *_bilingual(fields),
            mentee.province,
            mentee.city,
            mentee.county,
            mentee.needs,
            mentee.bio,
        ]
    )


def organization_search_text(organization, *, fields) -> str:
    """The searchable text of an organisation profile."""
    return _join(
        [
            organization.name,
            _choice_labels(type(organization).Kind, organization.kind) if organization.kind else "",
            *_bilingual(fields),
            organization.province,
            organization.city,
            organization.county,
            organization.country,
            organization.description,
        ]
    )


def query_words(query: str) -> list[str]:
    """Split a search box entry into the lower-cased words that must all match."""
    words = [word[:MAX_WORD_LENGTH] for word in query.lower().split()]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def search_filter(query: str) -> Q:
    """A filter that keeps rows whose ``search_text`` contains every word of ``query``."""
    condition = Q()
    for word in query_words(query):
        # search_text is stored lower-case, so a case-sensitive LIKE is exact and lets
        # PostgreSQL use the trigram index (icontains would wrap the column in UPPER()).
        condition &= Q(search_text__contains=word)
    return condition
