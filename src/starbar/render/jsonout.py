"""The JSON contract: stable key order, UTF-8 kept as is."""

from __future__ import annotations

import json

from .serves import report_dict


def to_json(review, indent: int | None = 2, *, also=None) -> str:
    return json.dumps(report_dict(review, also), ensure_ascii=False, indent=indent)
