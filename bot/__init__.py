"""Answers questions about a news story with verbatim, attributed quotes from its articles (knowledge/)."""
