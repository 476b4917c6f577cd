"""The reports a manager (or a rep, for their own) gets: SQL aggregates in the store, returned as
frozen dataclasses with money in integer minor units beside its currency.

- pipeline: open deals per stage for a period, and per owner (`pipeline`)
- sales: the forecast against targets, the funnel's conversion (`forecast`, `funnel`)
- people: activity per member, one member's period, the leaderboard (`activity_report`, `leaderboard`)
- customers: lead sources, top customers (`sources`, `top_customers`)
- losses: deals lost per reason (`losses`)
- deals: the biggest open (or won) deals, one line each (`biggest_deals`)
- attention: quiet deals, overdue follow-ups, inquiries and complaints

Rules every report keeps: every query filters by the team; periods are local days of the team's
time zone; amounts are never added or counted across currencies without a rate the team set
(storage.reports.money); nothing loops over rows in Python, only over a handful of groups.
JSON is written at the CLI's edge (bot/report_json.py), never here.
"""
from storage.reports.attention import Inquiries, Overdue, QuietDeals, inquiries_report, overdue_followups, quiet_deals
from storage.reports.common import Period, stage_probabilities
from storage.reports.customers import Sources, TopCustomers, sources, top_customers
from storage.reports.deals import BigDeal, BiggestDeals, biggest_deals
from storage.reports.losses import Losses, losses
from storage.reports.money import Money, Rate, Rates, Sums, Tally
from storage.reports.people import Activity, Leaderboard, activity_report, leaderboard
from storage.reports.pipeline import Pipeline, pipeline
from storage.reports.sales import Forecast, Funnel, forecast, funnel

__all__ = ["Activity", "BigDeal", "BiggestDeals", "Forecast", "Funnel", "Inquiries", "Leaderboard", "Losses", "Money",
           "Overdue", "Period", "Pipeline", "QuietDeals", "Rate", "Rates", "Sources", "Sums", "Tally",
           "TopCustomers", "activity_report", "biggest_deals", "forecast", "funnel", "inquiries_report",
           "leaderboard", "losses", "overdue_followups", "pipeline", "quiet_deals", "sources",
           "stage_probabilities", "top_customers"]
