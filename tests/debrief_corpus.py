"""The debrief corpus: mock interviews written as scripts (tests/data/debrief/scripts/*.yaml),
rendered into every transcript format with the split a reader must find.

Each script turn is [speaker, role, text]. Roles: chat (small talk), question, followup,
answer, answer2 (the candidate turning to a second question asked in the same turn),
followup_answer, pass (the candidate passes on the question), comment (an interviewer remark
that asks nothing), crosstalk (backchannel over the other speaker) and closing. `[[pause 4]]`
in a text is a silence of that many seconds; ` || ` separates two questions asked in one turn,
and ` >> ` ends what an interviewer says before the question itself ("Great, let's start.").

    .venv/bin/python tests/debrief_corpus.py     # rewrite tests/data/debrief/ from the scripts
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data" / "debrief"
SCRIPTS = DATA / "scripts"
WORDS_PER_MINUTE = {"interviewer": 165, "candidate": 150}
CUE_WORDS = 10
GAP_BETWEEN_TURNS = 0.8
GAP_BETWEEN_CUES = 0.15
WAIT_BEFORE_REPHRASING = 6.0
LONG_MINUTES = 60
LONG = "long-60min.voice.vtt"  # the benchmark's hour-long interview
_PAUSE = re.compile(r"\s*\[\[pause ([\d.]+)\]\]\s*")
VARIANTS = {  # file name -> writer
    "voice.vtt": "vtt_voice",
    "prefix.vtt": "vtt_prefix",
    "srt": "srt",
    "otter.txt": "otter",
    "zoom.txt": "zoom",
    "teams.txt": "teams",
}


@dataclass
class Cue:
    speaker: str
    start: float
    end: float
    text: str
    first_of_turn: bool


@dataclass
class Timed:
    speaker: str
    role: str
    cues: list[Cue]


def timeline(script: dict) -> list[Timed]:
    t = 2.0
    out: list[Timed] = []
    previous_role = None
    for speaker, role, text in script["turns"]:
        kind = "candidate" if speaker == script["candidate"] else "interviewer"
        wpm = WORDS_PER_MINUTE[kind]
        if role == "crosstalk":  # over the end of the other speaker's last cue
            last = out[-1].cues[-1]
            start = round(last.end - 0.3, 3)
            out.append(Timed(speaker, role, [Cue(speaker, start, round(start + 0.6, 3), text, True)]))
            t = last.end + 0.5
            continue
        t += WAIT_BEFORE_REPHRASING if role == previous_role == "question" else GAP_BETWEEN_TURNS
        cues: list[Cue] = []
        for part in text.replace(" >> ", " ").split(" || "):
            chunks = _PAUSE.split(part)
            for n, chunk in enumerate(chunks):
                if n % 2:  # a pause length
                    t += float(chunk) - GAP_BETWEEN_CUES
                    continue
                words = chunk.split()
                for i in range(0, len(words), CUE_WORDS):
                    piece = words[i : i + CUE_WORDS]
                    end = t + len(piece) * 60 / wpm
                    cues.append(Cue(speaker, round(t, 3), round(end, 3), " ".join(piece), not cues))
                    t = end + GAP_BETWEEN_CUES
            t -= GAP_BETWEEN_CUES
        out.append(Timed(speaker, role, cues))
        previous_role = role
    return out


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _clock(seconds: float, hours: bool) -> str:
    whole = int(seconds)
    h, rest = divmod(whole, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if hours or h else f"{rest // 60}:{rest % 60:02d}"


def _cues(turns: list[Timed]) -> list[Cue]:
    return sorted((c for turn in turns for c in turn.cues), key=lambda c: c.start)


def vtt_voice(turns):
    body = [
        f"{n}\n{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n<v {c.speaker}>{c.text}</v>"
        for n, c in enumerate(_cues(turns), 1)
    ]
    return "WEBVTT\n\n" + "\n\n".join(body) + "\n"


def vtt_prefix(turns):
    body = [
        f"{n}\n{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{c.speaker}: {c.text}"
        for n, c in enumerate(_cues(turns), 1)
    ]
    return "WEBVTT\n\n" + "\n\n".join(body) + "\n"


def srt(turns):
    body = [
        f"{n}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.speaker + ': ' if c.first_of_turn else ''}{c.text}"
        for n, c in enumerate(_cues(turns), 1)
    ]
    return "\n\n".join(body) + "\n"


def _blocks(turns: list[Timed], head) -> str:
    ordered = sorted(turns, key=lambda t: t.cues[0].start)
    return (
        "\n\n".join(f"{head(t.speaker, t.cues[0].start)}\n{' '.join(c.text for c in t.cues)}" for t in ordered) + "\n"
    )


def otter(turns):
    return _blocks(turns, lambda who, at: f"{who}  {_clock(at, False)}")


def zoom(turns):
    return _blocks(turns, lambda who, at: f"[{who}] {_stamp(at, '.')[:8]}")


def teams(turns):
    return _blocks(turns, lambda who, at: f"{who}\n{_clock(at, True)}")


def _first_words(text: str, n: int = 8) -> str:
    return " ".join(_PAUSE.sub(" ", text).split()[:n])


def expected(script: dict) -> dict:
    """The split a reader must find: each question's first words, its answer's, its follow-ups'."""
    exchanges: list[dict] = []
    asked: list[dict] = []  # the questions of the last question turn, answered in order
    for _speaker, role, text in script["turns"]:
        if role == "closing":
            break
        if role == "question":
            asked = [
                {"question": _first_words(q), "answer": None, "missed": True, "followups": []}
                for q in text.split(" >> ")[-1].split(" || ")
            ]
            exchanges.extend(asked)
        elif role in ("answer", "pass", "answer2") and asked:
            target = asked[1] if role == "answer2" else asked[0]
            if target["answer"] is None:
                target.update(answer=_first_words(text), missed=role == "pass")
        elif role == "followup":
            exchanges[-1]["followups"].append(_first_words(text))
    speakers = list(dict.fromkeys(s for s, _, _ in script["turns"]))
    return {"candidate": script["candidate"], "speakers": speakers, "exchanges": exchanges}


def long_script(scripts: list[dict], minutes: int) -> dict:
    """One interviewer and one candidate going through every script's questions again and again
    until the interview is `minutes` long: the benchmark's transcript."""
    interviewer, candidate = scripts[0]["interviewers"][0], scripts[0]["candidate"]
    body = [
        [candidate if who == script["candidate"] else interviewer, role, text]
        for script in scripts
        for who, role, text in script["turns"]
        if role not in ("chat", "closing")
    ]
    turns: list[list[str]] = []
    for n in range(10 * len(body)):
        turn = body[n % len(body)]
        if (
            turn[1] == "question"
            and turns
            and timeline({"candidate": candidate, "turns": turns})[-1].cues[-1].end >= minutes * 60
        ):
            break
        turns.append(turn)
    turns.append([interviewer, "closing", "That's all from me. Any questions for me?"])
    return {"interviewers": [interviewer], "candidate": candidate, "turns": turns}


def corpus() -> dict[str, str]:
    """Every corpus file's name and content."""
    files: dict[str, str] = {}
    scripts = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SCRIPTS.glob("*.yaml"))}
    for name, script in scripts.items():
        turns = timeline(script)
        for suffix, writer in VARIANTS.items():
            files[f"{name}.{suffix}"] = globals()[writer](turns)
        files[f"{name}.expected.json"] = json.dumps(expected(script), indent=2, ensure_ascii=False) + "\n"
    long = long_script(list(scripts.values()), LONG_MINUTES)
    files[LONG] = vtt_voice(timeline(long))
    files[LONG.replace(".voice.vtt", ".expected.json")] = (
        json.dumps(expected(long), indent=2, ensure_ascii=False) + "\n"
    )
    return files


if __name__ == "__main__":
    for name, content in corpus().items():
        (DATA / name).write_text(content, encoding="utf-8")
    sys.stdout.write(f"wrote {len(corpus())} files to {DATA}\n")
