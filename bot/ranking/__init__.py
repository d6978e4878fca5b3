"""The ranking pipeline's stages: rankers (each a signal over the sentences), fusion, the answer check."""
