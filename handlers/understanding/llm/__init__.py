"""The model path of understanding: `client` asks an OpenAI-compatible model for the parse (and
reads voice notes and business cards) within a time limit, retries and the team's budget; `schema`
is the contract's JSON shape the answer must fit and the checks that keep what the message does
not say out of it; `assist` is what a model adds beside the parse (a voice note as text, a briefing
on a customer's card), counted in the member's tokens. The rules (the rest of
`handlers.understanding`) need no network; the token ledger is the store's business
(`handlers.llm_usage`)."""
