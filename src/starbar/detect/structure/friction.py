"""Internal resistance and what the candidate did with it: a named party objecting, the
candidate's answer with evidence, and a price accepted for the customer."""

from __future__ import annotations

import re

from ...parse import Document
from ..evidence import Detection, Evidence
from ..registry import detector
from .casefold import fold

# Patterns are lower case and match folded text (see casefold).
# An internal party: a function, a role, or "the <something> team/lead". Customers are not a party.
_PARTY = re.compile(
    r"\b(?:risk|legal|compliance|security|engineering|engineers|finance|treasury|sales|marketing|growth|"
    r"operations|ops|underwriting|underwriters|partnerships|procurement|leadership|management|"
    r"(?:fraud|credit|support|data|product|design|brand|collections) (?:ops|operations|team|lead|leads|analysts?|folks)|"
    r"executives?|exec team|(?:my |our |the )?(?:director|vp|vice president|cfo|ceo|cto|coo|cro|gm|general manager|"
    r"boss|manager|controllers?|auditors?|regulators?|board|lawyers?|counsel|architects?)|head of \w+|"
    r"(?:the|our|my|their) [\w-]+(?: [\w-]+)? (?:team|department|group|lead|leads|folks|org|committee|owners?))\b",
)
# What resisting sounds like: objections, fears, conditions and vetoes.
_RESIST = re.compile(
    r"\b(?:push(?:ed|ing)? back|push-?back|objected|objecting|objections?|opposed|opposing|resist(?:ed|ing|ance)|"
    r"(?:was|were|pretty|strongly|firmly|dead|set) against|(?:wasn't|weren't|was not|were not) (?:\w+ )?comfortable|"
    r"had (?:serious |some )?reservations|raised (?:a |the )?(?:red )?flags?|worried|concerns?|concerned|feared|fearing|skeptic\w*|"
    r"hated|disliked|didn't like|did not like|scared|afraid|nervous|uneasy|wary|unhappy|not happy|alarmed|"
    r"said no|turned (?:it|us|me|the \w+) down|rejected|shot (?:it|the \w+) down|fought|"
    r"sceptic\w*|reluctant|hesitant|refused|blocked|vetoed|disagreed|argued against|balked|questioned|challenged|"
    r"flagged|(?:raised|had) (?:\w+ )?(?:concerns?|doubts|questions)|not convinced|unconvinced|didn't want|did not want|"
    r"wouldn't (?:approve|sign|accept)|would not (?:approve|sign|accept)|insisted|demanded|required|needed|asked for|"
    r"wanted (?:us |me |the team )?to (?:delay|keep|wait|hold|add|remove|drop|include)|checked [^.]{0,40}\bagainst|said [^.]{0,60}\b(?:too )?(?:expensive|risky|costly|"
    r"impossible)|(?:too|was) (?:expensive|risky|costly))\b",
)
# "not", "never" or "no" just before; "nobody", "no one" as the subject of the clause.
_NEGATED = re.compile(r"\b(?:no|not|never|n't|without)\s+(?:\w+\s+){0,2}$|\b(?:nobody|no one|none of)\b[^.;,]*$")
# The candidate answering with evidence: an argument verb and something measured or tested.
_ARGUE = re.compile(
    r"\b(?:i|we)\s+(?:\w+\s+){0,3}?(?:showed|shown|pulled|brought|shared|presented|walked [^.;]{0,30}?through|"
    r"made the case|modell?ed|(?:ran|set up|launched|designed) (?:it as )?[^.;]{0,30}?(?:test|pilot|experiment|trial|analysis)|"
    r"dug into|came back with|"
    r"piloted|tested|went back|worked through|worked with [^.;]{0,30}? on|proved|demonstrated|used|reviewed|"
    r"analy[sz]ed|gathered|collected|compiled|quantified|calculated|benchmarked|tracked|measured|"
    r"built (?:a|the) (?:business )?(?:case|model)|wrote up|argued|convinced|persuaded|pointed to)\b",
)
_EVIDENCE = re.compile(
    r"\d|\b(?:data|numbers|tests?|tested|pilot|analysis|models?|modell?ed|evidence|results?|survey|study|rates?|"
    r"worth|cheaper|costs? less|more than|less than|per (?:\w+))\b",
)
# A price paid for the customer: a delay, money, revenue or conversion accepted, traded or given up.
_COST = (
    r"(?:delay|later|quarter|weeks?|months?|launch date|revenue|income|float|fees?|margin|budget|cost|spend|\$|"
    r"£|€|conversion|completion|volume|target|deadline|headcount|%|fewer \w+)"
)
_TRADEOFF = re.compile(
    rf"\b(?:accept(?:ed|ing)?|took|taking|agreed to (?:take|absorb|give|lose|a)|argued for taking|chose to (?:give|pay|absorb|delay)|"
    rf"gave up|giving up|give up|sacrific\w+|forwent|forgo\w*|absorb(?:ed|ing)?|traded|trading)\b[^.;]{{0,60}}{_COST}"
    rf"|\b(?:at the (?:cost|price|expense) of|in exchange for|which cost us|cost us|meant (?:missing|pushing|delaying|"
    rf"giving up|losing|slipping)|pushed [^.;]{{0,30}}back (?:a|by|to)|(?:lose|losing|lost) [^.;]{{0,20}}(?:revenue|income|fees)|"
    rf"(?:revenue|income|fees) [^.;]{{0,20}}(?:lose|give up|forgo|forgo)|(?:made|took|accepted|chose|owned) the trade-?off|"
    rf"(?:explicit|deliberate|conscious) trade-?off|even though it (?:meant|cost)|"
    rf"(?:ate|eat|eating|absorb\w*) the (?:cost|fee|fees|loss|losses)|take (?:a|the) (?:small |short-term )?hit|"
    rf"willing to (?:lose|give up|slip|delay|accept|pay|wait)|"
    rf"(?:i|we) (?:chose to |decided to |agreed to )?(?:slip|slipped|delay|delayed|postpone\w*|push(?:ed)? back) "
    rf"(?:the |our )?(?:launch|release|rollout|go-live|ship date))\b",
)


# A party named after the resistance: "objections from legal", "I pushed back on the sales team".
_FROM_PARTY = re.compile(r"^\s+(?:came\s+)?(?:from|on|with|against)\s+(?:the\s+|our\s+|my\s+)?$")


def _party_sentence(text: str) -> re.Match | None:
    """The resistance phrase of a sentence in which an internal party resists, unless negated:
    the party comes first ("Risk pushed back") or is named after it ("objections from legal")."""
    parties = list(_PARTY.finditer(text))
    if not parties:
        return None
    for m in _RESIST.finditer(text):
        if _NEGATED.search(text[: m.start()]):
            continue
        before = any(0 <= m.start() - p.end() <= 80 for p in parties)
        after = any(_FROM_PARTY.match(text[m.end() : p.start()]) for p in parties if p.start() >= m.end())
        if before or after:
            return m
    return None


@detector(
    "friction.resistance",
    signals={"friction.party": "friction", "friction.resolved": "friction", "friction.tradeoff": "friction"},
)
def resistance(doc: Document, rubric, found) -> Detection:
    """A named party resisting, then (in that sentence or the next four) the candidate's
    evidence-backed answer, and, once someone resisted, a cost accepted for the customer."""
    scope = [(s, fold(s.text)) for s in doc.sentences if s.part not in ("S", "R")]
    scope = scope or [(s, fold(s.text)) for s in doc.sentences]
    evidence, party_at = [], []
    for s, text in scope:
        m = _party_sentence(text)
        if m:
            party_at.append(s.index)
            evidence.append(Evidence("friction.party", "friction", s.start + m.start(), s.start + m.end(), s.index))
    for s, text in scope:
        if not any(0 <= s.index - p <= 4 for p in party_at):
            continue
        m = _ARGUE.search(text)
        if m and _EVIDENCE.search(text):
            evidence.append(Evidence("friction.resolved", "friction", s.start + m.start(), s.start + m.end(), s.index))
    # A price paid only counts as a trade-off against someone; without a party there is none to find.
    for s, text in scope if party_at else ():
        m = _TRADEOFF.search(text)
        if m and not _NEGATED.search(text[: m.start()]):
            evidence.append(Evidence("friction.tradeoff", "friction", s.start + m.start(), s.start + m.end(), s.index))
    return Detection(tuple(evidence))
