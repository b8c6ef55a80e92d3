"""The organisations of an OCDS release: the municipality buys, operators bid and supply.

OCDS 1.1 lists every organisation once in ``parties`` with its roles, and
refers to it elsewhere by ``{"id", "name"}`` only. The id is built as the
standard recommends, ``{scheme}-{identifier}``:

* an operator with an organisation number: scheme ``SE-BLV`` (Bolagsverket,
  the org-id.guide list of Swedish organisation numbers), the ten digits
  without the hyphen;
* an operator without one: ``publicoffice-operator-<number>``, the
  platform's own number, with no identifier (we do not invent a scheme);
* a municipality: scheme ``SE-KOM`` with its four-digit municipality code
  (kommunkod). This is a local list, not registered at org-id.guide; the
  publication policy in the open-data documentation describes it, as OCDS
  asks of local lists.

Only names and identifiers are published: never a contact e-mail or phone.
"""

from __future__ import annotations

from typing import Any

from publicoffice.places.models import Municipality, Operator

OPERATOR_SCHEME = "SE-BLV"
MUNICIPALITY_SCHEME = "SE-KOM"
#: Roles in the order they are listed (partyRole codelist codes).
ROLE_ORDER = ("buyer", "procuringEntity", "tenderer", "supplier")


def municipality_id(municipality: Municipality) -> str:
    return f"{MUNICIPALITY_SCHEME}-{municipality.code}"


def operator_id(operator: Operator) -> str:
    digits = "".join(ch for ch in operator.organisation_number if ch.isdigit())
    if len(digits) == 10:
        return f"{OPERATOR_SCHEME}-{digits}"
    return f"publicoffice-operator-{operator.pk}"


def municipality_ref(municipality: Municipality) -> dict[str, str]:
    return {"id": municipality_id(municipality), "name": municipality.name}


def operator_ref(operator: Operator) -> dict[str, str]:
    return {"id": operator_id(operator), "name": operator.name}


def _municipality_party(municipality: Municipality) -> dict[str, Any]:
    return {
        **municipality_ref(municipality),
        "identifier": {
            "scheme": MUNICIPALITY_SCHEME,
            "id": municipality.code,
            "legalName": municipality.name,
        },
    }


def _operator_party(operator: Operator) -> dict[str, Any]:
    party: dict[str, Any] = operator_ref(operator)
    if party["id"].startswith(OPERATOR_SCHEME + "-"):
        party["identifier"] = {
            "scheme": OPERATOR_SCHEME,
            "id": party["id"].removeprefix(OPERATOR_SCHEME + "-"),
            "legalName": operator.name,
        }
    return party


class Parties:
    """Collects each organisation once with all its roles, in the order first met.

    Two operators entered with the same organisation number (a data-entry
    slip) stay two parties: the second is named by the platform's number.
    """

    def __init__(self) -> None:
        self._parties: dict[str, dict[str, Any]] = {}
        self._roles: dict[str, set[str]] = {}
        self._operators: dict[int, dict[str, Any]] = {}

    def _add(self, party: dict[str, Any], role: str) -> dict[str, str]:
        self._parties.setdefault(party["id"], party)
        self._roles.setdefault(party["id"], set()).add(role)
        return {"id": party["id"], "name": party["name"]}

    def buyer(self, municipality: Municipality) -> dict[str, str]:
        return self._add(_municipality_party(municipality), "buyer")

    def _operator(self, operator: Operator) -> dict[str, Any]:
        if operator.pk not in self._operators:
            party = _operator_party(operator)
            if party["id"] in self._parties:
                party = {"id": f"publicoffice-operator-{operator.pk}", "name": operator.name}
            self._operators[operator.pk] = party
        return self._operators[operator.pk]

    def tenderer(self, operator: Operator) -> dict[str, str]:
        return self._add(self._operator(operator), "tenderer")

    def supplier(self, operator: Operator) -> dict[str, str]:
        return self._add(self._operator(operator), "supplier")

    def as_list(self) -> list[dict[str, Any]]:
        return [
            {**party, "roles": [r for r in ROLE_ORDER if r in self._roles[party_id]]}
            for party_id, party in self._parties.items()
        ]
