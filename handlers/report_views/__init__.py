"""Reports as chat text (complete on its own) and a chart with the same numbers, in the reader's
language: one module per family of reports, all writing money as handlers.money_text does."""
from handlers.report_views.customers import inquiries_view, overdue_view, quiet_view, sources_view, top_view
from handlers.report_views.losses import losses_view
from handlers.report_views.people import activity_view, leaderboard_view
from handlers.report_views.sales import forecast_view, funnel_view, pipeline_view

__all__ = ["activity_view", "forecast_view", "funnel_view", "inquiries_view", "leaderboard_view", "losses_view",
           "overdue_view", "pipeline_view", "quiet_view", "sources_view", "top_view"]
