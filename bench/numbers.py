"""Printing exact quantities the way Vietnamese reports do.

A quantity is kept as an integer mantissa and a count of decimals (``Q(12305_25, 2)``
is 12305.25) so that ratios, rounding and the printed digits never suffer from
binary floating point: the gold value, the printed text and the consistency
checks are all derived from the same integers.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple


class Q(NamedTuple):
    """An exact decimal quantity: ``m / 10**d``."""

    m: int
    d: int = 0

    @property
    def exact(self) -> Fraction:
        return Fraction(self.m, 10**self.d)

    def json(self) -> int | float:
        """The gold-file value: an int when whole, else the shortest float."""
        if self.d == 0:
            return self.m
        return round(self.m / 10**self.d, self.d)


def norm(q: Q) -> Q:
    """Drop trailing decimal zeros so "52,30" is never printed where "52,3" is meant."""
    m, d = q
    while d and m % 10 == 0:
        m //= 10
        d -= 1
    return Q(m, d)


def round_to(x: Fraction, d: int) -> Q:
    """Round half up to ``d`` decimals (how a clerk's spreadsheet rounds a percentage)."""
    scaled = x * 10**d
    m = int(scaled + Fraction(1, 2)) if scaled >= 0 else -int(-scaled + Fraction(1, 2))
    return Q(m, d)


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def fmt(q: Q, style: str = "vn") -> str:
    """Print a quantity.

    Styles (each is one a reader following GUIDE.md decodes to the same value):
    - ``vn``: dots group thousands, a comma marks decimals ("12.305,25");
    - ``plain``: no grouping ("2135,4"), used for numbers below 10 000;
    - ``lead0``: a leading zero on a one-digit integer ("05");
    - ``en_group``: English grouping of an integer of 7+ digits ("45,250,000"),
      unambiguous because it has two or more commas;
    - ``en_dec``: an English decimal point with exactly one digit after it ("3.5").
    Callers pick a style with :func:`styles_for`; an unsuitable one falls back to ``vn``.
    """
    m, d = norm(q)
    neg = m < 0
    m = abs(m)
    whole, frac = divmod(m, 10**d)
    ws = str(whole)
    fs = str(frac).rjust(d, "0") if d else ""
    if style == "lead0" and d == 0 and whole < 10:
        out = "0" + ws
    elif style == "en_group" and d == 0 and whole >= 1_000_000:
        out = _group(ws, ",")
    elif style == "en_dec" and d == 1:
        out = f"{ws}.{fs}"
    elif style == "plain" and whole < 10_000:
        out = ws + ("," + fs if d else "")
    else:
        out = _group(ws, ".") + ("," + fs if d else "")
    return "-" + out if neg else out


def styles_for(q: Q) -> list[str]:
    """The printing styles that make sense for this quantity (``vn`` first, most common)."""
    m, d = norm(q)
    whole = abs(m) // 10**d
    out = ["vn"]
    if d == 0 and whole < 10:
        out.append("lead0")
    if d == 0 and whole >= 1_000_000:
        out.append("en_group")
    if d == 1 and whole < 1000:
        out.append("en_dec")
    if 1000 <= whole < 10_000:
        out.append("plain")
    return out


def pick_fmt(rng, q: Q, vn_weight: int = 6) -> str:
    """Print ``q`` in a random suitable style, mostly the standard Vietnamese one."""
    options = styles_for(q)
    if len(options) == 1 or rng.randrange(vn_weight + len(options) - 1) < vn_weight:
        return fmt(q, "vn")
    return fmt(q, rng.choice(options[1:]))


def mixed_money(q: Q) -> str | None:
    """ "12 tỷ 350 triệu" for a tỷ-đồng amount with a whole number of triệu (else None)."""
    m, d = norm(q)
    if d > 3:
        return None
    trieu = m * 10 ** (3 - d)  # the amount in triệu
    ty, rest = divmod(trieu, 1000)
    if ty == 0 or rest < 100:  # "12 tỷ 50 triệu" is legal but reads like a typo; keep it clean
        return None
    return f"{ty} tỷ {rest} triệu"
