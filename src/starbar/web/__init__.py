"""The web app: the review, the story bank and practice in the browser, over the same code as the CLI.

Imported only by `starbar serve` and the tests, so `starbar review` never loads the web stack.
"""
