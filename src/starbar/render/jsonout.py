"""The JSON contract: stable key order, UTF-8 kept as is."""

from __future__ import annotations

import json


def to_json(review, indent: int | None = 2) -> str:
    return json.dumps(review.to_dict(), ensure_ascii=False, indent=indent)
