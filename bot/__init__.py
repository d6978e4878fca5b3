"""Answers questions about the 2018-2019 US-North Korea nuclear talks with verbatim, attributed quotes."""
