"""An address block printed on one line, cut into its lines: the addressee, the office, the
institution, the street, the city. Used where a page or a scrape lost the block's line breaks
(`flattened.py` for scrapes without punctuation, `relayout.py` for a line of a page). Only cuts:
no word is changed."""

from __future__ import annotations

import re

from undersigned.core.vocabulary import ADDRESS_OFFICES

# the parts of an address block run together without a gap: 'The Honorable Alberto Gonzales
# | Attorney General | United States Department of Justice | 950 Pennsylvania Avenue N W |
# Washington D C 20530' — cut before the office after the name, before the institution after
# the office (not inside it: 'President of the United States'), before the street number and
# before the city ('The Honorable Robert J. Portman | United States Trade Representative | …':
# an office or institution of the United States after the name)
_ADDRESSEE = re.compile(r"(?:The\s++Honorable|Mr|Mrs|Ms|Dr)\s++((?:[A-Z][\w.'’-]*+\s++){1,4}?)"
                        rf"(?=(?:{'|'.join(ADDRESS_OFFICES)}|United States|U\.S\.)\b)")
_INSTITUTION = re.compile(r"(?<!of the)\s(?=(?:United States|U\.?\s?S\.?|The White House|Department|Office|Embassy|"
                          r"Committee|Bureau|Agency|Senate|House of)\b)")
_STREET = re.compile(r"\s(?=\d[\dA-Z]{0,5}\s++(?:[A-Z]|\d{1,3}(?:st|nd|rd|th)\b)|"
                     r"Washington,?+\s++D\.?+\s?+C\b)")  # ('600 17th Street')


def address_cuts(text: str, start: int, dear: int) -> list[int]:
    """Where the lines of an address block run together without gaps begin (none when its
    addressee is not followed by an office)."""
    who = _ADDRESSEE.search(text, start, dear)
    if who is None:
        return []
    office = who.end()
    cuts = [office]
    institution = _INSTITUTION.search(text, office, dear)
    if institution:
        cuts.append(institution.end())
    cuts += [m.end() for m in _STREET.finditer(text, office, dear)]
    return cuts
