"""The demo's hidden content: a proposal hidden automatically, a profile hidden by a host.

* Kalle Snabb proposes selling phones in Ronna's entrance. Three members
  report it as selling in the meeting place; at the third distinct report
  it is hidden automatically and waits in Ronna's moderation queue.
* "Snabblån Direkt" is a profile offering quick loans. Karim reports it;
  a Fittja host hides it as misuse of the meeting place; its owner has
  appealed, and the appeal waits for another staff member.

Everything goes through the moderation services, so the audit trail, the
statement of reasons and the queue are as in real life. The two authors
live on the conduct story's own address domain, out of the other stories'
way; their items are made anew on every load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from publicoffice.accounts.models import User
from publicoffice.community.models import Profile, ProfileAdmin
from publicoffice.community.services.profiles import profile_create
from publicoffice.conduct import moderation
from publicoffice.conduct.models import (
    AuditEntry,
    ContentAppeal,
    ContentCase,
    RuleScope,
    RuleVersion,
)
from publicoffice.conduct.rules import accept
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.dialogue.models import Proposal, ProposalStatistic
from publicoffice.dialogue.services.proposals import proposal_create
from publicoffice.places.models import Office

AUTHORS = {
    "kalle.snabb": ("Kalle Snabb", "sv"),
    "snabblan": ("Snabblån Direkt", "sv"),
}
REPORTERS = ("amina", "johan", "nour")
SELLING = "Sälj billiga mobiltelefoner i entrén varje dag"


@dataclass(frozen=True)
class HiddenContent:
    proposal: Proposal | None
    profile: Profile | None


def _author(local: str) -> User:
    name, language = AUTHORS[local]
    user, _ = User.objects.get_or_create(
        email=f"{local}@conduct.{DEMO_DOMAIN}",
        defaults={"password": "!", "display_name": name, "preferred_language": language},
    )
    return user


def _forget(case: ContentCase) -> None:
    """A case of the last load, with its audit entries (they name it, or its appeal)."""
    targets = [str(case.public_id)]
    targets += [
        str(pk)
        for pk in ContentAppeal.objects.filter(case=case).values_list("public_id", flat=True)
    ]
    AuditEntry.objects.filter(target__in=targets).delete()
    case.delete()


def _clear(authors: list[User], *, proposals: bool, profiles: bool) -> None:
    """Forget cases about items the other stories made anew, and what this story makes anew."""
    for case in ContentCase.objects.all():
        if moderation.item_of_case(case) is None:
            _forget(case)
    if proposals:
        made = Proposal.objects.filter(author__in=authors)
        ProposalStatistic.objects.filter(
            proposal_public_id__in=list(made.values_list("public_id", flat=True))
        ).delete()
        for case in ContentCase.objects.filter(kind="proposal", author__in=authors):
            _forget(case)
        made.delete()
    if profiles:
        owned = ProfileAdmin.objects.filter(user__in=authors).values("profile_id")
        for case in ContentCase.objects.filter(kind="profile", author__in=authors):
            _forget(case)
        Profile.objects.filter(pk__in=owned).delete()


def _selling_proposal(office: Office, author: User, now: datetime) -> Proposal:
    return proposal_create(
        author=author,
        kind="activity",
        title=SELLING,
        body="Jag säljer telefoner billigt. Kom till entrén varje dag kl. 10, kontant betalning.",
        language="sv",
        office=office,
        now=now - timedelta(days=3),
    )


def _report_selling(proposal: Proposal, now: datetime) -> None:
    reporters = User.objects.filter(email__in=[f"{local}@{DEMO_DOMAIN}" for local in REPORTERS])
    for day, reporter in enumerate(reporters):
        moderation.report(
            reporter=reporter,
            kind_name="proposal",
            key=str(proposal.public_id),
            reason="Försäljning hör inte hemma i mötesplatsen.",
            now=now - timedelta(days=2 - day),
        )


def _loan_profile(office: Office, owner: User, host: User, now: datetime) -> Profile:
    profile = profile_create(
        owner=owner,
        kind="business",
        name="Snabblån Direkt",
        visibility="public",
        presentation="Lån utan krav på en timme! Ring oss, vi hjälper alla.",
        presentation_language="sv",
        home_offices=[office.slug],
    )
    karim = User.objects.get(email=f"karim@{DEMO_DOMAIN}")
    case = moderation.report(
        reporter=karim,
        kind_name="profile",
        key=str(profile.public_id),
        reason="Erbjuder lån med hög ränta till grannar.",
        now=now - timedelta(days=2),
    )
    moderation.hide(
        staff=host,
        case=case,
        reason="Lån mot ränta är försäljning, inte ett utbyte mellan grannar.",
        now=now - timedelta(days=1),
    )
    if not ContentAppeal.objects.filter(case=case).exists():
        moderation.appeal_make(
            member=owner,
            case=case,
            text="Vi hjälper människor som inte får lån på banken. Det är en tjänst.",
            now=now - timedelta(hours=20),
        )
    return profile


def load_hidden_content(
    offices: dict[str, Office], *, now: datetime, proposals: bool, profiles: bool
) -> HiddenContent:
    """Hide one proposal (automatically) and one profile (by a host, appealed)."""
    authors = [_author(local) for local in AUTHORS]
    network = RuleVersion.objects.filter(scope=RuleScope.NETWORK, effective_from__lte=now)
    for author in authors:
        for version in network:  # like every demo member: each version when it came
            accept(author, version, version.effective_from)
    _clear(authors, proposals=proposals, profiles=profiles)
    proposal = profile = None
    if proposals and "ronna" in offices:
        proposal = _selling_proposal(offices["ronna"], authors[0], now)
        _report_selling(proposal, now)
    host = User.objects.filter(email=f"host.fittja@{DEMO_DOMAIN}").first()
    if profiles and "fittja" in offices and host is not None:
        profile = _loan_profile(offices["fittja"], authors[1], host, now)
    return HiddenContent(proposal, profile)
