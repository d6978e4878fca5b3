"""Chat platforms' markup for mentions, which is never part of what a user asks.

Discord writes a mention of a user as <@123> or <@!123>, of a role as <@&123>, of a channel as
<#123>, of a slash command as </name:123>, a custom emoji as <:name:123> (<a:name:123> animated);
Slack writes <@U123>, <@U123|ann>, <#C123|general>, <!here>, <!subteam^S1|@team>. Discord keeps
@everyone and @here as typed, and Slack's slash commands pass @here and @channel as plain text. As
words they would count in a question ("<@123> summit" would ask about "123"; "@everyone who is
Biegun" no longer starts with "who is" and so asked for someone's name), so every command's text
has them taken out (bot.answers.clean_question), whichever front end or the command line it came from.
"""

from __future__ import annotations

import re

# Slack's labels may hold spaces (<!date^…|Feb 18, 2019>); none holds "<" or ">", which Slack
# escapes in what users type. The length bound keeps a stray "<@" from spanning a whole message.
# The broadcast mentions typed as words: not "user@here.com", not "@everyones".
MENTION = re.compile(r"<(?:[@#!]|a?:\w{1,32}:|/[^<>:]{1,100}:)[^<>]{0,200}>|(?<![\w@.])@(?i:everyone|here|channel)\b(?![\w@-])")


def without_mention_markup(text: str) -> str:
    """The text with each mention's markup replaced by a space (the words either side stay apart)."""
    return MENTION.sub(" ", text)


# Invisible, and it keeps "@everyone" or "<@123>" from being read as a mention when pasted into a chat.
ZERO_WIDTH_SPACE = "\u200b"


def unable_to_ping(text: str) -> str:
    """The text as typed, each mention broken by a zero-width space after its first character:
    it reads the same and, shown or pasted anywhere, pings no one."""
    return MENTION.sub(lambda mention: mention[0][0] + ZERO_WIDTH_SPACE + mention[0][1:], text)
