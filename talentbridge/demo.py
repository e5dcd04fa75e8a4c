"""Demo accounts: one per role, with a shared password printed by ``seed_demo``."""

from .models import User

DEMO_PASSWORD = "demo-2026"  # noqa: S105 - published in the README for the local demo only

DEMO_ACCOUNTS = {
    "organizer": ("organizer@demo.talentbridge.cn", "林组织", {"is_organizer": True}),
    "mentor": ("mentor@demo.talentbridge.cn", "左明健", {"is_mentor": True}),
    "mentee": ("mentee@demo.talentbridge.cn", "陈晓青", {"is_mentee": True}),
    "enterprise": ("enterprise@demo.talentbridge.cn", "四创科技 王经理", {"is_enterprise": True}),
    "admin": (
        "admin@demo.talentbridge.cn",
        "平台管理员",
        {"is_admin": True, "is_staff": True, "is_superuser": True},
    ),
}


def seed() -> dict[str, User]:
    """Create (or reset) the demo accounts; return them by role."""
    accounts = {}
    for role, (email, name, flags) in DEMO_ACCOUNTS.items():
        user, _ = User.objects.update_or_create(email=email, defaults={"name": name, **flags})
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        accounts[role] = user
    return accounts
