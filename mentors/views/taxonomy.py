"""The controlled lists organizers edit: fields / industry chains (领域/产业链) and honours."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import rules
from ..forms import HonourForm, IndustryChainForm
from ..models import Honour, IndustryChain
from ..queries import taxonomy_entries
from ..services import (
    TaxonomyInUse,
    add_taxonomy_entry,
    delete_taxonomy_entry,
    edit_taxonomy_entry,
)
from . import object_or_404

# URL kind → the list's model and form.
LISTS = {"fields": (IndustryChain, IndustryChainForm), "honours": (Honour, HonourForm)}


def _list_or_404(request, kind: str):
    if not rules.can_edit_taxonomy(request.user) or kind not in LISTS:
        raise Http404
    return LISTS[kind]


def _entry(model, pk: int):
    return object_or_404(taxonomy_entries(model), pk)


def _page(request, *, status=200, **bound):
    """The whole page; ``bound`` replaces the empty add form or the row being edited."""
    lists = []
    for kind, (model, form_class) in LISTS.items():
        lists.append(
            {
                "kind": kind,
                "title": model._meta.verbose_name_plural,
                "entries": taxonomy_entries(model),
                "has_level": model is Honour,
                "add_form": bound.get(f"{kind}_add") or form_class(prefix=kind),
                "editing": bound.get(f"{kind}_edit"),
            }
        )
    return render(request, "mentors/taxonomy.html", {"lists": lists}, status=status)


@login_required
def taxonomy(request):
    """Both controlled lists, with an add form under each and inline editing of rows."""
    if not rules.can_edit_taxonomy(request.user):
        raise Http404
    return _page(request)


@login_required
@require_POST
def taxonomy_add(request, kind: str):
    model, form_class = _list_or_404(request, kind)
    form = form_class(request.POST, prefix=kind)
    if not form.is_valid():
        if request.htmx:
            return render(request, "mentors/_taxonomy_add_form.html", {"kind": kind, "form": form})
        return _page(request, status=400, **{f"{kind}_add": form})
    entry = add_taxonomy_entry(form.instance, actor=request.user)
    if not request.htmx:
        messages.success(request, _("“%(name)s” has been added.") % {"name": entry.name})
        return redirect("mentors:taxonomy")
    context = {
        "kind": kind,
        "entry": _entry(model, entry.pk),
        "has_level": model is Honour,
        "form": form_class(prefix=kind),
    }
    return render(request, "mentors/_taxonomy_added.html", context)


@login_required
def taxonomy_edit(request, kind: str, pk: int):
    """Inline edit of one row: GET gives the row's form, POST saves it or shows the errors."""
    model, form_class = _list_or_404(request, kind)
    entry = _entry(model, pk)
    form = form_class(request.POST or None, instance=entry, prefix=f"{kind}-{pk}")
    if request.method == "POST" and form.is_valid():
        edit_taxonomy_entry(form.instance, actor=request.user)
        if not request.htmx:
            messages.success(request, _("The changes have been saved."))
            return redirect("mentors:taxonomy")
        context = {"kind": kind, "entry": _entry(model, pk), "has_level": model is Honour}
        return render(request, "mentors/_taxonomy_row.html", context)
    if request.htmx:
        context = {"kind": kind, "entry": entry, "form": form, "has_level": model is Honour}
        return render(request, "mentors/_taxonomy_edit_row.html", context)
    status = 400 if request.method == "POST" else 200
    return _page(request, status=status, **{f"{kind}_edit": form})


@login_required
@require_POST
def taxonomy_delete(request, kind: str, pk: int):
    """Delete an entry nothing is tagged with; an entry in use stays, with the reason."""
    model, _form_class = _list_or_404(request, kind)
    entry = _entry(model, pk)
    try:
        delete_taxonomy_entry(entry, actor=request.user)
    except TaxonomyInUse as exc:
        if not request.htmx:
            messages.error(request, exc.message)
            return redirect("mentors:taxonomy")
        context = {
            "kind": kind,
            "entry": entry,
            "has_level": model is Honour,
            "error": exc.message,
        }
        return render(request, "mentors/_taxonomy_row.html", context)
    if not request.htmx:
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": entry.name})
        return redirect("mentors:taxonomy")
    return HttpResponse("")
