"""cli: the `starbar` command. Subcommands load lazily so `review` never imports the web or database stack."""
