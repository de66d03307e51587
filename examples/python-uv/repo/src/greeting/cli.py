"""Command line entry point."""

import click

from greeting import greet


@click.command()
@click.argument("name")
def main(name: str) -> None:
    click.echo(greet(name))
