"""The open-data settings, with defaults a deployment overrides in ``settings``.

The catalogue names the deployment's organisation as the publisher of every
dataset (DCAT-AP-SE makes the publisher mandatory), so a deployment sets:

* ``REPORTS_PUBLISHER_NAME`` ("Public Office"): the organisation's name.
* ``REPORTS_PUBLISHER_URL`` (""): its home page; it is also the publisher's
  identifier in the catalogue (dataportal.se merges publishers by it), so
  use ``http://dataportal.se/organisation/SE<orgnr>`` when the organisation
  has an organisation number. Empty: an address under this site.
* ``REPORTS_PUBLISHER_TYPE`` ("LocalAuthority"): a term of the ADMS
  publisher-type vocabulary (``NationalAuthority``, ``LocalAuthority``,
  ``NonProfitOrganisation``, ``Company``...).
* ``REPORTS_CONTACT_EMAIL`` (""): where questions about the data go, the
  contact point of each dataset. Empty: ``DEFAULT_FROM_EMAIL``.
* ``REPORTS_OPEN_DATA_ISSUED`` ("2026-12-01"): the day the catalogue was
  first published (``dct:issued``), ISO 8601.
"""

from __future__ import annotations

from datetime import date
from email.utils import parseaddr

from django.conf import settings

DEFAULTS: dict[str, str] = {
    "REPORTS_PUBLISHER_NAME": "Public Office",
    "REPORTS_PUBLISHER_URL": "",
    "REPORTS_PUBLISHER_TYPE": "LocalAuthority",
    "REPORTS_CONTACT_EMAIL": "",
    "REPORTS_OPEN_DATA_ISSUED": "2026-12-01",
}

PUBLISHER_TYPES = "http://purl.org/adms/publishertype/"


def setting(name: str) -> str:
    return str(getattr(settings, name, DEFAULTS[name]) or DEFAULTS[name])


def publisher_name() -> str:
    return setting("REPORTS_PUBLISHER_NAME")


def publisher_url() -> str:
    """The publisher's address, or "" to let the catalogue mint one under this site."""
    return setting("REPORTS_PUBLISHER_URL")


def publisher_type() -> str:
    return PUBLISHER_TYPES + setting("REPORTS_PUBLISHER_TYPE")


def contact_email() -> str:
    """The bare address (``DEFAULT_FROM_EMAIL`` may be written "Name <address>")."""
    return parseaddr(setting("REPORTS_CONTACT_EMAIL") or str(settings.DEFAULT_FROM_EMAIL))[1]


def issued() -> date:
    return date.fromisoformat(setting("REPORTS_OPEN_DATA_ISSUED"))
