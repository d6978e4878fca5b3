"""Text normalisation and BM25 retrieval over passages and sentences."""
