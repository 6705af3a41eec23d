"""What a single sentence says about its STAR part, from its wording alone.

Each cue is a family of phrasings (verb families, paraphrases), not a memorised sentence.
`part_scores` returns a log-odds-like score per part; parts.py adds position and order.
"""

from __future__ import annotations

from .matcher import compile_lower
from .quantities import NUMBER_WORDS

# A cue is written in natural case and matched against lower-cased text (see lower_pattern).
_cue = compile_lower


# Put before a long alternation whose branches all start at a word's edge, it skips the
# positions inside a word at once: the same matches, found faster.
_NOT_MID_WORD = r"(?!(?<=\w)\w)"

# Talk about the story rather than the story: "I'll talk about...", "a good example is when...".
_PREAMBLE = _cue(
    r"\b(?:I(?:'ll| will|'d| would| want to|'m going to| can)\s+(?:probably\s+|like to\s+|love to\s+)?(?:talk|tell you|share|describe|go with|pick|use)|"
    r"let me (?:tell|talk|share|walk)|^\W*(?:tell me about|describe|give me an example of|can you tell me about) a time|the question (?:is|was)\b|"
    r"(?:a|my|the|one)\s+(?:good|great|best|favou?rite|strongest|clearest)\s+(?:one|example|story|case)|"
    r"this (?:one|story|example)(?:'s| is| was)\s+(?:from|about)|this is (?:a|my|the) (?:story|example|time) (?:about|from|of|when)|"
    r"(?:an?|one) (?:example|time|story) (?:is|was|would be) (?:when|from|at)|"
    r"customer obsession|leadership principles?|(?:good|great|interesting) question|"
    r"I(?:'ll| will|'d like to| would like to) tell (?:you )?about|the (?:one|story|example) I(?:'d| would) like to (?:tell|share|talk about)|"
    r"this one(?:'s| is) not\b|I(?:'m| am) (?:a |an )?(?:very |really |deeply |truly )?[\w-]+ (?:person|kind of (?:person|PM))\b|"
    r"(?:core|heart) of (?:who I am|what I do|how I work)|"
    r"I (?:always|truly|strongly|deeply|firmly) (?:believe|start|care|think)|I believe (?:that )?(?:the best|great|every))",
)
_FILLER_ONLY = _cue(r"^\W*(?:(?:um+|uh+|okay|ok|so|sure|yeah|yes|well|right|alright)\W*)+$")
_FILLER_OPENING = _cue(r"^\W*(?:um+|uh+|okay|ok|so|sure|yeah|yes|well|right|alright|great question)\b[\s,.!-]")

# Closing words and reflection: lessons, what the story shows, results not known yet.
_REFLECTION = _cue(
    r"\b(?:(?:the|my|a|one|biggest|key|main|big|real|important) lessons?\b(?! (?:plans?|content|modules?|videos?))|"
    r"lessons? (?:learned|learnt|for me|here)|learnings\b|(?:biggest|key|main|big) learning|"
    r"(?:I|we) (?:learned|learnt) (?:that|a lot|how|the hard way)|takeaways?|in hindsight|looking back|(?:would|'d) (?:do|have done) (?:it )?differently|"
    r"(?:took|take) (?:away )?from (?:it|this|that)|taught me|if I (?:did|had to do|were to do) (?:it|this) again|next time I|"
    r"(?:would|'d) have [^.;]{0,60}\b(?:earlier|sooner|differently|from the start|from day one)\b|"
    r"(?:it|this|that) (?:really )?shows (?:that|how|what)|that's (?:kind of |really )?(?:the one|how I|why I|what I)|"
    r"(?:the one|example) I(?:'m| am) (?:most )?proud|proudest|mindset|I (?:would|will|'d) bring|to this role|"
    r"(?:don't|do not|didn't) (?:yet )?have (?:the |any )?(?:final |hard )?(?:numbers|data|results|metrics)|"
    r"(?:still|currently) being (?:rolled out|built|tested)|too early to (?:tell|say)|"
    r"(?:next (?:quarter|year|half|month)|going forward),? we (?:plan|will|want|hope)|we (?:plan|hope) to (?:roll|expand|extend)|"
    r"I left (?:the company|the team|before|for)|from what I(?:'ve)? hear|"
    r"I (?:joined|moved to|went to|left for) (?:another|a different|a new) (?:company|team|role|job|org)|"
    r"(?:outcome|results?|numbers|impact) (?:was|were) never (?:shared|measured|reported|published|tracked)|"
    r"no (?:data|numbers|results|metrics) (?:on it |for it )?yet|(?:it's|it is|we're|we are) (?:still )?in (?:testing|beta|pilot) now|"
    r"(?:goes|going|will go|is going) live (?:for|in|next|this|later)|launch(?:es|ing) (?:next|later this|in the) (?:quarter|month|year|week|spring|summer|autumn|fall|winter)|"
    r"(?:I'm|I am|we're|we are) (?:pretty |fairly |very |quite )?(?:confident|hopeful|optimistic) (?:that )?(?:it|this|they|we|[a-z]+s)? ?(?:will|'ll|is going to|are going to)|"
    r"I (?:think|expect|believe) (?:it|this|that) (?:will|'ll|is going to))",
)
_CLOSING_FILLER = _cue(r"^\W*(?:so,? )?(?:yeah|anyway|and,? yeah)\b")

# The setting: the company, the role held, the customers' complaint or request, the problem.
_SITUATION = _cue(
    _NOT_MID_WORD
    + r"(?:^\W*(?:back |so )?(?:at|while at|when I (?:joined|was at|worked at))\s+[A-Z]|\b(?:in|at) my (?:last|previous|first|old) (?:role|job|company|employer)\b|"
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
)

# The candidate's assignment: goal, job, mandate, a target to reach.
_TASK = _cue(
    r"\b(?:my (?:goals?|tasks?|job|mandate|mission|objectives?|targets?|remit|brief|charter)\b|(?:we|I) set out to\b|"
    r"(?:the|our|team's) (?:goal|task|objective|mandate|target|mission) (?:was|is|became)\b|"
    r"I was (?:asked|tasked|brought in|pulled in|charged|hired|responsible|accountable|on the hook)\b|"
    r"I was (?:the |a |an )?(?:[\w-]+ ){1,3}(?:accountable|responsible|on the hook) for\b|"
    r"I (?:set|agreed|committed to) (?:the |a |our |my |clear )?(?:targets?|goals?|success metrics?|success criteria)\b|"
    r"I got (?:pulled|brought|asked|put) (?:in|on)|I got (?:asked|tasked|told|assigned) to\b|"
    # "it landed on my team", "it fell to me", and a goal given as a label mid-text: "Target: halve the gap"
    r"\b(?:landed|fell) (?:on|to) (?:me|my (?:team|desk|plate))\b|\b(?:goal|target|aim|objective|mandate|task|brief)s?:\s|"
    r"(?:manager|boss|director|VP|lead|head of \w+|CEO|CPO|CTO|GM) (?:asked|told|wanted|charged|tasked|challenged) (?:me|us) to|"
    r"(?:challenge|question|mission|job|brief|ask|mandate) (?:for me |for us |I took on |I had )?(?:was|became) (?:to|how to)\b|"
    r"I (?:wanted|had|needed|set out) to (?:cut|reduce|raise|increase|get|bring|fix|make|find|halve|double|lower|stop)\b|"
    r"I (?:set (?:myself|us|the team) (?:a |the )?(?:goal|target)|aimed to|needed to (?:cut|reduce|raise|increase|get|bring|fix|make))\b|"
    r"(?:goal|target|aim) of (?:cutting|reducing|raising|increasing|getting|bringing|halving|doubling)|"
    # "my aim was", "my role was", "what I signed up for", "I took on fixing it", "with a target of"
    r"my (?:aim|role|part) (?:here |there )?(?:was|is|became)\b|I (?:aimed|was aiming|signed up|set myself)\b|\baimed to\b|"
    r"what (?:I|we) (?:signed up for|took on|committed to|(?:wanted|needed|was after|were after) (?:was|were))|"
    r"I took (?:it|this|that) on\b|I took on (?:\w+ing|the (?:job|task|goal|challenge))\b|"
    r"I took (?:full |clear |end-to-end |sole )*ownership\b|I was (?:given|handed) (?:ownership|the (?:job|task|brief|goal|target))|"
    r"(?:with|and) (?:a|an|the|my) (?:clear |plain |simple |explicit |ambitious |hard )?(?:target|goal|mandate|brief) (?:of|to)\b|"
    r"I set (?:a |an |the |my |our )?(?:clear |plain |simple |explicit |ambitious |hard )?(?:target|goal)\b|"
    r"(?:was|were) (?:mine|my (?:product|area|remit|problem|call))\b|"
    r"(?:manager|boss|director|VP|head of \w+|CEO|CPO|COO|CTO|GM) (?:gave|handed|assigned) (?:me|us|it to me)\b|"
    r"\b(?:I|we) (?:wanted|hoped|were trying|was trying) to (?!understand|know|see|find|learn|check|test|talk|ask|hear|make sure|dig|look|figure)[a-z]+)",
)
# A target with a deadline in the imperative, as under a stripped "Goal:" ("Cut X by 30% within a year").
_TARGET = _cue(
    r"^\W*(?:to )?(?:cut|reduce|raise|increase|bring|halve|double|lower|grow|improve|close|get|make)\b"
    r"(?=[^.]*\b(?:within|by the end of|this year|this quarter|next year|by Q\d|in \w+ (?:months|quarters|weeks)|before)\b)",
)
# Owning an area is a weaker sign: it also introduces the setting ("At X, I owned onboarding").
_OWNED = _cue(
    r"\bI (?:owned|own|took on|took ownership|was the owner)\b|"
    r"\bI was (?:the |a )?(?:PM|product manager|product owner|product lead) (?:for|on|of)\b",
)
# The candidate's role named outright also tells the Task ("I ran claims for home insurance",
# "Group PM for the treasury platform", "I worked as product manager in..."); being on a team
# does not. Read only for whether a Task is told, never to place a sentence in a part.
_PM = r"(?:PM|GPM|product manager|product owner|product lead|product director|(?:director|head|VP) of product)"
# What one runs or leads without it being one's role: "I ran the numbers", "I led two interviews".
_ACTIVITY = (
    r"(?:numbers|analysis|data|query|queries|tests?|surveys?|interviews|calls|sessions?|workshops?|meetings?|"
    r"experiments?|reports?)"
)
_ROLE = _cue(
    r"\bI (?:ran|led|headed|managed|was (?:running|leading|heading|in charge of)) (?:(?:the|our|my) )?"
    rf"(?!(?:a|an|some|two|three|several|research|{_ACTIVITY})\b)(?:[\w-]+ ){{0,2}}(?:product|team|org|function)s?\b|"
    # "I owned" is _OWNED's
    rf"\bI (?:ran|headed|was (?:running|heading|in charge of)) (?:the|our|my)\b(?! {_ACTIVITY}\b)|"
    rf"\b(?:I (?:worked|was working|joined|was hired|came in|started)|my time) as (?:the |a |an )?(?:[\w-]+ ){{0,2}}{_PM}\b|"
    rf"\bas (?:the |a |an )?(?:[\w-]+ ){{0,2}}{_PM} (?:for|on|of|at|in)\b|"
    rf"^\W*(?:[\w-]+ ){{0,2}}{_PM} (?:for|on|of)\b|"
    rf"\bI was (?:the |a |an )?(?:[\w-]+ ){{0,2}}{_PM}(?: (?:for|on|of|at|in)\b|\s*[,.;(])",
)
# A past continuous paints the background ("the market was moving fast").
_BACKGROUND = _cue(
    r"\b(?:was|were)\s+(?:\w+ly\s+|still\s+|also\s+|always\s+|constantly\s+|already\s+)?(?!going\b)\w{3,}ing\b|"
    r"\b(?:it was|I was in) my first (?:year|month|months|weeks|quarter)\b",
)
# A launch told as an event, not as the candidate's act ("The dashboard launched in May").
_LAUNCHED = _cue(r"^(?!\W*(?:I|we|so I|so we|and I|and we)\b).*\b(?:launched|shipped|went live|was released)\b")
# Others' work credited inside the Action ("Engineering built the model").
_OTHERS_ACTED = _cue(r"\b(?:built|implemented|delivered|did the (?:hard )?work|set up|integrated|wired)\b")

# What was done: first-person verbs of research, decision, persuasion and building.
_ACTION = _cue(
    _NOT_MID_WORD
    + r"(?:\b(?:I|we)(?: \w+ly| also| then| first| finally| still| had| had to){0,2}\s+(?:pulled|read|ran|called|interviewed|sat|listened|watched|"
    r"analy[sz]ed|reviewed|tagged|mapped|dug|looked|went|talked|spoke|asked|surveyed|tested|prototyped|proposed|pushed|argued|"
    r"made|wrote|built|designed|shipped|worked|partnered|convinced|brought|showed|shared|presented|negotiated|agreed|decided|"
    r"changed|moved|set up|added|removed|replaced|scoped|reframed|accepted|traded|escalated|modell?ed|measured|tracked|"
    r"coordinated|led|drove|aligned|got|started|began|spent|joined|sampled|segmented|compared|matched|found|noticed|realized|"
    r"realised|learned that|checked|chose|picked|cut|dropped|killed|kept|insisted|pitched|rewrote|redesigned|simplified|"
    r"introduced|piloted|launched|rolled|went back|took|gave|offered|paired|hired|involved|facilitated|sent|held|"
    r"used|applied|secured|won|persuaded|set|"
    r"split|combined|limited|capped|required|defined|documented|specced|drafted|validated|iterated|instrumented|"
    r"estimated|explained|settled|calculated|quantified|weighed|worked out)\b|"
    # Others agreeing, and what the choice cost, are the negotiation inside the Action.
    r"\b(?:signed off|agreed to (?:extend|try|keep|ship|fund|pilot|let|go)|gave (?:us |me )?the go-ahead)\b|\bcost (?:us|me) (?:a|an|the|some)\b|"
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
)

# A number as digits, or in words after "to", "from" or "by" as people say a change aloud ("from about
# two hours to twenty-five minutes"); a number word alone is too often no measure ("cut five ways").
_ABOUT = r"(?:about |around |roughly |under |over |below |nearly |almost |just |only )?"
_IN_WORDS = rf"(?:{NUMBER_WORDS}|a hundred|half)\b"
_AMOUNT = rf"(?:\d|\b(?:to|from|by) {_ABOUT}{_IN_WORDS})"
# What came of it: a change in a measure, after launch, as a result.
_RESULT = _cue(
    r"\b(?:as a result|the results? (?:was|were|is|are)\b|results?:|in the end|ultimately|by the end of|after (?:launch|rollout|the (?:launch|rollout|change|test))|"
    r"(?:after|once) (?:we|it) (?:launched|shipped|rolled)|over the (?:next|following) \w+|since (?:launch|then)|"
    r"(?:month|quarter|year|weeks?|months?) after (?:launch|rollout|we)|"
    r"(?:fell|dropped|rose|grew|increased|decreased|declined|improved|climbed|doubled|halved|tripled|shrank|jumped|went (?:up|down|from)|"
    rf"came down|reduced|recovered|saved|stayed|remained|cut|lowered|raised|boosted|lifted)\b[^.;]*?{_AMOUNT}|"
    rf"(?:went|came|got) back (?:down |up )?to {_ABOUT}(?:\d|{_IN_WORDS})|"
    r"from \$?\d[\d.,]*\s?(?:%|percent|[kKmM]\b)? to \$?\d|\d+(?:\.\d+)?\s?(?:%|percent|points?) (?:fewer|more|less|lower|higher|drop|reduction|increase|improvement)|"
    r"(?:nps|csat|satisfaction|retention|churn|conversion)\b[^.]*?\b(?:improved|went up|rose|increased|grew)|"
    r"(?:customers|users|members|merchants|clients|patients|they) (?:were|was|are) (?:really )?(?:happy|delighted|thrilled)|"
    # an outcome told only as a feeling ("it made them much happier") is a vague result, still a result
    r"\bmade (?:them|customers|users|members|people|everyone|clients) (?:\w+ )?(?:happy|happier|satisfied)\b|\b(?:happier|more satisfied)\b|"
    r"(?:halved|doubled|tripled|cut [\w-]+(?: [\w-]+){0,3} in half)\b|\b(?:now|these days) (?:take|takes|arrive|arrives|get|gets|land|lands|clear|clears|close|closes)\b|"
    r"(?:on time|under budget|on budget|ahead of schedule)\b|"
    r"(?:shipped|launched|went live) (?:on time|on schedule)|it (?:shipped|launched|went live)\b|helped a lot|"
    r"(?:audit|launch|rollout|release|pilot|project|it) (?:went (?:through|(?:really |very )?(?:well|smoothly|great))|passed|succeeded)|"
    r"(?:customers|users|members|merchants|clients|borrowers|patients|people|families|parents|students|guests|drivers|"
    r"sellers|buyers|shoppers|they) (?:really |genuinely |all |clearly )?(?:loved|love|liked|praised|thanked)|well received|"
    r"(?:feedback|response|reception|reviews?) (?:was|were|has been) (?:very |really |overwhelmingly |hugely )?(?:positive|great|good|strong)|"
    r"(?:was|were) happy with (?:how|the (?:result|outcome))|(?:weeks?|months?|quarters?) (?:early|ahead of (?:schedule|plan))|"
    r"became (?:a|the) (?:flagship|reference|model|template|blueprint|standard)|\b(?:went|came) (?:way |right |sharply |steadily )?(?:up|down)\b(?! to (?:the|a)\b))",
)
# Numbers from a pilot or test, and objections raised, are part of what was done, not the outcome.
_TRIAL = _cue(
    r"\b(?:in|from|during) (?:the|a|our|that|this) (?:[\w-]+ ){0,4}(?:pilot|test|trial|beta|experiment)\b|"
    r"\b(?:raised|had|voiced|flagged) (?:a|an|the|two|three|some|another|a second) (?:\w+ )?(?:issue|concern|objection|question|worry)\b|"
    r"\b(?:did not|didn't) (?:love|like|want) (?:it|this|that|the idea)\b",
)
# Life as it was, told as what used to happen: "they'd call support", "we would get these emails".
_HABIT = _cue(
    r"\b(?:they|customers|users|people|patients|members|we)(?:'d| would) (?:just |often |always |usually |then )?"
    r"(?:get|panic|call|message|write|ask|complain|see|have|wait|give up|churn|leave|end up)\b|\b(?:a |the )?known (?:pain|problem|issue)\b",
)
# How things stood, said without a first-person act: who was involved, how big a deal it was.
_STATE_OF_THINGS = _cue(
    r"\bthere (?:was|were) (?:a lot of|lots of|a few|several|many|no|a (?:big|huge|real|lot))\b(?![^.]{0,40}\b(?:along the way|pushback|objections?))|"
    r"\b(?:it|this|that) was (?:kind of |really |quite |a pretty )?a (?:big|huge|real|major|sore) (?:deal|problem|issue|priority|point)|"
    r"\bnobody (?:was|knew|really knew)\b(?: quite)? (?:sure|who|what|how|why)|\bthe (?:customer|user)s? (?:in this case |here )?(?:was|were)\b",
)
# "...and here's how": the opening of a story told result-first.
# (the result reader, detect/structure/regions.py, takes it as a headline's cue too)
HERES_HOW = r"\b(?:here's how|here is how|this is how|let me (?:explain|tell you|walk you through) how)\b"
_HERES_HOW = _cue(HERES_HOW)
_NUMBER = _cue(r"\d")
_FIRST_PERSON = _cue(r"\b(?:I|we)\b")


def states_task(sentence: str) -> bool:
    """Whether a sentence names the candidate's assignment, goal, area or role ("My goal
    was...", "I was the PM for...", "I ran claims"), whichever part the story's order gives it."""
    text = sentence.lower()
    return bool(_TASK.search(text) or _OWNED.search(text) or _ROLE.search(text))


def part_scores(sentence: str) -> dict[str, float]:
    """Score each part for one sentence from its wording; 0 means no evidence either way."""
    text = sentence.lower()
    scores = {"O": -2.0, "S": 0.0, "T": -2.5, "A": 0.0, "R": -0.5}
    if _PREAMBLE.search(text):
        scores["O"] += 4.0
    if _FILLER_ONLY.match(text):
        scores["O"] += 4.0
    elif _FILLER_OPENING.search(text):
        scores["O"] += 0.8
    if _REFLECTION.search(text):
        scores["O"] += 5.0
    if _CLOSING_FILLER.search(text):
        scores["O"] += 1.5
    if _SITUATION.search(text):
        scores["S"] += 1.5
    if _BACKGROUND.search(text):
        scores["S"] += 0.7
    task = bool(_TASK.search(text))
    if task:
        scores["T"] += 4.0
    elif _TARGET.search(text):
        scores["T"] += 3.0
    # Owning the area and naming the aim in one breath is the clearest Task.
    if _OWNED.search(text):
        scores["T"] += 2.0
    # In a sentence that names the assignment, a verb ("set a target") is part of naming it.
    if _ACTION.search(text):
        scores["A"] += 0.5 if task else 1.5
    elif _OTHERS_ACTED.search(text):
        scores["A"] += 0.8
    # A target in a goal ("from 77% to 90%") is not a result.
    if _RESULT.search(text) and not task:
        scores["R"] += 2.5
    if _TRIAL.search(text):
        scores["A"] += 1.0
        scores["R"] -= 1.5
    if _HABIT.search(text) or _STATE_OF_THINGS.search(text):
        scores["S"] += 1.5
    if _HERES_HOW.search(text):
        scores["R"] += 2.5
    if _LAUNCHED.search(text):
        scores["R"] += 1.5
    if not _NUMBER.search(text) and not _FIRST_PERSON.search(text):
        scores["R"] -= 0.5
    return scores
