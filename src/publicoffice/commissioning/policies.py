"""Who may do what in commissioning: the one place these questions are answered.

* Municipal officers act only in their own municipality (a platform admin
  everywhere): calls, the applications to them, reviewers, decisions,
  commissions, the reports due.
* Reviewers (municipal reviewers or officers, assigned one application at a
  time) see only the applications assigned to them, and score none they
  declared a conflict with.
* Operator admins see only their own operator's applications and commissions:
  the lead's, or a co-applicant's or partner's.
* Everyone sees what is published: open and decided calls, decisions and
  their reasons, commissions, accepted reports' public parts.
"""

from __future__ import annotations

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.roles import (
    administered_operator_ids,
    is_platform_admin,
    officer_municipality_ids,
    reviewer_municipality_ids,
)
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    Commission,
    Report,
    ReportStatus,
    Reviewer,
)

EDITABLE_APPLICATION = (ApplicationStatus.DRAFT,)
PUBLIC_CALL = (CallStatus.OPEN, CallStatus.REVIEW, CallStatus.DECIDED)


def is_officer(user: AnyUser, municipality_id: int) -> bool:
    return is_platform_admin(user) or municipality_id in officer_municipality_ids(user)


def is_some_officer(user: AnyUser) -> bool:
    return is_platform_admin(user) or bool(officer_municipality_ids(user))


def officer_municipalities(user: AnyUser) -> set[int] | None:
    """The municipalities the user is officer of; None means all (a platform admin)."""
    return None if is_platform_admin(user) else officer_municipality_ids(user)


def operator_ids(user: AnyUser) -> set[int]:
    return administered_operator_ids(user)


# -- calls --------------------------------------------------------------------------


def can_manage_call(user: AnyUser, call: Call) -> bool:
    return is_officer(user, call.municipality_id)


def can_see_call(user: AnyUser, call: Call) -> bool:
    return call.status in PUBLIC_CALL or can_manage_call(user, call)


def can_follow_call(user: AnyUser, call: Call) -> bool:
    """Anyone logged in who sees the call may follow it (and hear of changes by e-mail)."""
    return bool(getattr(user, "is_authenticated", False)) and can_see_call(user, call)


def can_apply(user: AnyUser) -> bool:
    """Operator admins apply, for an operator they run."""
    return bool(operator_ids(user))


# -- applications -------------------------------------------------------------------


def applicant_operator_ids(application: Application) -> set[int]:
    """The lead and every co-applicant, confirmed or not (the latter to confirm)."""
    ids = {application.lead_id}
    ids.update(c.operator_id for c in application.co_applicants.all())
    return ids


def is_applicant(user: AnyUser, application: Application) -> bool:
    return bool(operator_ids(user) & applicant_operator_ids(application))


def is_lead(user: AnyUser, application: Application) -> bool:
    return application.lead_id in operator_ids(user)


def can_see_application(user: AnyUser, application: Application) -> bool:
    return (
        is_applicant(user, application)
        or is_officer(user, application.call.municipality_id)
        or reviewer_of(user, application) is not None
    )


def can_edit_application(user: AnyUser, application: Application) -> bool:
    return is_lead(user, application) and application.status in EDITABLE_APPLICATION


def can_answer_info_request(user: AnyUser, application: Application) -> bool:
    return is_lead(user, application) and application.status == ApplicationStatus.INFO_REQUESTED


def can_manage_application(user: AnyUser, application: Application) -> bool:
    """Assign reviewers, ask for more, decide: the call's officers."""
    return is_officer(user, application.call.municipality_id)


def reviewer_of(user: AnyUser, application: Application) -> Reviewer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    for reviewer in application.reviewers.all():
        if reviewer.user_id == user.pk:
            return reviewer
    return None


def may_be_reviewer(user: AnyUser, municipality_id: int) -> bool:
    """Municipal staff of the call's municipality: reviewers and officers."""
    return municipality_id in reviewer_municipality_ids(user)


def can_score(user: AnyUser, reviewer: Reviewer) -> bool:
    return getattr(user, "pk", None) == reviewer.user_id and reviewer.may_score


def can_see_shared_reviews(user: AnyUser, application: Application) -> bool:
    """Officers, and reviewers without a conflict, see the comments shared on an application."""
    reviewer = reviewer_of(user, application)
    return can_manage_application(user, application) or bool(reviewer and reviewer.may_score)


def reviews_somewhere(user: AnyUser) -> bool:
    """Municipal staff who may be assigned reviews (their own list of them)."""
    return is_platform_admin(user) or bool(reviewer_municipality_ids(user))


# -- commissions and reports ---------------------------------------------------------


def commission_operator_ids(commission: Commission) -> set[int]:
    ids = {commission.lead_id}
    ids.update(p.pk for p in commission.partners.all())
    return ids


def is_commission_operator(user: AnyUser, commission: Commission) -> bool:
    return bool(operator_ids(user) & commission_operator_ids(commission))


def can_manage_commission(user: AnyUser, commission: Commission) -> bool:
    return is_officer(user, commission.municipality_id)


def can_see_commission_inside(user: AnyUser, commission: Commission) -> bool:
    """The private parts: the operators' and the municipality's."""
    return can_manage_commission(user, commission) or is_commission_operator(user, commission)


def may_list_commissions(user: AnyUser) -> bool:
    """Commission pages are for officers and operator admins; other roles are refused."""
    return is_some_officer(user) or bool(operator_ids(user))


def can_write_report(user: AnyUser, report: Report) -> bool:
    return is_commission_operator(user, report.commission) and report.status in (
        ReportStatus.DUE,
        ReportStatus.CHANGES_REQUESTED,
    )


def can_assess_report(user: AnyUser, report: Report) -> bool:
    return (
        can_manage_commission(user, report.commission) and report.status == ReportStatus.SUBMITTED
    )


def report_is_public(report: Report) -> bool:
    return report.status == ReportStatus.ACCEPTED
