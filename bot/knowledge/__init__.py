"""The knowledge folder: articles, aliases and timeline entries, loaded, checked and indexed."""
