"""Command line interface (placeholder until the foundation lands)."""


def main(argv: list[str] | None = None) -> int:
    return 0
