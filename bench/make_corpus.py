#!/usr/bin/env python3
"""Generates the benchmark inputs (docs/benchmarks.md), deterministically, under OUT (default
build/bench):

  OUT/corpus/note-NNNN.md   2,000 copies of the verbatim seed notes (tests/fixtures/
                            go-interview-notes.md), each question title suffixed with the copy's
                            number so titles are distinct across the corpus (~24 MB)
  OUT/deck-10000/cards.md   one deck of 10,000 cards: the bundled Go notes' questions and answers
                            (content/go-interview.md), cycled with numbered titles, in sections

Usage: bench/make_corpus.py [OUT]
"""
import pathlib
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
COPIES = 2000
DECK_CARDS = 10000


def corpus(out: pathlib.Path) -> int:
    seed = (ROOT / "tests/fixtures/go-interview-notes.md").read_text(encoding="utf-8")
    folder = out / "corpus"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    total = 0
    for n in range(1, COPIES + 1):
        # Only question headings change; every other byte is the seed's.
        text = re.sub(r"^(#{5} .*?)([ \t]*)$", lambda m: f"{m.group(1)} {n:04d}{m.group(2)}", seed, flags=re.M)
        (folder / f"note-{n:04d}.md").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def questions():
    """(title, answer) pairs of the bundled notes, answers verbatim."""
    text = (ROOT / "content/go-interview.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    pairs = []
    for block in re.split(r"^(?=#{5} )", body, flags=re.M):
        if not block.startswith("##### "):
            continue
        title, _, answer = block.partition("\n")
        pairs.append((title[6:].strip(), answer.strip()))
    return [p for p in pairs if p[1]]


def deck(out: pathlib.Path) -> int:
    pairs = questions()
    lines = ["---", "title: Ten thousand cards", "id: bench-10000", "lang: zh", "---", ""]
    for i in range(DECK_CARDS):
        if i % 100 == 0:
            lines += [f"# Part {i // 100 + 1}", ""]
        title, answer = pairs[i % len(pairs)]
        lines += [f"## {title} #{i + 1}", "", answer, ""]
    folder = out / "deck-10000"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    # The bundled notes' image, so the export copies a real file.
    shutil.copytree(ROOT / "content/goImages", folder / "goImages")
    text = "\n".join(lines)
    (folder / "cards.md").write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main() -> None:
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/bench")
    corpus_bytes = corpus(out)
    deck_bytes = deck(out)
    print(f"corpus: {COPIES} files, {corpus_bytes} bytes in {out / 'corpus'}")
    print(f"deck: {DECK_CARDS} cards, {deck_bytes} bytes in {out / 'deck-10000'}")


if __name__ == "__main__":
    main()
