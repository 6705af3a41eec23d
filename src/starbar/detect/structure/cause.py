"""The need behind the request: a stated problem contrasted with the real one, a solution that
turns away from the ask, and whether customers voiced the need or could not have."""

from __future__ import annotations

from ...parse import Document, Sentence
from ...parse.matcher import Compiled, compile_lower
from ..casefold import fold
from ..evidence import Detection, Evidence
from ..registry import detector
from .problem import REQUEST
from .regions import before_result, cite, setup_sentences, vocab_regex

DIMENSION = "root_cause"

# One verb group then its negation, so a regex tries the verbs once per position.
_NEG = r"(?:(?:was|were|is|are|did|had)(?: ?n[o']?t| not)|never)"
_PROBLEM_WORD = (
    r"(?:problem|issue|need|obstacle|bottleneck|question|cause|blocker|pain|story|point|gap|barrier|worry|fear|concern|"
    r"delay|driver|culprit|constraint)"
)
# The real problem named against the stated one, inside one sentence.
_CONTRAST = compile_lower(
    "|".join(
        (
            # "the problem wasn't the timeout", "the real issue was not speed"
            rf"\b(?:the|their|our)\s+(?:(?:real|actual|underlying|true|bigger|root)\s+)?{_PROBLEM_WORD}\s+{_NEG}\b",
            # "the form wasn't the obstacle", "fees were not the whole story"
            rf"\b{_NEG}\s+(?:really\s+|actually\s+|only\s+|just\s+)?(?:the|a|their|our)\s+(?:(?:real|actual|main|whole|only|underlying)\s+)?{_PROBLEM_WORD}\b",
            # "the real question was", "the underlying need"
            rf"\b(?:the|their)\s+(?:real|actual|underlying|true|deeper)\s+{_PROBLEM_WORD}\b",
            # "it wasn't about speed", "was not really about the fee"
            rf"\b{_NEG}\s+(?:really\s+|actually\s+|just\s+|only\s+)?about\b",
            # "what was really going on", "what had actually gone wrong"
            r"\bwhat (?:(?:was|had|has) )?(?:really|actually) (?:going on|happening|wrong|gone wrong|went wrong|happened|mattered)\b",
            # "what stopped them was the paperwork", "what held most owners back was"
            r"\bwhat (?:really |actually )?(?:stopped|blocked|held|kept|hurt|bothered|worried|scared|tripped)\s+(?:\w+\s+){0,3}?(?:was|were)\b",
            # "typos were the cause", "the fee was the main reason"
            r"\b(?:was|were)\s+the\s+(?:real\s+|main\s+|actual\s+|whole\s+|root\s+)?(?:cause|reason|culprit)\b",
            # "the advance was not what hurt", "speed wasn't what they needed"
            rf"\b{_NEG}\s+(?:really\s+)?what\s+(?:\w+\s+){{0,2}}?(?:hurt|mattered|needed|wanted|was wrong|cost them)\b",
            # "it wasn't another login they wanted", "was not speed people needed"
            rf"\b{_NEG}\s+(?:\w+\s+){{1,5}}?(?:they|people|customers|users)\s+(?:really\s+)?(?:wanted|needed|meant|were after|cared about)\b",
            # "the request was really a request to be left alone", "was actually about control"
            r"\b(?:was|were|is|are)\s+(?:really|actually)\s+(?:about\b|(?:a|an)\s+(?:\w+\s+)?(?:request|ask|question|need|problem|fear|worry|plea)\b)",
            # "the goal became keeping bills working": the brief itself rewritten
            r"\b(?:goal|aim|problem|job|question|brief)\s+(?:became|shifted|turned into)\b",
            # "the short payment was almost never the payer's fault"
            rf"\b(?:{_NEG}|(?:almost|mostly|usually)\s+never)\s+(?:really\s+)?(?:the\s+)?(?:\w+'s?\s+)?(?:fault|mistake|error|typos?|carelessness)\b",
            # "what they really needed was", "what vendors needed was"
            r"\bwhat\s+(?:\w+\s+){1,3}?(?:really\s+|actually\s+)?(?:needed|wanted|cared about|meant)\s+was\b",
            # "asked for a bigger limit, but what they really lacked was"
            r"\b(?:ask(?:ed|ing)?\s+for|wanted|requested|said|told\s+(?:us|me))\b[^.!?]{1,60}?\bbut\b[^.!?]{0,40}?\b(?:what|really|actually|the\s+real)\b|"
            # "tenants asked for chat, but the chats were all one question"
            r"\b(?:ask(?:ed|ing)?\s+for|requested)\b[^.!?]{1,80}?\bbut\s+(?:the|their|all|most|every|many|almost)\b[^.!?]{0,40}?\b(?:was|were|is|are)\b",
            # "it turned out the issue was", "the ask was X; the need was Y"
            rf"\bturned out\b[^.!?]{{0,40}}\b{_PROBLEM_WORD}\b|\bthe ask was\b[^.!?]*\bthe need was\b",
            # "the answer was not a cheaper X but no X" (not "it was not easy, but...")
            r"\bnot\s+(?:a|an|the|more|another|their|our)\s+\w+(?:\s+\w+){0,3}\s+but\s+(?!also\b)",
            # "it's not 'the app is ugly', it's 'I can't find my receipt'": the same thing said two ways
            r"\b(?:it|this|that)(?:'s| is| was)(?: ?n[o']?t| not)\s+(?:really\s+|just\s+)?[\"“'][^.;!?]{1,80}?[,;:—–][\"”']?\s*(?:it|this|that)(?:'s| is| was)\b",
            # "so it was matching, not reminders", "the delay was the paperwork, not our software"
            r"\b(?:it|this|that|the (?:real )?[\w-]+)(?:'s| is| was| were)\s+(?!an?\s)[^,.;:!?]{1,50},\s+not\b",
            # "the card fee was less than half of what they lost": the thing asked about was the smaller part
            r"\b(?:was|were)\s+(?:only\s+|just\s+)?(?:less than half|a (?:small |minor )?(?:part|fraction|slice)|the smaller part|not even half)\s+of\s+(?:the|their|what)\b",
            # "the calls were a symptom", "the dispute only happened because nobody called back"
            r"\bsymptoms?\b|\bonly (?:existed|happened|arose|came about|showed up) because\b",
            # "the refund form would have left the burden on the renter": the asked-for fix shifts the burden
            r"\bwould (?:only |just |still )?have (?:put|left|pushed|moved|shifted) (?:the |all the )?(?:work|burden|effort|onus|problem|risk|job) (?:on|onto|back)\b",
            # "I rewrote the task for myself as": the brief itself rewritten
            r"\brewr(?:o|i)te (?:it|the (?:task|goal|brief|problem|ask))\b",
            # "it was really a privacy worry more than wanting to scan receipts": the need weighed against the ask
            r"\b(?:was|were|is|are)\s+(?:really|actually|mostly|more)\s+(?:about\s+)?(?:a|an|the)?\s*[\w-]+(?:\s+[\w-]+)?\s+(?:thing|issue|problem|question|fear|worry|need)?\s*more than\b",
            # "would have solved the wrong problem", "unlocking didn't fix anything"
            r"\bwrong problem\b|\b(?:did ?n[o']?t|would ?n[o']?t|would not|did not)\s+(?:have\s+)?(?:fix|solve|help)(?:ed)?\s+(?:anything|the problem|much)\b",
            # "a longer deadline would have changed nothing for drivers"
            r"\bwould have (?:changed|fixed|solved|done|helped) (?:nothing|little)\b",
        )
    ),
)
# A denial answered in the same sentence: "owners weren't slow, they were hunting",
# "what riders described wasn't the price; it was the wait". Only a denial about the
# customers counts (their subject comes before it), never one about the team or a mood.
# Past tense only: a present-tense "the patient is not a ticket, the patient is the point" is a creed, not a finding.
_PAST_NEG = r"(?:(?:was|were|did|had)(?: ?n[o']?t| not)|never)"
_DENIED_THEN = compile_lower(
    rf"\b{_PAST_NEG}\b[^.;:!?]{{1,90}}?[;:,—–]\s*(?:but\s+|rather\s+|instead\s+)?(?:[\w']+\s+){{0,3}}?"
    r"(?:was|were|is|are|needed|wanted|had|knew|never|just|only|actually|really)\b|"
    # "they didn't need more X as much as they needed Y"
    r"\b(?:did ?n[o']?t|did not|do ?n[o']?t|do not)\s+(?:really\s+|actually\s+)?(?:need|want)\b[^.!?]{1,80}?\b(?:needed|wanted)\b",
)
_INSIDE = compile_lower(
    r"\b(?:I|we|team|risk|finance|legal|compliance|engineering|ops|operations|leadership|management|sales|marketing|"
    r"security|treasury|executives?|VP|director|CFO|CEO|boss|manager|stakeholders?|happy|thrilled|pleased|keen|convinced|"
    r"sure|easy|simple|on board|budget)\b",
)
# The customers as the subject of a denial: a customer noun or a word standing for them.
_CUSTOMER_SUBJECT = r"\b(?:{customer}|they|people|most|many|several|some|none|almost none|nobody)\b"
# Across two sentences: a short denial of the assumed cause, then what was really going on.
_DENIAL = compile_lower(rf"^[^,;:]{{0,60}}\b({_NEG})\b[^;:]{{0,60}}[.!]?$")
_NEG_WORD = compile_lower(rf"\b{_NEG}\b")
# Its subject right before it: "I saw that people weren't skipping the reminder."
_SUBJECT_DENIAL = rf"(?:{_CUSTOMER_SUBJECT})\s+(?:\w+\s+)?{_NEG}\b[^,;:]{{0,60}}[.!]?$"
_AFFIRM = compile_lower(r"^\W*(?:it|they|instead|rather|what|the real|most|their|he|she|each|every|people)\b")
# The solution turns away from the request.
_PIVOT = compile_lower(
    # Not a changed setting ("every second instead of every ten").
    r"\binstead\b(?! of (?:every|each|once|twice|\d|one|two|three|four|five|ten)\b)|\brather than\b|\breframed?\b|\bchanged the plan\b|"
    r"\bbefore (?:building|accepting|adding|shipping|we built|I built|committing to)\b|\bfrom [\"“][^\"”]{3,60}[\"”] to [\"“]",
)
# The solution told as the request granted: "as they asked".
_AS_ASKED = compile_lower(
    r"\bas (?:they|customers|users|members|people|requested|asked)\b(?: (?:had )?(?:asked|requested|wanted))?"
)
# Research that found why customers acted as they did: "they quit at upload because they hadn't...".
_FOUND_REASON = (
    r"\b(?:they|most|many|half|people|{customer})\s+(?:\w+\s+){0,2}?(?:quit|left|abandoned|dropped|gave up|stopped|called|phoned|failed|missed|"
    r"churned|cancell?ed|paused|hesitated|stalled|waited)\b[^.;!?]{0,60}?\bbecause\b"
)
# The cause a search ended at, which tells the search itself: "traced most of them to", "found most were a code mismatch".
_TRACED = compile_lower(
    r"\btraced (?:[\w-]+ ){0,6}?(?:back )?to\b|\b(?:came|boiled) down to\b|"
    r"\bfound (?:that )?(?:most|nearly all|almost all|the majority|half|\d+%)(?: of (?:them|the \w+|[\w-]+))? (?:were|was|came from|had)\b",
)
# What the research turned up, told as a finding the way people say it aloud: "what happens is,
# the page loses the session", "turns out they were home", "the thing is, ...".
_FINDING = compile_lower(
    r"\bwhat (?:really |actually )?(?:happens|happened|was happening|is happening) (?:is|was)\b|"
    # (not how cases ended: "low-value refunds seldom turned out fraudulent", "it turned out fine")
    r"\b(?:it )?(?<!never )(?<!rarely )(?<!seldom )(?<!hardly )turn(?:s|ed) out\b"
    r"(?!\s+(?:to be\s+)?(?:fine|well|ok|okay|great|good|badly|fraudulent|legitimate|genuine)\b)|"
    r"\bthe (?:other |real |whole )?thing (?:is|was)\b(?!\s+(?:done|over|finished|launched|shipped))"
)
# The customers named the deeper need themselves (level 3, not 4).
_VOICED = compile_lower(
    r"\b(?:told (?:me|us)|said(?: it)? (?:plainly|simply|straight out|outright|bluntly)|said to (?:me|us)|"
    r"(?:said|explained|kept saying) (?:that )?(?:they|their|the real|what they)|"
    r"put it (?:simply|plainly|bluntly|this way|best)|already (?:suspected|knew)|explained to (?:me|us)|"
    r"(?:said|told (?:me|us)|wrote) (?:it )?themselves|themselves (?:said|told|wrote|asked)|in their (?:own )?words|(?:said|wrote) the same\b)\b",
)
# Who spoke: a customer or a pronoun standing for customers, at most three words before the verb.
_SPEAKER = r"\b(?:{customer}|they|several|many|most|some|of them|\w+ of the \w+)\s+(?:[\w']+\s+){0,3}$"
# Customers could not have stated the need: nobody asked for it, nobody knew.
_UNARTICULATED = compile_lower(
    r"\b(?:no ?(?:body|one)|none(?: of them)?|not (?:a single|one)(?: \w+)?|no (?:single )?\w+)\s+"
    # "no one on the calls described it", "nobody had ever called to ask"
    r"(?:(?:in|on|of|from) (?:the |our |those )?\w+\s+)?(?:had\s+|has\s+|ever\s+|would\s+|was\s+|were\s+)*"
    r"(?:ask(?:ed|ing)?|mention(?:ed)?|sa(?:id|y)|wr(?:ote|itten)|rais(?:ed)?|nam(?:ed)?|request(?:ed|ing)?|put|complain(?:ed)?|told|knew|"
    r"called|describ(?:ed|es|e)|"
    r"connected|linked|noticed|reali[sz]ed|suspected|spotted|figured|thought (?:of|to)|could (?:tell|see|say|name))\b|"
    r"\bcould ?n[o']?t have (?:told|said|known|asked|named)|\bcould not have (?:told|said|known|asked|named)|"
    r"\b(?:did ?n[o']?t|did not) even know\b|\bcould ?n[o']?t (?:articulate|put (?:it )?into words)\b|"
    # "they never said so": the customers, not the candidate
    r"\bnever(?<!\bI never)(?<!\bwe never) (?:once )?(?:said|told (?:us|me|anyone)|mentioned|asked for|raised|named|put it)\b",
)
# Customers unaware of the cause: weaker evidence that they could not have asked for the fix.
_UNAWARE = compile_lower(
    r"\b(?:did ?n[o']?t know|did not know|had no idea|(?:was|were) unaware|never (?:knew|reali[sz]ed|noticed|saw)|"
    r"did ?n[o']?t (?:realise|realize|notice)|only found out|assumed|no way (?:of knowing|to know)|do(?:es)? ?n[o']?t know|do(?:es)? not know|"
    # Customers blaming the wrong thing or believing in the wrong fix.
    r"(?:think|thought|believed|blamed) (?:it (?:is|was) |that it was )?(?:us|our (?:app|fault|mistake)|the app)|"
    r"themselves (?:believed|thought|assumed)|"
    # the customer's mistaken belief told in the second person: "you come back and you think it failed"
    r"(?:they|you|people) (?:just )?(?:think|thought|assume|believe|believed) (?:that )?(?:the|their|your|it|they|you)\b(?=[^.;]{0,40}\b(?:failed|broke|lost|gone|declined|rejected|stolen|wrong)))\b",
)

# What the research turned up, stated as the candidate's finding: "and saw that accounts that...".
_LEARNED = compile_lower(
    r"\b(?:found|saw|learn(?:ed|t)|noticed|reali[sz]ed|discovered|spotted|showed|revealed) (?:that|how|why)\b|\bturned out\b"
)

# Trying out what was built, or checking that the ask was real, rather than asking why it was wanted.
_TRIAL = compile_lower(
    r"\b(?:beta|pilot(?:ed)?|prototyp\w+|A/B|soft[- ]launch\w*|rolled (?:it )?out to|"
    r"confirm(?:ed|ing|s)?|validat(?:ed|ing|es?)|verif(?:ied|y|ying)|backed (?:it |this )?up|proved (?:it )?right)\b",
)

# The candidate as the one doing the research, just before its verb.
_RESEARCHER = compile_lower(r"\b(?:I|we)\s+(?:\w+\s+){0,2}$")


def _contrasts(
    sentences: list[Sentence], folded: list[str], subject: Compiled, subject_denial: Compiled
) -> list[Evidence]:
    """`folded`: every sentence of the story folded (see casefold), by sentence index."""
    found = []
    for i, s in enumerate(sentences):
        text = folded[s.index]
        denied = _DENIED_THEN.search(text)
        # The denial's own subject (the words just before it) must be the customers, not the team.
        if denied and (
            _INSIDE.search(text[max(0, denied.start() - 25) : denied.start()])
            or not subject.search(text[: denied.start()])
        ):
            denied = None
        if m := _CONTRAST.search(text) or denied:
            found.append(cite("cause.contrast", DIMENSION, s, m))
        elif (
            i + 1 < len(sentences)
            and _AFFIRM.match(folded[sentences[i + 1].index])
            and (
                (
                    (d := _DENIAL.match(text.strip()))
                    and not _INSIDE.search(text)
                    and subject.search(text.strip()[: d.start(1)])
                )
                or (_NEG_WORD.search(text) and subject_denial.search(text.strip()))
            )
        ):
            found.append(
                Evidence("cause.contrast", DIMENSION, s.start, s.end, s.index, note="denial, then the real cause")
            )
    return found


def _voiced(
    sentences: list[Sentence], folded: list[str], speaker: Compiled, research_from: int | None, requests: set[int]
) -> list[Evidence]:
    """Customers stating the need after the candidate went to them (a request itself is not that)."""
    if research_from is None:
        return []
    found = []
    for s in sentences:
        if s.index < research_from or s.index in requests:
            continue
        text = folded[s.index]
        for m in _VOICED.finditer(text):
            # "in their own words" names its speaker itself.
            # The speaker is at most a few words back; a short window keeps the `$`-anchored search cheap.
            if speaker.search(text[max(0, m.start() - 60) : m.start()]) or m.group().lower().startswith("in their"):
                found.append(cite("cause.voiced", DIMENSION, s, m))
                break
    return found


@detector(
    "cause.reframe",
    signals={
        f"cause.{n}": DIMENSION
        for n in ("contrast", "pivot", "reframe", "voiced", "unarticulated", "unaware", "probed")
    },
)
def reframe(doc: Document, rubric, found) -> Detection:
    """A stated problem contrasted with the real one (in a sentence or a denial and its answer),
    a solution that turns away from the ask, and who could have named the need."""
    told = before_result(doc)
    # Every pattern here, the rubric's vocabulary patterns and REQUEST included, matches folded text.
    folded = [fold(s.text) for s in doc.sentences]
    research = sorted(found.sentences_with("insight.method", "insight.counted"))
    first_research = research[0] if research else None
    requests = found.sentences_with("cause.request")
    contrasts = _contrasts(told, folded, vocab_regex(rubric, _CUSTOMER_SUBJECT), vocab_regex(rubric, _SUBJECT_DENIAL))
    # A solution turned away from the ask only counts once the candidate had looked for a cause.
    pivots = [
        cite("cause.pivot", DIMENSION, s, m)
        for s in told
        if first_research is not None
        and s.index >= first_research
        and (m := _PIVOT.search(folded[s.index]))
        and not _AS_ASKED.search(folded[s.index])
    ]
    # A reason for what customers did, found by the research itself, names the cause beneath the ask.
    found_reason = vocab_regex(rubric, _FOUND_REASON)
    contrasts += [
        cite("cause.contrast", DIMENSION, doc.sentences[i], m)
        for i in research
        if (m := found_reason.search(folded[i]))
    ]
    contrasts += [cite("cause.contrast", DIMENSION, s, m) for s in told if (m := _TRACED.search(folded[s.index]))]
    contrasts += [
        cite("cause.contrast", DIMENSION, s, m)
        for s in told
        if first_research is not None and s.index >= first_research and (m := _FINDING.search(folded[s.index]))
    ]
    unarticulated = [
        cite("cause.unarticulated", DIMENSION, s, m) for s in told if (m := _UNARTICULATED.search(folded[s.index]))
    ]
    unaware = [cite("cause.unaware", DIMENSION, s, m) for s in told if (m := _UNAWARE.search(folded[s.index]))]
    evidence = contrasts + pivots + unarticulated
    # The need differs from the request: said outright, shown by turning the solution away from
    # the obvious fix after research, or implied by research finding what customers could not have
    # named, or did not know, behind what they asked for.
    found_unaware = (
        [e for e in unaware if first_research is not None and e.sentence >= first_research] if requests else []
    )
    grounds = contrasts or pivots or ((unarticulated or found_unaware) if research else [])
    if grounds:
        first = grounds[0]
        evidence.append(Evidence("cause.reframe", DIMENSION, first.start, first.end, first.sentence))
    evidence += _voiced(told, folded, vocab_regex(rubric, _SPEAKER), first_research, requests)
    evidence += unaware
    # Looked into the request without reframing it: some why-analysis. Trying out the build
    # (a beta, a pilot) is not looking into why customers asked.
    # In the sentence telling the request, only the candidate's own research counts ("I surveyed
    # 800 guests: they wanted..."), not words of the request read as a method.
    # Buzzwords ("a holistic look at the customer journey") are not a probe unless something was counted.
    hollow = found.sentences_with("insight.vague") - found.sentences_with("insight.counted")
    probes = sorted(
        e.sentence
        for e in found.of("insight.method", "insight.immersive")
        if e.sentence not in hollow
        and not _TRIAL.search(folded[e.sentence])
        and (e.sentence not in requests or _RESEARCHER.search(fold(doc.text[max(0, e.start - 30) : e.start])))
    )
    # Research into a request or into the complaint the setup tells ("users kept telling us the categories were wrong"),
    # or research that states what it found ("we looked at the cancellations and saw that...").
    asked = bool(requests) or any(REQUEST.search(folded[s.index]) for s in setup_sentences(doc))
    learned = [i for i in probes if _LEARNED.search(folded[i])]
    if learned and not asked:
        probes = learned
    if probes and (learned or asked):
        s = doc.sentences[probes[0]]
        evidence.append(Evidence("cause.probed", DIMENSION, s.start, s.end, s.index, note="research into a request"))
    return Detection(tuple(evidence))
