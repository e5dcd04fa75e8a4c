"""Reads of claims: a user's claims, a posting's claims, the parties' contact details."""

from django.db.models import QuerySet

from projects.models import Claim


def accepted_count(posting) -> int:
    """How many of the posting's claims are accepted (its slots taken)."""
    return posting.claims.filter(status=Claim.Status.ACCEPTED).count()


def claims_of_user(user) -> QuerySet:
    """A user's claims, newest first, with their postings."""
    return (
        Claim.objects.filter(claimant=user)
        .select_related("project__owner", "challenge__owner")
        .order_by("-created_at", "-id")
    )


def claims_for_posting(posting) -> QuerySet:
    """A posting's claims with what a claim card shows."""
    return posting.claims.select_related(
        "claimant", "mentor", "mentee", "decided_by", "project__owner", "challenge__owner"
    ).prefetch_related("attachments")


def _contact(user, profile) -> dict:
    return {
        "name": getattr(profile, "name", "") or user.name,
        "email": getattr(profile, "email", "") or user.email,
        "phone": getattr(profile, "phone", "") or user.phone,
        "wechat": getattr(profile, "wechat", ""),
    }


def claim_contacts(claim: Claim) -> dict:
    """Both parties' contact details; show them only where ``can_see_claim_contacts`` allows."""
    posting = claim.posting
    poster = posting.poster_mentor or posting.poster_mentee
    return {
        "poster": _contact(posting.owner, poster),
        "claimant": _contact(claim.claimant, claim.mentor or claim.mentee),
    }
