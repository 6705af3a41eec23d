"""Internal resistance and what the candidate did with it: a named party objecting, the
candidate's answer with evidence, and a price accepted for the customer."""

from __future__ import annotations

import re

from ...parse import Document
from ...parse.matcher import Compiled, compile_pattern
from ...parse.quantities import NUMBER_WORDS
from ..casefold import fold
from ..evidence import Detection, Evidence
from ..names import names, story_names
from ..registry import detector
from .regions import vocab_regex

# Patterns are lower case and match folded text (see casefold).
# An internal party: a function, a role, or "the <something> team/lead". Customers are not a party.
_PARTY = compile_pattern(
    r"\b(?:risk|legal|compliance|security|engineering|engineers|finance|treasury|sales|marketing|growth|"
    r"operations|ops|underwriting|underwriters|partnerships|procurement|leadership|management|"
    r"(?:fraud|credit|support|data|product|design|brand|collections) (?:ops|operations|team|lead|leads|analysts?|folks)|"
    r"executives?|exec team|(?:my |our |the )?(?:directors?|vps?|vice presidents?|cfos?|ceo|cto|coo|cro|gms?|general managers?|"
    r"boss(?:es)?|managers?|controllers?|auditors?|regulators?|board|lawyers?|counsel|architects?|officers?)|head of \w+|"
    r"(?:the|our|my|their|[\w-]+'s|[\w-]+s') [\w-]+(?: [\w-]+)? "
    r"(?:teams?|department|group|unit|desk|lead|leads|folks|org|committee|owners?|heads?|partners?|investors?|lenders?)|"
    # roles in the plural or with their unit ("store managers", "unit heads"), and insiders by trade
    r"[\w-]+ (?:managers|leads|heads|leaders|directors|officers)|doctors|physicians|clinicians|nurses|physios|"
    r"instructors|faculty|pharmacists|(?:support |sales |service )?agents|analysts|head [\w-]+|"
    r"(?:the|our|new|card|payments?) (?:vendors?|processors?|partners?|issuers?|networks?)|(?:partner|sponsor) bank|"
    # several insiders at once: "two groups resisted", "both teams"
    r"(?:two|three|four|several|both|other|some) (?:groups|teams|departments|functions|business units))\b",
)
# Functions that also name a thing ("fraud", "credit"): a party only as the subject right before resisting.
_BARE_PARTY = compile_pattern(
    r"\b(?:fraud|credit|collections|clinical|academic|analytics|support|customer service|hr)\b"
)
_SUBJECT_GAP = compile_pattern(r"\s+(?:\w+ly\s+|also\s+|then\s+)?")
# Anyone named as "the X" who plainly objects is a party, unless X is a customer: the head noun is checked.
_OBJECTS = (
    r"(?:objected|pushed back|opposed|resisted|refused|vetoed|balked|(?:was|were) (?:dead |firmly |strongly )?against|"
    r"said no)\b"
)
_SUBJECT_OBJECTS = compile_pattern(
    rf"\b(?:the|our|my|their|his|her)\s+(?:[\w'-]+\s+){{0,2}}?([\w-]+)\s+(?:\w+ly\s+)?{_OBJECTS}"
)
_OBJECTS_AT_ALL = compile_pattern(rf"\b{_OBJECTS}")  # a cheap test before the search for a subject
# What resisting sounds like: objections, fears, conditions and vetoes.
_RESIST = compile_pattern(
    r"\b(?:push(?:ed|ing)? back|push-?back|objected|objecting|objections?|opposed|opposing|resist(?:ed|ing|ance)|"
    r"(?:was|were|pretty|strongly|firmly|dead|set) against|(?:wasn't|weren't|was not|were not) (?:\w+ )?comfortable|"
    r"had (?:serious |some )?reservations|raised (?:a |the )?(?:red )?flags?|worried|concerns?|concerned|feared|fearing|skeptic\w*|"
    r"hated|disliked|didn't like|did not like|scared|afraid|nervous|uneasy|wary|unhappy|not happy|alarmed|"
    r"said no|turned (?:it|us|me|the \w+) down|rejected|shot (?:it|the \w+) down|fought|"
    r"sceptic\w*|reluctant|hesitant|refused|blocked|vetoed|disagreed|(?:didn't|did not|wouldn't|would not) agree|argued against|balked|questioned|challenged|"
    r"flagged|(?:raised|had) (?:\w+ )?(?:concerns?|doubts|questions)|not convinced|unconvinced|didn't want|did not want|"
    r"wouldn't (?:approve|sign|accept)|would not (?:approve|sign|accept)|insisted|demanded|required|needed|asked for|asked that|"
    r"(?<!had )wanted\b(?! to (?:do|help|try|see|know|learn|understand|support|join|get|make)\b)|warned|argued|"
    r"preferred|pushed to|push(?:ed|ing)? (?:\w+ )?hard for|lobbied (?:\w+ )?for|(?:was|were) slow to|checked [^.]{0,40}\bagainst|(?:too|was) (?:expensive|risky|costly)|"
    # lukewarm: "did not love it", "weren't sold"
    r"(?:didn't|did not) (?:love|buy|want)|(?:wasn't|weren't|was not|were not|not) (?:\w+ )?(?:keen|sold|thrilled|a fan|on board)|"
    # not agreeing, told in any tense or none ("our finance team was not agree at first")
    r"(?:not|never) (?:\w+ )?agree(?:d|ing)?\b(?! with (?:the )?(?:customers?|users?|them|me)\b)|"
    # the objection as a noun, its content after it: "their fear was that old damage would be shown"
    r"(?:fear|worry|concern|objection|position|argument|red flag)s? (?:\w+ )?(?:was|were|is|are)\b|"
    # a doubt put as a question or a forecast of harm
    r"asked (?:what|whether|if|how|why)|expected [^.;]{0,50}\b(?:cut|fall|drop|lose|hurt|slow|cost|reduce|double|rise|spike|tank)|"
    r"(?:said|thought|felt|claimed|believed|feared)[^.;]{0,60}\b(?:too \w+|risky|expensive|costly|impossible|rewrite|"
    r"would (?:hurt|cut|slow|cost|lose|kill|break|raise|annoy|confuse|scare|corrupt|damage|harm|expose|undermine|"
    r"cannibali[sz]e|eat into|jeopardi[sz]e|increase|add|delay|lower|reduce|drop|mean)|costs? (?:us|\w+ions|\w+s\b))|"
    # a point raised against it, or the party cast as the thing in the way
    r"pointed out|cautioned|countered|saw (?:it|this|that|the [\w-]+|[\w-]+) as|(?:was|were) (?:the )?(?:\w+ )?(?:obstacle|hurdle|blocker|sticking point)|"
    # a cost or risk put on the table: "finance raised the revenue impact"
    r"raised (?:the |a |an )?(?:[\w-]+ )?(?:impact|issue|risk|cost|point|objection)s?|"
    r"(?:biggest|main|real|first|only|hardest) (?:hurdle|obstacle|blocker|sticking point)|"
    # no room for it: the party's capacity was taken
    r"(?:no|little|not enough|limited) (?:capacity|bandwidth|headcount)|(?:already|fully) (?:committed|booked|allocated|stretched))\b",
)
# A clash named as a noun, with the party after it: "a dispute with the processor".
_CLASH = compile_pattern(
    r"\b(?:disputes?|disagreements?|arguments?|conflicts?|clash(?:es)?|debates?|back[- ]and[- ]forth|tug[- ]of[- ]war|standoff)"
    r"(?=\s+(?:was\s+|were\s+|came\s+)?(?:with|from|between)\b)"
)
# "not", "never" or "no" just before; "nobody", "no one" as the subject of the clause.
_NEGATED = compile_pattern(r"\b(?:no|not|never|n't|without)\s+(?:\w+\s+){0,2}$|\b(?:nobody|no one|none of)\b[^.;,]*$")
# Resistance played down: "some concerns from risk", "the usual questions"; a vague obstacle, not a party's stand.
_HEDGE_WORDS = r"\b(?:some|a few|a couple of|a bit of|minor|the usual|a little)\s+"
_HEDGE = compile_pattern(_HEDGE_WORDS)
_HEDGED = compile_pattern(_HEDGE_WORDS + r"(?:\w+\s+)?$")
# The candidate answering with evidence: an argument verb and something measured or tested.
_ARGUE = compile_pattern(
    # buy-in won for a staged plan, whoever gives it: "the council approved a staged plan, two regions first"
    r"\b(?:approved|agreed to|signed off(?: on)?|backed|green-?lit) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:phased|staged|gradual|pilot)\b|"
    # notes and bullets drop the subject: "- timed 200 picks", "- showed each dispute costs $14";
    # any tense, since many tell it in the present ("so I show them the cost")
    r"(?:\b(?:i|we)\s+(?:\w+\s+){0,5}?|^\s*[-*•]\s*)(?:show(?:s|ed|n|ing)?|pull(?:s|ed|ing)?|brought|bring(?:s|ing)?|shar(?:e|es|ed|ing)|"
    r"present(?:s|ed|ing)?|walk(?:s|ed|ing)? [^.;]{0,30}?through|"
    r"mak(?:e|es|ing) the case|made the case|model(?:s|ed|led|ing)?|(?:ran|run|runs|set up|launch(?:es|ed)?|design(?:s|ed)?) (?:it as )?[^.;]{0,30}?(?:test|pilot|experiment|trial|analysis)|"
    r"d(?:u|i)g into|c(?:a|o)me back with|"
    # a concession offered back at a named price: "I agreed to pre-fund it, costing us $6k a month"
    r"(?:offer(?:s|ed)?|agree(?:s|d)? (?:with (?:\w+ ){1,2})?to)\b(?=[^.;]{0,100}(?:\bcost|\$|£|€|\brevenue|\bmargin|\binterest|\bfloat))|(?:a|an|the|our) (?:[\w-]+ ){0,3}?(?:test|pilot|experiment|trial)\b|"
    r"g[eo]t (?:them|him|her|\w+) to (?:agree|accept|try|sign)|land(?:s|ed)? on|settle(?:s|d)? on|negotiat(?:e|es|ed|ing)|compromis(?:e|es|ed|ing)|"
    r"pilot(?:s|ed|ing)|test(?:s|ed|ing)|went back|go(?:es)? back|work(?:s|ed)? through|work(?:s|ed)? with [^.;]{0,30}? on|prov(?:e|es|ed|en)|demonstrat(?:e|es|ed)|us(?:e|es|ed)|review(?:s|ed)?|"
    r"analy[sz](?:e|es|ed)|gather(?:s|ed)?|collect(?:s|ed)?|compil(?:e|es|ed)|quantif(?:y|ies|ied)|calculat(?:e|es|ed)|benchmark(?:s|ed)?|track(?:s|ed)?|measur(?:e|es|ed)|"
    r"buil(?:t|d|ds) (?:a|the|our) (?:[\w-]+ )?(?:case|model)|wr(?:o|i)te(?:s)? up|argu(?:e|es|ed)|convinc(?:e|es|ed)|persuad(?:e|es|ed)|point(?:s|ed)? to|"
    # sizing it up: comparisons, estimates, timings, a test asked for
    r"compar(?:e|es|ed)|estimat(?:e|es|ed)|timed|simulat(?:e|es|ed)|projected|forecast(?:s|ed)?|sized|costed|back-?tested|went through|go(?:es)? through|took|takes?|reported|"
    r"made the (?:case|calculation|math)|ran the numbers|did the math|put together|asked for (?:a |an )?(?:pilot|test|trial))\b",
)
_EVIDENCE = compile_pattern(
    r"\d|\b(?:data|numbers|figures|tests?|tested|pilot|analysis|assessments?|audits?|research|recordings|interviews|logs|models?|modell?ed|evidence|results?|surveys?|study|rates?|rated|"
    r"worth|cheaper|costs? less|more than|less than|per (?:\w+)|higher|lower|cohort|control|holdout|calculation|"
    rf"{NUMBER_WORDS}|hundreds?|thousands?|dozens?)\b",
)
# A price paid for the customer: a delay, money, revenue or conversion accepted, traded or given up.
_COST = (
    r"(?:delay|later|quarter|weeks?|months?|launch date|revenue|income|float|fees?|margin|budget|cost|spend|\$|"
    r"£|€|conversion|completion|volume|target|deadline|headcount|%|fewer \w+|smaller|slower|lower|less|interchange|"
    r"gains?|growth|sales|deposits|funding)"
)
_TRADEOFF = compile_pattern(
    rf"\b(?:accept(?:ed|ing)?|agreed to (?:take|absorb|give|lose)|took (?:on )?(?:the |an? )?(?:extra|added|additional|higher|bigger)|argued for taking|chose to (?:give|pay|absorb|delay)|"
    rf"gave up|giving up|give up|sacrific\w+|forwent|forgo\w*|absorb(?:ed|ing)?|traded|trading)\b(?:[^.;]|\.\d){{0,60}}{_COST}"
    rf"|\b(?:at the (?:cost|price|expense) of|in exchange for|which cost us|costs? us|costing (?:us|the (?:company|business|bank|unit))|"
    # a cost already named, then owned: "I accepted that", "yes, we lose that"
    rf"(?:i|we) (?:\w+ )?accepted (?:that|it|this)\b|which (?:i|we) (?:\w+ )?accepted\b|(?:i|we) accepted (?:the|a|her|his|their) (?:condition|compromise|delay|hit|cost)|(?:we|i) (?:would |will )?(?:lose|give up) (?:that|it|this)\b|"
    rf"(?:which|that|it|this) meant [^.;]{{0,40}}{_COST}|"
    rf"pushed [^.;]{{0,30}}back (?:a|by|to|an|one|{NUMBER_WORDS}|\d+)\b|"
    # our own plan moved out or given up for it: "slipped to the next half", "we shelved the upsell"
    rf"slipped (?:to|into|until) (?:the )?(?:next|following|later)|(?:cancell?ed|shelved|scrapped|parked|deprioriti[sz]ed|dropped) "
    rf"(?:the |our |my |a )?(?:[\w-]+ ){{0,3}}(?:plan|feature|project|roadmap item|upsell|campaign|build|add-on)s?\b|"
    # the business's own number let fall for the customer: "interchange income dropped by roughly $300k"
    rf"(?:revenue|income|fees|sign-?ups|sales|margin|interchange|deposits|pipeline) (?:\w+ ){{0,2}}(?:fell|dropped|declined|shrank|went down|(?:was|were) down)\b|push(?:ed|es)? (?:the |our )?(?:launch|release|rollout|go-live|ship date) (?:back |out )?by\b|(?:we|i|would|will|to)\s+(?!could\b|might\b|may\b)(?:\w+\s+)?(?:lose|losing|lost)\b[^.;]{{0,40}}{_COST}|"
    rf"(?:we|i) paid (?:for|\$|£|€)|agreed to (?:fund|pay|cover|spend|carry|move)|"
    rf"even though (?:it|that|this) (?:meant|cost|costs|adds?|added|slow\w*|took|takes)|"
    rf"(?:revenue|income|fees) [^.;]{{0,20}}(?:lose|give up|forgo|forgo)|(?:made|took|accepted|chose|owned) the trade-?off|"
    rf"(?:explicit|deliberate|conscious) trade-?off|"
    rf"(?:ate|eat|eating|absorb\w*) the (?:cost|fee|fees|loss|losses)|take (?:a|the) (?:small |short-term )?hit|(?:agreed to|took on|took) (?:a|the) (?:[\w-]+ ){{0,2}}(?:delay|hit|cut|loss|drop|dip|slip)|"
    rf"willing to (?:lose|give up|slip|delay|accept|pay|wait)|"
    rf"(?:\b(?:i|we) (?:chose to |decided to |agreed to )?|(?<=^- )|(?<=^\* )|(?<=^• ))(?:slip|slipped|delay|delayed|postpone\w*|"
    rf"push(?:ed)? back|deferred) (?:the |our )?(?:(?:launch|release|rollout|go-live|ship date)|"
    # any of our own work held back by a stated time: "delayed the planned redesign by a quarter"
    rf"[^.;]{{0,40}}\bby (?:a|an|one|two|three|four|six|\d+) (?:days?|weeks?|months?|quarters?|sprints?)))",
)


# A stand in note form, the party then a colon and what it fears: "* Treasury: new exposure in 12 currencies".
_NOTE_STAND = compile_pattern(
    r"^\s*(?:[-*•]\s*)?(?:\*\*)?([\w' -]{2,30}?)(?:\*\*)?\s*:\s+"
    r"(?=[^.;]*\b(?:lose|losing|risk\w*|exposure|costs?|fewer|worse|slower|can't|cannot|won't|would|'d)\b)"
)
# A party named after the resistance: "objections from legal", "I pushed back on the sales team".
_FROM_PARTY = compile_pattern(
    r"^\s+(?:(?:came|was|were)\s+)?(?:from|on|with|against|between)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+)?$|"
    # the obstacle named by its party: "the biggest hurdle was compliance"
    r"^\s+(?:was|were)\s+(?:the\s+|our\s+)?$"
)


# A party passing on what customers said: "sales said applicants wanted more time".
_REPORTED = compile_pattern(r"\b(?:said|says|told (?:us|me)|reported|mentioned|explained|noted|heard|passed on)\b")


def _relayed(between: str, customer: Compiled) -> bool:
    """Whether the words between a party and a wish relay the customers' wish rather than the party's."""
    said = _REPORTED.search(between)
    return bool(said and customer.search(between, said.end()))


class _Named:
    """A named party's span, read like a match: a person or organisation by name ("Priya")."""

    def __init__(self, span: tuple[int, int]):
        self._start, self._end = span

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


# A party carried over from the sentence before: "Risk and the fraud unit were involved. Their fear was...".
_PRONOUN = compile_pattern(r"^\s*(?:[-*•]\s*)?(?:so,? |and |but )?(?:they|their|she|her|he|his)\b")


def _names_party(text: str, customer: Compiled, original: str, known: frozenset[str]) -> bool:
    """Whether the sentence ends on an internal party: one is named, and no customer after it (a
    name counts only where no customer is named at all: "tenants in Leeds" names a place)."""
    spans = [m.end() for m in _PARTY.finditer(text)]
    if not customer.search(text):
        spans += [b for _, b in names(original, known)]
    return bool(spans) and not customer.search(text, max(spans))


def _party_sentence(
    text: str, customer: Compiled, original: str = "", known: frozenset[str] = frozenset(), carried: bool = False
) -> re.Match[str] | None:
    """The resistance phrase of a sentence in which an internal party resists, unless negated:
    the party comes first ("Risk pushed back", "Priya pushed back") or is named after it
    ("objections from legal"). `original` is the sentence as written, where names keep their capitals."""
    for m in _SUBJECT_OBJECTS.finditer(text) if _OBJECTS_AT_ALL.search(text) else ():
        if not customer.fullmatch(m.group(1)) and not _NEGATED.search(text[: m.start(1)]):
            return m
    note = _NOTE_STAND.match(text)
    if note and (_PARTY.fullmatch(note.group(1)) or _BARE_PARTY.fullmatch(note.group(1))):
        return note
    parties: list = [*_PARTY.finditer(text), *map(_Named, names(original, known))]
    if carried and (pronoun := _PRONOUN.match(text)):
        parties.append(pronoun)
    subjects = list(_BARE_PARTY.finditer(text))
    if not parties and not subjects:
        return None
    # A clash noun names its party after it, never before; customers' disputes with us are not one.
    clashes = [m for m in _CLASH.finditer(text) if not customer.search(text, 0, m.start())]
    for m in (*_RESIST.finditer(text), *clashes):
        if _NEGATED.search(text[: m.start()]) or _HEDGED.search(text[: m.start()]) or _HEDGE.search(m.group(0)):
            continue
        # "Sales said applicants wanted more time" relays the customers' wish: nobody resists.
        before = m not in clashes and (
            any(0 <= m.start() - p.end() <= 80 and not _relayed(text[p.end() : m.start()], customer) for p in parties)
            or any(_SUBJECT_GAP.fullmatch(text[p.end() : m.start()]) for p in subjects)
        )
        after = any(_FROM_PARTY.match(text[m.end() : p.start()]) for p in parties if p.start() >= m.end())
        if before or after:
            return m
    return None


# An interviewer's probe for resistance ("Who disagreed?", "Any pushback?"), left out of the
# sentences but still in the text before the answer: a party named in reply is the one who resisted.
_PROBE = compile_pattern(
    r"\b(?:disagree\w*|resist\w*|push(?:ed)?[- ]?back|object\w*|against|friction|conflicts?|oppos\w*|obstacles?|"
    r"hurdles?|hardest|tensions?|argue\w*|fight)\b[^\n?]*\?"
)
_DENIED = compile_pattern(r"^\W*(?:no\b|nope|not really|nobody|no one|none|nothing|honestly,? no|not much)")


def _answers_probe(
    text: str, gap: str, customer: Compiled, original: str, known: frozenset[str]
) -> re.Match[str] | _Named | None:
    """The party named in reply to a probe for resistance in `gap`, the text just before the sentence."""
    if not _PROBE.search(gap) or _DENIED.match(text):
        return None
    party = _PARTY.search(text) or _BARE_PARTY.search(text)
    if party and not customer.search(text, 0, party.start()):
        return party
    return next((_Named(span) for span in names(original, known)), None)


def _parties(
    sentences, customer: Compiled, known: frozenset[str], gaps: dict[int, str]
) -> tuple[list[Evidence], list[int]]:
    """`friction.party` evidence for each (sentence, folded text) where an internal party resists;
    `known` holds the story's names, `gaps` the text left out before each sentence."""
    evidence, at = [], []
    carried = False
    for s, text in sentences:
        if m := _party_sentence(text, customer, s.text, known, carried) or _answers_probe(
            text, gaps.get(s.index, ""), customer, s.text, known
        ):
            at.append(s.index)
            evidence.append(Evidence("friction.party", "friction", s.start + m.start(), s.start + m.end(), s.index))
        carried = _names_party(text, customer, s.text, known)
    return evidence, at


@detector(
    "friction.resistance",
    signals={"friction.party": "friction", "friction.resolved": "friction", "friction.tradeoff": "friction"},
)
def resistance(doc: Document, rubric, found) -> Detection:
    """A named party resisting, then (in that sentence or the next few) the candidate's
    evidence-backed answer, and, once someone resisted, a cost accepted for the customer."""
    customer = vocab_regex(rubric, r"\b(?:{customer})\b")
    folded = [fold(s.text) for s in doc.sentences]
    told = [(s, text) for s, text in zip(doc.sentences, folded) if s.part != "S"]
    setup = [(s, text) for s, text in zip(doc.sentences, folded) if s.part == "S"]
    known = story_names(tuple(s.text for s in doc.sentences))
    gaps = {s.index: doc.text[prev.end : s.start] for prev, s in zip(doc.sentences, doc.sentences[1:])}
    evidence, party_at = _parties(told or setup, customer, known, gaps)
    # Resistance told as the setting ("the business team wanted an upsell before payment") is the
    # story's friction when nothing later names any, unless the story says everyone agreed.
    if not party_at and told and not found.of("friction.smooth"):
        evidence, party_at = _parties(setup, customer, known, gaps)
    # The answer may come in any part: a pilot is often told as the result.
    for s, text in zip(doc.sentences, folded):
        # within four sentences, or a few lines of talk where a transcript breaks sentences short
        if not any(s.index - p >= 0 and (s.index - p <= 4 or s.start - doc.sentences[p].end <= 300) for p in party_at):
            continue
        m = _ARGUE.search(text)
        if m and _EVIDENCE.search(text[m.start() :]):
            evidence.append(Evidence("friction.resolved", "friction", s.start + m.start(), s.start + m.end(), s.index))
    # A price paid only counts as a trade-off against someone; without a party there is none to find.
    for s, text in (told or setup) if party_at else ():
        m = _TRADEOFF.search(text)
        if m and not _NEGATED.search(text[: m.start()]):
            evidence.append(Evidence("friction.tradeoff", "friction", s.start + m.start(), s.start + m.end(), s.index))
    return Detection(tuple(evidence))
