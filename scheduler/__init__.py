"""Reminders: what is due (rules), the ledger that sends each once, delivery, the tick and its runner.

rules → Nudge (nudge) → ledger.claim → delivery (limits, retries) → ledger.mark_*; tick does one round,
runner ticks every minute inside `crmbot run`; `crmbot nudges --date` prints what the rules produce.
"""
