"""Background tasks of the meeting place (django-tasks, run by ``publicoffice db_worker``).

Arguments are plain ids: the task loads the row when it runs, so a request
withdrawn or declined (or an admin removed) in the meantime sends nothing.
"""

from __future__ import annotations

from django_tasks import task

from publicoffice.community import notifications


@task()
def send_contact_request_notice(*, request_id: int) -> str:
    """E-mail the recipient profile's admins that a contact request waits for them."""
    return notifications.send_new_request(request_id=request_id)


@task()
def send_contact_accepted_notice(*, request_id: int) -> str:
    """E-mail the sender that their contact request was accepted."""
    return notifications.send_accepted(request_id=request_id)


@task()
def send_profile_admin_notice(*, admin_id: int) -> str:
    """E-mail a member that they were added as an admin of a profile."""
    return notifications.send_admin_added(admin_id=admin_id)
