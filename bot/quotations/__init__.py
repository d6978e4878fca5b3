"""Who said what: the quotations in the articles and their speakers (`said`), found with general
English patterns: speech verbs, apposition, and pronouns that point back to a person named earlier."""
