"""Fake platform servers (Telegram Bot API, Slack Web API, OpenAI) on loopback, for tests."""
