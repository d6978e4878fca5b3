"""Every sentence a user or operator reads, in one place, so wording stays consistent across front ends."""

from __future__ import annotations

from bot.answers import MAX_QUESTION_CHARS, Declined

EMPTY_QUESTION = "Please ask a question, for example: What happened at the Hanoi summit?"
NOT_COVERED = "The articles I have do not cover that, so I won't guess."
CLOSEST_INTRO = "The closest passages I found (they do not answer the question):"
NO_ARTICLES = "I have no articles loaded, so I cannot answer yet. A maintainer can add some to the knowledge folder."
ANSWER_INTRO = "From the articles:"
UNKNOWN_COMMAND = "Unknown command {command!r}. Type /help to see what I can do."
INTERNAL_ERROR = "Something went wrong while answering; it has been logged. Please try again."


def too_long(length: int) -> str:
    return f"Your question is {length:,} characters long; please ask in under {MAX_QUESTION_CHARS:,}."


def knowledge_missing(folder: str) -> str:
    return f"The knowledge folder {folder} does not exist; set BOT_KNOWLEDGE_DIR or pass --knowledge DIR."


def knowledge_empty(folder: str) -> str:
    return f"The knowledge folder {folder} has no articles; add Markdown files under {folder}/articles."


def missing_setting(variable: str, purpose: str) -> str:
    return f"{variable} is not set: {purpose}. Add it to the environment or to .env (see .env.example)."


def decline_message(reason: Declined, question_length: int = 0) -> str:
    if reason is Declined.EMPTY:
        return EMPTY_QUESTION
    if reason is Declined.TOO_LONG:
        return too_long(question_length)
    if reason is Declined.NO_ARTICLES:
        return NO_ARTICLES
    return NOT_COVERED


# The commands every front end offers, with the one-line help each shows.
HELP_INTRO = (
    "I answer questions about the 2018-2019 US-North Korea nuclear talks (Trump and Kim Jong Un) "
    "with verbatim quotes from news articles, each with its source. I never write claims of my own; "
    "when the articles don't cover a question, I say so."
)
HELP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask QUESTION", "Answer a question with quotes from the articles."),
    ("sources", "List the articles I quote from."),
    ("help", "Show this help."),
)
HELP_EXAMPLES = (
    "Why did the Hanoi summit collapse?",
    "What mistakes did Trump make before the talks?",
    "Has North Korea tested missiles since Singapore?",
)


# --- Slack ---
# Sentences only the Slack front end shows (slash commands, threads, buttons, startup errors).
SLACK_PRIVATE_WORD = "private"
SLACK_HELP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("/ask QUESTION", "Answer a question with quotes from the articles."),
    ("/timeline [TOPIC] [FROM] [TO]", "The dated events of the talks, oldest first (dates as YYYY-MM-DD)."),
    ("/sources [TITLE]", "List the articles I quote from, or the one whose title matches."),
    ("/help", "Show this help."),
)
SLACK_HELP_PRIVATE = (
    "Add the word `private` at the start or end of a command (`/ask private Why did Hanoi fail?`) "
    "and only you will see the answer."
)
SLACK_HELP_THREADS = (
    "You can also mention me in a channel or message me directly: I answer in a thread, and you can "
    "ask follow-up questions in that thread without mentioning me again."
)
SLACK_QUESTION_LABEL = "Question"
SLACK_MORE_CONTEXT_BUTTON = "More context"
SLACK_CONTEXT_INTRO = "More of the same article around that quote:"
SLACK_CONTEXT_GONE = "That passage is no longer in the articles, so I cannot show more of it."
SLACK_TIMELINE_EMPTY = "I have no dated events for that yet."
SLACK_TIMELINE_MORE_BUTTON = "More events"
SLACK_TIMELINE_APPROXIMATE = "about"
SLACK_RELOAD_REFUSED = "Only the bot's admins can reload the articles."
SLACK_NO_SUCH_ARTICLE = "No article matches {text}."
SLACK_LIST_TRUNCATED = "…and {count} more."
SLACK_BOT_TOKEN_PURPOSE = "the Bot User OAuth Token (xoxb-…) from the Slack app's OAuth & Permissions page"
SLACK_SIGNING_SECRET_PURPOSE = (
    "HTTP mode needs the app's signing secret to verify requests come from Slack "
    "(or set SLACK_APP_TOKEN to use Socket Mode)"
)


def slack_timeline_heading(first: int, last: int, total: int) -> str:
    return f"Events of the talks, oldest first ({first}–{last} of {total}):"
