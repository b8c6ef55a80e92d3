"""What commissioning does, one stage a module: calls, applications, reviews,
decisions, commissions and their follow-up (the reporting schedule in
:mod:`.schedule`)."""
