"""What re.IGNORECASE takes for a letter: the fast-path tests check their letter classes by it."""

import re

# Every code point: a class of first letters must hold each one sre folds to its letters.
ALL_CHARACTERS = "".join(map(chr, range(0x110000)))


def folds_to(letters: str) -> set[str]:
    """The characters sre matches for any of `letters` under re.IGNORECASE ("ſ" for "s")."""
    return set(re.findall(f"(?i)[{re.escape(letters)}]", ALL_CHARACTERS))
