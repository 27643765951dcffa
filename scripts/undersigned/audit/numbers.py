"""Counts printed in words or digits, English and Spanish: 'fourteen', 'twenty-two',
'veintiséis', 'treinta y dos', '27'."""

from __future__ import annotations

from undersigned.core.names import fold

_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
       "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
       "eighteen", "nineteen"]
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
       "diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete",
       "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidos", "veintitres",
       "veinticuatro", "veinticinco", "veintiseis", "veintisiete", "veintiocho", "veintinueve"]
_ES_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
            "ochenta": 80, "noventa": 90}


def _table() -> dict[str, int]:
    words: dict[str, int] = {w: i for i, w in enumerate(_EN)}
    words.update({w: i for i, w in enumerate(_ES)})
    words.update({"un": 1, "una": 1, "veintiun": 21, "veintiuna": 21, "cien": 100,
                  "ciento": 100, "hundred": 100, "a dozen": 12, "dozen": 12,
                  # with their accents ('number' folds them; the table holds both)
                  "dieciséis": 16, "veintidós": 22, "veintitrés": 23, "veintiséis": 26,
                  "veintiún": 21})
    for tens, value in _EN_TENS.items():
        words[tens] = value
        for unit in range(1, 10):
            words[f"{tens} {_EN[unit]}"] = value + unit
    for tens, value in _ES_TENS.items():
        words[tens] = value
        for unit in range(1, 10):
            words[f"{tens} y {_ES[unit]}"] = value + unit
    return words


WORDS = _table()


def number(text: str) -> int | None:
    """The value of a count as printed ('Twenty-two' -> 22, 'veintiséis' -> 26)."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return int(text)
    return WORDS.get(fold(text.replace("-", " ")))
