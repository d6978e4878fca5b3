"""Readers' votes on answers (👍/👎), the questions asked, and the maintainers' report over both."""
