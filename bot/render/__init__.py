"""Turns results (answers, sources, help) into what each front end shows, within its limits."""
