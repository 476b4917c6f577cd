"""The indexes the reports read by (storage/reports/): the funnel's cohort and stage history,
activity per rep, won revenue, quiet deals, new customers, follow-ups due. Declared on the tables
once they are all defined; the migrations create them."""
from __future__ import annotations

from sqlalchemy import Index
from sqlmodel import col

from storage.models.customers import Customer, Deal, StageChange
from storage.models.notes import FollowUp, Interaction

# Reports: the funnel's cohort and stage history, activity per rep, won revenue, quiet deals.
Index("ix_stagechange_team_at", col(StageChange.team_id), col(StageChange.at), col(StageChange.deal_id),
      col(StageChange.from_stage), col(StageChange.to_stage), col(StageChange.member_id))
Index("ix_stagechange_deal_to", col(StageChange.deal_id), col(StageChange.to_stage), col(StageChange.at),
      col(StageChange.from_stage))
Index("ix_interaction_team_at", col(Interaction.team_id), col(Interaction.at), col(Interaction.member_id),
      col(Interaction.channel), col(Interaction.customer_id))
Index("ix_deal_team_closed", col(Deal.team_id), col(Deal.stage), col(Deal.closed_at), col(Deal.customer_id),
      col(Deal.currency), col(Deal.amount_minor), col(Deal.owner_id))
Index("ix_deal_team_created", col(Deal.team_id), col(Deal.created_at), col(Deal.stage), col(Deal.lost_reason))
Index("ix_deal_team_quiet", col(Deal.team_id), col(Deal.stage), col(Deal.updated_at), col(Deal.customer_id),
      col(Deal.currency), col(Deal.amount_minor))
Index("ix_customer_team_created", col(Customer.team_id), col(Customer.created_at), col(Customer.source),
      col(Customer.created_by))
Index("ix_followup_team_member_due", col(FollowUp.team_id), col(FollowUp.member_id), col(FollowUp.done_at),
      col(FollowUp.due))
Index("ix_followup_remind", col(FollowUp.team_id), col(FollowUp.remind_at))
