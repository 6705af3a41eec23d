"""What a single sentence says about its STAR part, from its wording alone.

Each cue is a family of phrasings (verb families, paraphrases), not a memorised sentence.
`part_scores` returns a log-odds-like score per part; parts.py adds position and order.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Talk about the story rather than the story: "I'll talk about...", "a good example is when...".
_PREAMBLE = re.compile(
    r"\b(?:I(?:'ll| will|'d| would| want to|'m going to| can)\s+(?:probably\s+|like to\s+|love to\s+)?(?:talk|tell you|share|describe|go with|pick|use)|"
    r"let me (?:tell|talk|share|walk)|^\W*(?:tell me about|describe|give me an example of|can you tell me about) a time|the question (?:is|was)\b|"
    r"(?:a|my|the|one)\s+(?:good|great|best|favou?rite|strongest|clearest)\s+(?:one|example|story|case)|"
    r"this (?:one|story|example)(?:'s| is| was)\s+(?:from|about)|this is (?:a|my|the) (?:story|example|time) (?:about|from|of|when)|"
    r"(?:an?|one) (?:example|time|story) (?:is|was|would be) (?:when|from|at)|"
    r"customer obsession|leadership principles?|(?:good|great|interesting) question|"
    r"(?:core|heart) of (?:who I am|what I do|how I work)|"
    r"I (?:always|truly|strongly|deeply|firmly) (?:believe|start|care|think)|I believe (?:that )?(?:the best|great|every))",
    _I,
)
_FILLER_ONLY = re.compile(r"^\W*(?:(?:um+|uh+|okay|ok|so|sure|yeah|yes|well|right|alright)\W*)+$", _I)
_FILLER_OPENING = re.compile(r"^\W*(?:um+|uh+|okay|ok|so|sure|yeah|yes|well|right|alright|great question)\b[\s,.!-]", _I)

# Closing words and reflection: lessons, what the story shows, results not known yet.
_REFLECTION = re.compile(
    r"\b(?:(?:the|my|a|one|biggest|key|main|big|real|important) lessons?\b(?! (?:plans?|content|modules?|videos?))|"
    r"lessons? (?:learned|learnt|for me|here)|learnings\b|(?:biggest|key|main|big) learning|"
    r"(?:I|we) (?:learned|learnt) (?:that|a lot|how|the hard way)|takeaways?|in hindsight|looking back|(?:would|'d) (?:do|have done) (?:it )?differently|"
    r"(?:took|take) (?:away )?from (?:it|this|that)|taught me|if I (?:did|had to do|were to do) (?:it|this) again|next time I|"
    r"(?:it|this|that) (?:really )?shows (?:that|how|what)|that's (?:kind of |really )?(?:the one|how I|why I|what I)|"
    r"(?:the one|example) I'm (?:most )?proud|proudest|mindset|I (?:would|will|'d) bring|to this role|"
    r"(?:don't|do not|didn't) (?:yet )?have (?:the |any )?(?:final |hard )?(?:numbers|data|results|metrics)|"
    r"(?:still|currently) being (?:rolled out|built|tested)|too early to (?:tell|say)|"
    r"(?:next (?:quarter|year|half|month)|going forward),? we (?:plan|will|want|hope)|we (?:plan|hope) to (?:roll|expand|extend)|"
    r"I left (?:the company|the team|before|for)|from what I(?:'ve)? hear)",
    _I,
)
_CLOSING_FILLER = re.compile(r"^\W*(?:so,? )?(?:yeah|anyway|and,? yeah)\b", _I)

# The setting: the company, the role held, the customers' complaint or request, the problem.
_SITUATION = re.compile(
    r"(?:^\W*(?:back |so )?(?:at|while at|when I (?:joined|was at|worked at))\s+[A-Z]|\b(?:in|at) my (?:last|previous|first|old) (?:role|job|company|employer)\b|"
    r"\bI (?:ran|led|managed|headed) (?:the |our )?[\w-]+(?: [\w-]+)? (?:experience|team|product|app|flow|squad|area|function|business)\b|"
    r"\bI was (?:a |an |the )?(?:senior |lead |principal |group |associate )?(?:PM|product manager|product owner|product lead|head of|on the|at|working)\b|"
    r"\bI (?:worked|was working) (?:at|on|for)\b|"
    r",? (?:an?|the) [\w-]+(?: [\w-]+)? (?:app|bank|platform|company|startup|provider|lender|insurer|processor|marketplace|fintech|retailer|service|network|union)\b|"
    r"\b(?:kept|were|was|had been|started) (?:asking|requesting|complaining|telling us|calling|writing in)|"
    r"\b(?:top|biggest|most common|number one|main|single biggest|most upvoted|recurring) (?:complaint|request|ask|pain|reason|issue|idea|feature)|"
    r"\b(?:complaints?|frustrat\w*|annoyed|upset|angry|furious|unhappy|confused|struggling|locked out)\b|"
    r"\bthe (?:situation|problem|issue|context|background|challenge|setup)(?: was| is|:)|"
    r"\b(?:that|this) (?:was|is) (?:kind of |basically |really )?the (?:situation|context|problem|setup|background)\b|"
    r"\b(?:it|this|that|we) (?:was|is|were) (?:an?|the) (?:[\w-]+ ){0,3}(?:company|startup|bank|app|platform|fintech|lender|"
    r"insurer|marketplace|business|provider|team)\b|"
    r"\b(?:feature requests?|requests? (?:we|I) (?:got|kept|heard|received)|upvoted)\b|"
    r"\bonly (?:showed|supported|allowed|offered|let|had)\b|"
    r"\bwe had (?:a|an) [\w-]+ problem|\bwas (?:already )?on the roadmap|\b(?:leadership|the company)(?:'s)? (?:plan|answer|wanted)|"
    r"\bthe (?:ask|request)(?:,| was| from)\b|"
    r"\b(?:customers|users|members|merchants|clients|borrowers|applicants|policyholders|patients|sellers|buyers|"
    r"cardholders|people|shoppers|owners)\b (?:\w+ )?(?:asked|requested|wanted|complained|brought it up|mentioned|raised|kept|"
    r"were (?:asking|dropping|leaving|waiting|churning|abandoning)))",
    _I,
)

# The candidate's assignment: goal, job, mandate, a target to reach.
_TASK = re.compile(
    r"\b(?:my (?:goals?|tasks?|job|mandate|mission|objectives?|targets?|remit|brief|charter)\b|(?:we|I) set out to\b|"
    r"(?:the|our|team's) (?:goal|task|objective|mandate|target|mission) (?:was|is|became)\b|"
    r"I was (?:asked|tasked|brought in|pulled in|charged|hired|responsible|accountable|on the hook)\b|"
    r"I was (?:the |a |an )?(?:[\w-]+ ){1,3}(?:accountable|responsible|on the hook) for\b|"
    r"I (?:set|agreed|committed to) (?:the |a |our |my |clear )?(?:targets?|goals?|success metrics?|success criteria)\b|"
    r"I got (?:pulled|brought|asked|put) (?:in|on)|"
    r"(?:manager|boss|director|VP|lead|head of \w+|CEO|CPO|CTO|GM) (?:asked|told|wanted|charged|tasked|challenged) (?:me|us) to|"
    r"(?:challenge|question|mission|job|brief|ask|mandate) (?:for me |for us |I took on |I had )?(?:was|became) (?:to|how to)\b|"
    r"I (?:wanted|had|needed|set out) to (?:cut|reduce|raise|increase|get|bring|fix|make|find|halve|double|lower|stop)\b|"
    r"I (?:set (?:myself|us|the team) (?:a |the )?(?:goal|target)|aimed to|needed to (?:cut|reduce|raise|increase|get|bring|fix|make))\b|"
    r"(?:goal|target|aim) of (?:cutting|reducing|raising|increasing|getting|bringing|halving|doubling))",
    _I,
)
# A target with a deadline in the imperative, as under a stripped "Goal:" ("Cut X by 30% within a year").
_TARGET = re.compile(
    r"^\W*(?:to )?(?:cut|reduce|raise|increase|bring|halve|double|lower|grow|improve|close|get|make)\b"
    r"(?=[^.]*\b(?:within|by the end of|this year|this quarter|next year|by Q\d|in \w+ (?:months|quarters|weeks)|before)\b)",
    _I,
)
# Owning an area is a weaker sign: it also introduces the setting ("At X, I owned onboarding").
_OWNED = re.compile(r"\bI (?:owned|own|took on|took ownership|was the owner)\b", _I)
# A past continuous paints the background ("the market was moving fast").
_BACKGROUND = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+|still\s+|also\s+|always\s+|constantly\s+|already\s+)?(?!going\b)\w{3,}ing\b|"
    r"\b(?:it was|I was in) my first (?:year|month|months|weeks|quarter)\b",
    _I,
)
# A launch told as an event, not as the candidate's act ("The dashboard launched in May").
_LAUNCHED = re.compile(r"^(?!\W*(?:I|we|so I|so we|and I|and we)\b).*\b(?:launched|shipped|went live|was released)\b", _I)
# Others' work credited inside the Action ("Engineering built the model").
_OTHERS_ACTED = re.compile(r"\b(?:built|implemented|delivered|did the (?:hard )?work|set up|integrated|wired)\b", _I)

# What was done: first-person verbs of research, decision, persuasion and building.
_ACTION = re.compile(
    r"(?:\b(?:I|we)(?: \w+ly| also| then| first| finally| still| had| had to)?\s+(?:pulled|read|ran|called|interviewed|sat|listened|watched|"
    r"analy[sz]ed|reviewed|tagged|mapped|dug|looked|went|talked|spoke|asked|surveyed|tested|prototyped|proposed|pushed|argued|"
    r"made|wrote|built|designed|shipped|worked|partnered|convinced|brought|showed|shared|presented|negotiated|agreed|decided|"
    r"changed|moved|set up|added|removed|replaced|scoped|reframed|accepted|traded|escalated|modell?ed|measured|tracked|"
    r"coordinated|led|drove|aligned|got|started|began|spent|joined|sampled|segmented|compared|matched|found|noticed|realized|"
    r"realised|learned that|checked|chose|picked|cut|dropped|killed|kept|insisted|pitched|rewrote|redesigned|simplified|"
    r"introduced|piloted|launched|rolled|went back|took|gave|offered|paired|hired|involved|facilitated|sent|held|"
    r"used|applied|secured|won|persuaded|set|"
    r"split|combined|limited|capped|required|defined|documented|specced|drafted|validated|iterated|instrumented)\b|"
    r"\b(?:pushed back|objected|resisted|opposed|pushback|push back|trade-?offs?|concerns?|worried|disagreed|skeptic\w*|sceptic\w*)\b|"
    r"\b(?:wasn't|weren't|didn't|isn't|aren't)\b[^.;]{0,60}[,;:]\s*(?:it|they|the \w+|what they|people) (?:was|were|wanted|needed|just)\b|"
    r"\b(?:turned out|the real (?:problem|issue|question|reason|need)|the pattern|jumped out|"
    r"what (?:they|customers|users|people|members|merchants|the \w+) (?:told|said|kept saying|described|wanted)|nobody (?:had )?(?:asked|said|mentioned))\b|"
    r"\b(?:I|we) (?:go|sit|pull|call|talk|look|run|dig|propose|suggest|pitch|push|show|build|test|ask|agree|bring|take)s?\b|"
    r"\b(?:suggested|recommended|pitched|advocated|championed|lobbied)\b|"
    r"\b(?:was|were|got) (?:conducted|kicked off|designed|delivered|built|done|put in place|written|navigated|synthesized|"
    r"synthesised|created|implemented|developed|ensured|made)\b|"
    r"^\W*(?:joined|matched|interviewed|proposed|built|ran|pulled|analy[sz]ed|designed|launched|tested|wrote|reviewed|"
    r"partnered|worked|led|created|defined|shadowed|surveyed|mapped)\b)",
    _I,
)

# What came of it: a change in a measure, after launch, as a result.
_RESULT = re.compile(
    r"\b(?:as a result|the results? (?:was|were|is|are)\b|results?:|in the end|ultimately|by the end of|after (?:launch|rollout|the (?:launch|rollout|change|test))|"
    r"(?:after|once) (?:we|it) (?:launched|shipped|rolled)|over the (?:next|following) \w+|since (?:launch|then)|"
    r"(?:month|quarter|year|weeks?|months?) after (?:launch|rollout|we)|"
    r"(?:fell|dropped|rose|grew|increased|decreased|declined|improved|climbed|doubled|halved|tripled|shrank|jumped|went (?:up|down|from)|"
    r"came down|reduced|recovered|saved|stayed|remained|cut|lowered|raised|boosted|lifted)\b[^.;]*?\d|"
    r"from \$?\d[\d.,]*\s?(?:%|percent|[kKmM]\b)? to \$?\d|\d+(?:\.\d+)?\s?(?:%|percent|points?) (?:fewer|more|less|lower|higher|drop|reduction|increase|improvement)|"
    r"(?:nps|csat|satisfaction|retention|churn|conversion)\b[^.]*?\b(?:improved|went up|rose|increased|grew)|"
    r"(?:customers|users|members|merchants|clients|patients|they) (?:were|was|are) (?:really )?(?:happy|delighted|thrilled)|"
    r"(?:halved|doubled|tripled|cut [\w-]+(?: [\w-]+){0,3} in half)\b|\b(?:now|these days) (?:take|takes|arrive|arrives|get|gets|land|lands|clear|clears|close|closes)\b|"
    r"(?:on time|under budget|on budget|ahead of schedule)\b|"
    r"(?:shipped|launched|went live) (?:on time|on schedule)|it (?:shipped|launched|went live)\b|helped a lot|"
    r"(?:audit|launch|rollout|release|pilot|project|it) (?:went (?:through|(?:really |very )?(?:well|smoothly|great))|passed|succeeded)|"
    r"(?:customers|users|members|merchants|clients|borrowers|patients|they) (?:loved|love|praised|thanked))",
    _I,
)
# "...and here's how": the opening of a story told result-first.
_HERES_HOW = re.compile(r"\b(?:here's how|here is how|this is how|let me (?:explain|tell you|walk you through) how)\b", _I)
_NUMBER = re.compile(r"\d")
_FIRST_PERSON = re.compile(r"\b(?:I|we)\b", _I)


def part_scores(sentence: str) -> dict[str, float]:
    """Score each part for one sentence from its wording; 0 means no evidence either way."""
    scores = {"O": -2.0, "S": 0.0, "T": -2.5, "A": 0.0, "R": -0.5}
    if _PREAMBLE.search(sentence):
        scores["O"] += 4.0
    if _FILLER_ONLY.match(sentence):
        scores["O"] += 4.0
    elif _FILLER_OPENING.search(sentence):
        scores["O"] += 0.8
    if _REFLECTION.search(sentence):
        scores["O"] += 5.0
    if _CLOSING_FILLER.search(sentence):
        scores["O"] += 1.5
    if _SITUATION.search(sentence):
        scores["S"] += 1.5
    if _BACKGROUND.search(sentence):
        scores["S"] += 0.7
    task = bool(_TASK.search(sentence))
    if task:
        scores["T"] += 4.0
    elif _TARGET.search(sentence):
        scores["T"] += 3.0
    elif _OWNED.search(sentence):
        scores["T"] += 2.0
    if _ACTION.search(sentence):
        scores["A"] += 1.5
    elif _OTHERS_ACTED.search(sentence):
        scores["A"] += 0.8
    # A target in a goal ("from 77% to 90%") is not a result.
    if _RESULT.search(sentence) and not task:
        scores["R"] += 2.5
    if _HERES_HOW.search(sentence):
        scores["R"] += 2.5
    if _LAUNCHED.search(sentence):
        scores["R"] += 1.5
    if not _NUMBER.search(sentence) and not _FIRST_PERSON.search(sentence):
        scores["R"] -= 0.5
    return scores
