"""``python -m eventwire``: the same as the ``eventwire`` command."""

from eventwire.cli import cli

if __name__ == "__main__":  # not when a worker process re-imports it
    cli(prog_name="eventwire")
