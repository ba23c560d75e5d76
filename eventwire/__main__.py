from eventwire.cli import cli

cli()
