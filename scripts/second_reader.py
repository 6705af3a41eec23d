"""How far two careful readers of the same rubric agree, and how far the judge is from each.

`data/second-reader/<set>.jsonl` holds a second reader's labels for a sealed set: a reader with
only the rubric and the stories' text, who never saw the writer's labels or the engine. For each
file this prints mean kappa (lowest dimension), exact verdict and agreement on the hire-or-better
line between the writer and the second reader, the judge and the writer, and the judge and the
second reader: the first is the ceiling the other two can be read against.

    .venv/bin/python scripts/second_reader.py
"""

from __future__ import annotations

import json
from pathlib import Path

from starbar import review
from starbar.evaluate.metrics import quadratic_weighted_kappa

DATA = Path(__file__).resolve().parent.parent / "data"
HIRE = {"hire", "strong_hire"}


def _rows(path: Path) -> dict[str, dict]:
    return {row["id"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def labelled_set(name: str) -> Path:
    """The writer's labelled set a second reader's file `name` reads again: `sealed-15` is Customer
    Obsession's sealed set 15, `dive-deep-sealed-11` another principle's."""
    if name.startswith("sealed-"):
        return DATA / "sealed" / f"{name}.jsonl"
    lp, _, sealed = name.rpartition("-sealed-")
    return DATA / "lp" / lp / f"sealed-{sealed}.jsonl"


def _agreement(a: dict[str, dict], b: dict[str, dict]) -> str:
    ids = sorted(a)
    dims = list(a[ids[0]]["dims"])
    kappas = [quadratic_weighted_kappa([a[i]["dims"][d] for i in ids], [b[i]["dims"][d] for i in ids]) for d in dims]
    exact = sum(a[i]["verdict"] == b[i]["verdict"] for i in ids) / len(ids)
    line = sum((a[i]["verdict"] in HIRE) == (b[i]["verdict"] in HIRE) for i in ids) / len(ids)
    return f"{sum(kappas) / len(kappas):.2f} ({min(kappas):.2f}), verdict {exact:.2f}, hire line {line:.2f}"


def main() -> None:
    for path in sorted((DATA / "second-reader").glob("*.jsonl")):
        writer = _rows(labelled_set(path.stem))
        reader = _rows(path)
        judged = {}
        for sid, row in writer.items():
            rubric = {"rubric": row["rubric"]} if "rubric" in row else {}
            result = review(row["text"], row.get("level", "L6"), **rubric)
            judged[sid] = {"dims": {d: s.level for d, s in result.dimensions.items()}, "verdict": result.verdict}
        print(f"{path.stem} ({len(writer)} stories)")
        print(f"  writer / second reader  {_agreement(writer, reader)}")
        print(f"  judge / writer          {_agreement(writer, judged)}")
        print(f"  judge / second reader   {_agreement(reader, judged)}")


if __name__ == "__main__":
    main()
