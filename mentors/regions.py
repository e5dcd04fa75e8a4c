"""Linking the places people write on profiles (province, city, county…) to the region tree.

A profile keeps the text as written and points to the division it names (``region``), so
that filters find a county's people by the county, its city or its province in one query.
"""

from collections.abc import Iterable, Sequence

from django.db import models

from talentbridge.models import Region as Division
from talentbridge.regions import within_region
from talentbridge.regions.gazetteer import gazetteer
from talentbridge.regions.resolve import match_region

PLACE_FIELDS = ("province", "city", "county")
BULK_BATCH = 500


def _attempts(parts: Sequence[str]) -> Iterable[list[str]]:
    """Ways to read ``parts``, most specific first: all of them; without a level between the
    first and the last (municipalities write 北京市 as province and city); then without the
    last part. The first part (the province) is kept, so it wins over a contradicting city."""
    while parts:
        *parents, last = parts
        yield list(parts)
        for skip in range(1, len(parents)):
            yield [*parents[:skip], *parents[skip + 1 :], last]
        parts = parents


def place_code(*parts: str) -> str:
    """The official code of the most specific division ``parts`` name unambiguously ("" if
    none): ("山东省", "济宁市", "金乡县") → 370828; ("北京市", "北京市", "海淀区") → 110108."""
    parts = [part.strip() for part in parts if part and part.strip()]
    places = gazetteer()
    for attempt in _attempts(parts):
        codes = places.match(" ".join(attempt))
        if len(codes) == 1:
            return codes[0]
    return ""


def place_parts(obj: models.Model) -> list[str]:
    """The written place of a profile, posting or landing, from the province down."""
    names = [*PLACE_FIELDS, "town", "village"]
    return [getattr(obj, name, "") or "" for name in names]


def link_region(obj: models.Model) -> None:
    """Point ``obj.region`` (and an expert's ``current_region``) at what its text names."""
    code = place_code(*place_parts(obj))
    obj.region_id = _division_id(code)
    if hasattr(obj, "current_region_id"):
        obj.current_region_id = _division_id(place_code(getattr(obj, "current_city", "")))


def _division_id(code: str) -> int | None:
    if not code:
        return None
    return Division.objects.filter(code=code).values_list("pk", flat=True).first()


def link_regions(model: type[models.Model], ids: Iterable[int]) -> int:
    """Link the rows ``ids`` of ``model`` (written by bulk queries); returns how many changed."""
    changed = []
    rows = model.objects.filter(pk__in=list(ids))
    for row in rows:
        before = (row.region_id, getattr(row, "current_region_id", None))
        link_region(row)
        if (row.region_id, getattr(row, "current_region_id", None)) != before:
            changed.append(row)
    fields = ["region"] + (["current_region"] if hasattr(model, "current_region_id") else [])
    model.objects.bulk_update(changed, fields, batch_size=BULK_BATCH)
    return len(changed)


def in_place(
    place: str, field: str = "region", text_fields: Sequence[str] = ("county", "city", "province")
) -> models.Q:
    """Rows in the place ``place`` names, at any level and in part: 金乡 → 金乡县's rows,
    济宁 → every county of 济宁市, 山东 → all of Shandong. Rows whose text names no division
    are matched by their text; an ambiguous name (城关镇) matches by text only."""
    place = place.strip()
    text = models.Q()
    for name in text_fields:
        text |= models.Q(**{f"{name}__contains": place})
    division = match_region(place).region
    if division is None:
        return text
    return within_region(field, division) | (models.Q(**{f"{field}__isnull": True}) & text)


def link_on_save(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    """``pre_save`` receiver: keep ``region`` in step with the written place."""
    if not raw and update_fields is None:
        link_region(instance)


def link_imported(sender, kind: str, ids, **kwargs) -> None:
    """``people_imported`` receiver: imports write in bulk, which sends no ``pre_save``."""
    from .models import Mentee, Mentor, Organization

    models_by_kind = {"mentors": Mentor, "mentees": Mentee, "organizations": Organization}
    if kind in models_by_kind:
        link_regions(models_by_kind[kind], ids)


def link_written_places(model, divisions: dict[str, int], extra=(), parts=PLACE_FIELDS) -> None:
    """Link every row of ``model`` (a migration's historical model too) to the division its
    text names, given ``{code: division id}``; print the places that name no one division."""
    changed, unresolved = [], {}
    for row in model.objects.all().iterator(chunk_size=BULK_BATCH):
        written = [getattr(row, name) for name in parts]
        row.region_id = divisions.get(place_code(*written))
        if any(written) and row.region_id is None:
            label = " ".join(part for part in written if part)
            unresolved[label] = unresolved.get(label, 0) + 1
        for name in extra:
            row.current_region_id = divisions.get(place_code(getattr(row, name)))
        changed.append(row)
    fields = ["region"] + (["current_region"] if extra else [])
    model.objects.bulk_update(changed, fields, batch_size=BULK_BATCH)
    if unresolved:
        print(f"\n  {model.__name__}: {sum(unresolved.values())} places name no one division:")
        for label, count in sorted(unresolved.items(), key=lambda item: -item[1])[:20]:
            print(f"    {label} ×{count}")
