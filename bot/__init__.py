"""crmbot: a CRM that lives in chat."""
