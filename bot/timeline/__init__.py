"""The talks as dated events, each backed by a quote: curated entries and dates found in the articles."""
