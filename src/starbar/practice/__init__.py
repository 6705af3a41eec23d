"""practice: a timed mock interview - a question, an answer, bar-raiser probes, and a review of the whole exchange.

Modules: `questions` (the bank as data), `probes` (which follow-ups to ask), `delivery` (pace,
fillers, hedges), `session` (the pure session logic), `terminal` (the interactive loop),
`report` (the text views) and `saving` (into the story bank).
Import them directly: `starbar questions` must not load the review engine.
"""
