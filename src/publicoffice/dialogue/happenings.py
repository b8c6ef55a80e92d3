"""What happens to proposals, for whoever listens (the e-mails, in :mod:`.tasks`).

Payloads are plain ids: listeners load what they need when they run.
"""

from __future__ import annotations

from publicoffice.core.domain_events import DomainEvent

#: Staff published an answer: ``answer_id``. The author, the supporters and
#: the followers are told.
answer_published = DomainEvent("dialogue.answer_published")

#: The author changed a proposal people support: ``proposal_id``, ``version``
#: (the number of the wording that was replaced). Supporters are told.
proposal_reworded = DomainEvent("dialogue.proposal_reworded")

#: A visitor without an account proposed: ``proposal_id``. The confirmation
#: link goes to the address they gave.
visitor_proposal_made = DomainEvent("dialogue.visitor_proposal_made")

#: "Make this an event" invited the proposal's author to host it: ``proposal_id``.
co_host_invited = DomainEvent("dialogue.co_host_invited")
