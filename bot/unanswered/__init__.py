"""The questions the bot declined: recorded as JSON Lines while serving, folded into a report for maintainers."""
