"""`python -m bot` is `crmbot`."""
from bot.cli import main

main()
