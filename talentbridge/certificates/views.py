"""Certificate pages: an office's register, its templates and seal (for its managers only;
anyone else gets a 404, so a private office's certificates do not show they exist), and the
public verification page every certificate's QR code leads to."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..http import paginate, query_string, redirect_to
from ..models import Certificate, CertificateKind, Office
from ..parsing import parse_ids
from .forms import (
    SEAL_SIGNATURES,
    CertificateFilterForm,
    CertificateForm,
    CertificateTemplateForm,
    RevokeForm,
)
from .queries import certificate_for_code, office_certificates, office_templates, template_for
from .rendering import verification_url
from .rules import can_manage_certificates
from .services import (
    CertificateError,
    create_certificate,
    issue_certificate,
    preview_template,
    print_certificates,
    revoke_certificate,
    save_certificate_template,
)

# One batch prints at most this many certificates (a large summit's pairs fit).
MAX_BATCH = 500
_CODE = re.compile(r"[A-Za-z0-9_-]{16,32}")


def _office(request, pk: int) -> Office:
    office = get_object_or_404(Office, pk=pk)
    if not can_manage_certificates(request.user, office):
        raise Http404
    return office


def _kind(kind: str) -> str:
    if kind not in CertificateKind.values:
        raise Http404
    return kind


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response


def _filters(request) -> dict:
    form = CertificateFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    return {
        "kind": data.get("kind", ""),
        "status": data.get("status", ""),
        "text": data.get("q", ""),
    }


@login_required
def certificate_list(request, pk: int):
    office = _office(request, pk)
    rows = office_certificates(office, **_filters(request))
    context = {
        "office": office,
        "form": CertificateFilterForm(request.GET),
        "page": paginate(request, rows),
        "query_string": query_string(request),
        "filters": query_string(request, drop=("page", "ids")),
    }
    return render(request, "talentbridge/certificates/list.html", context)


@login_required
def certificate_create(request, pk: int):
    office = _office(request, pk)
    form = CertificateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            certificate = create_certificate(
                office,
                kind=data["kind"],
                holder_name=data["holder_name"],
                title=data["title"],
                term_start=data["term_start"],
                term_end=data["term_end"],
                number=data["number"],
                actor=request.user,
            )
            if data["issue_now"]:
                certificate = issue_certificate(certificate, actor=request.user)
        except CertificateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The certificate was saved."))
            return redirect("certificate_detail", pk=office.pk, certificate_pk=certificate.pk)
    return render(request, "talentbridge/certificates/form.html", {"office": office, "form": form})


@login_required
def certificate_detail(request, pk: int, certificate_pk: int):
    office = _office(request, pk)
    certificate = get_object_or_404(Certificate, pk=certificate_pk, office=office)
    context = {
        "office": office,
        "certificate": certificate,
        "revoke_form": RevokeForm(),
        "verification_url": verification_url(certificate),
    }
    return render(request, "talentbridge/certificates/detail.html", context)


@login_required
@require_POST
def certificate_issue(request, pk: int, certificate_pk: int):
    office = _office(request, pk)
    certificate = get_object_or_404(Certificate, pk=certificate_pk, office=office)
    try:
        issue_certificate(certificate, actor=request.user)
    except CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The certificate was issued."))
    return redirect_to(request, reverse("certificate_detail", args=[office.pk, certificate.pk]))


@login_required
@require_POST
def certificate_revoke(request, pk: int, certificate_pk: int):
    office = _office(request, pk)
    certificate = get_object_or_404(Certificate, pk=certificate_pk, office=office)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            revoke_certificate(certificate, reason=form.cleaned_data["reason"], actor=request.user)
        except CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The certificate was revoked."))
    else:
        messages.error(request, _("Say why the certificate is revoked."))
    return redirect_to(request, reverse("certificate_detail", args=[office.pk, certificate.pk]))


@login_required
def certificate_pdf(request, pk: int, certificate_pk: int):
    office = _office(request, pk)
    certificate = get_object_or_404(
        Certificate.objects.select_related("office"), pk=certificate_pk, office=office
    )
    content = print_certificates([certificate], actor=request.user)
    return _pdf(content, f"certificate-{certificate.number or certificate.pk}.pdf")


@login_required
def certificate_print(request, pk: int):
    """The chosen certificates (``ids``), or all those the list's filters show, in one PDF."""
    office = _office(request, pk)
    rows = office_certificates(office, **_filters(request)).order_by("number", "pk")
    ids = parse_ids(request.GET.getlist("ids"))
    if ids:
        rows = rows.filter(pk__in=ids)
    certificates = list(rows[: MAX_BATCH + 1])
    if not certificates or len(certificates) > MAX_BATCH:
        messages.error(
            request,
            _("Choose between 1 and %(max)d certificates to print.") % {"max": MAX_BATCH},
        )
        return redirect("certificate_list", pk=office.pk)
    content = print_certificates(certificates, actor=request.user)
    return _pdf(content, f"certificates-{office.pk}.pdf")


@login_required
def template_list(request, pk: int):
    office = _office(request, pk)
    context = {"office": office, "templates": office_templates(office)}
    return render(request, "talentbridge/certificates/templates.html", context)


@login_required
def template_edit(request, pk: int, kind: str):
    office = _office(request, pk)
    template = template_for(office, _kind(kind))
    form = CertificateTemplateForm.for_template(
        template, request.POST or None, request.FILES or None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            save_certificate_template(
                office,
                kind,
                language=data["language"],
                heading=data["heading"],
                body=data["body"],
                signature=data["signature"],
                seal=data["seal"],
                remove_seal=data["remove_seal"],
                actor=request.user,
            )
        except CertificateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The template was saved."))
            return redirect("certificate_templates", pk=office.pk)
    context = {"office": office, "template": template, "form": form}
    return render(request, "talentbridge/certificates/template_form.html", context)


@login_required
def template_seal(request, pk: int, kind: str):
    """The seal image, to its office's managers only."""
    office = _office(request, pk)
    template = template_for(office, _kind(kind))
    if not template.pk or not template.seal:
        raise Http404
    try:
        with template.seal.open("rb") as file:
            content = file.read()
    except OSError:
        raise Http404 from None
    kind_of_image = next(
        (name for magic, name in SEAL_SIGNATURES.items() if content.startswith(magic)), ""
    )
    if not kind_of_image:
        raise Http404
    response = HttpResponse(content, content_type=f"image/{kind_of_image.lower()}")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def template_sample(request, pk: int, kind: str):
    office = _office(request, pk)
    content = preview_template(template_for(office, _kind(kind)))
    return _pdf(content, f"sample-{kind}.pdf")


def certificate_verify(request, code: str):
    """Public: what a certificate's QR code leads to — whether it is valid, expired or revoked."""
    certificate = certificate_for_code(code) if _CODE.fullmatch(code) else None
    if certificate is None:
        return render(
            request, "talentbridge/certificates/verify_missing.html", {"code": code}, status=404
        )
    return render(request, "talentbridge/certificates/verify.html", {"certificate": certificate})
