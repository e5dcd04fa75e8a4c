"""The two boards with their filters, and the on-site board (现场张榜)."""

from django.shortcuts import redirect, render

from projects import rules
from projects.forms.boards import BoardFilterForm
from projects.models import Challenge, Project, Status
from projects.queries.postings import board_model, board_rows, filter_board, published_postings
from talentbridge.http import paginate, query_string
from talentbridge.parsing import parse_id, parse_int


def board_context(request, queryset, *, kind: str) -> dict:
    """Filter, sort and paginate ``queryset`` by the request's GET parameters.

    Reusable by any page that shows a board over its own base queryset; render it with the
    ``projects/_board_filters.html`` and ``projects/_board_results.html`` partials.
    """
    form = BoardFilterForm(request.GET, kind=kind)
    rows = board_rows(filter_board(queryset, form, kind=kind))
    return {
        "kind": kind,
        "filter_form": form,
        "page": paginate(request, rows),
        "query_string": query_string(request),
    }


def board(request, kind: str):
    context = board_context(request, published_postings(kind), kind=kind)
    context["can_post"] = rules.can_create_posting(request.user, kind)
    if request.htmx and request.htmx.target == "board-results":
        return render(request, "projects/_board_results.html", context)
    return render(request, "projects/board.html", context)


def board_index(request):
    return redirect("projects:board", kind=Challenge.kind)


ONSITE_PREFIXES = {"c": Challenge.kind, "p": Project.kind}


def onsite_choice(text: str) -> list[tuple[str, int]]:
    """The postings named by ``?ids=c12,p5``, in order; tokens that do not parse are left out."""
    wanted = []
    for token in text.split(","):
        token = token.strip()
        kind, pk = ONSITE_PREFIXES.get(token[:1]), parse_id(token[1:])
        if kind is not None and pk is not None and (kind, pk) not in wanted:
            wanted.append((kind, pk))
    return wanted


def _onsite_items(wanted: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The postings an on-site board cycles through: the chosen ones or all published ones."""
    items = []
    for kind in (Challenge.kind, Project.kind):
        queryset = published_postings(kind).exclude(status=Status.CLOSED)
        if wanted:
            queryset = queryset.filter(pk__in=[pk for item_kind, pk in wanted if item_kind == kind])
        items += [
            (kind, pk)
            for pk in queryset.order_by("-published_at", "-id").values_list("pk", flat=True)
        ]
    if wanted:
        # Chosen postings keep the caller's order (an event's running order on site).
        position = {item: index for index, item in enumerate(wanted)}
        items.sort(key=position.__getitem__)
    return items


def onsite_board(request):
    """The on-site board (现场张榜): one big card at a time, the next one swapped in by htmx."""
    wanted = onsite_choice(request.GET.get("ids", ""))
    items = _onsite_items(wanted)
    index = (parse_int(request.GET.get("i"), minimum=0) or 0) % len(items) if items else 0
    ids = ",".join(f"{'c' if kind == Challenge.kind else 'p'}{pk}" for kind, pk in wanted)
    context = {"count": len(items), "index": index, "ids": ids}
    if items:
        kind, pk = items[index]
        context["posting"] = board_rows(board_model(kind).objects.filter(pk=pk))[0]
        context["next_index"] = (index + 1) % len(items)
    if request.htmx:
        return render(request, "projects/_onsite_card.html", context)
    return render(request, "projects/onsite.html", context)
