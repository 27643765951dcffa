"""Person or organization (ARCHITECTURE.md): our `classify` on the labelled set of
`python -m undersigned.devtools.classifiers`, counted exactly so a change to the rules or to
the set shows up, and the library adapters it is compared with."""

from __future__ import annotations

from collections import Counter

import pytest

from undersigned.convert import people, signed
from undersigned.convert.people import classify
from undersigned.devtools import classifiers


def test_the_labelled_set():
    items = classifiers.labelled_set()
    assert Counter(i.source for i in items) == {"registry": 210, "legislators": 210,
                                                "fidelity": 52}
    assert Counter(i.kind for i in items) == {"person": 361, "organization": 111}
    lines = {i.text for i in items if i.source == "fidelity"}
    assert {"Member of Congress", "Ranking Member", "Church World Service"} <= lines
    assert not lines & {"Marcia L. Fudge", "Ronny L. Jackson, M.D"}  # a recipient, a signer


def test_our_classifier_on_the_labelled_set():
    result = classifiers.accuracy(classify, classifiers.labelled_set())
    assert result.confusion == {("person", "person"): 360, ("person", "organization"): 1,
                                ("organization", "person"): 16,
                                ("organization", "organization"): 95}
    assert (result.right, result.total) == (455, 472)
    assert ("Guadalupe cepeda Aguilar", "organization") in [(i.text, got)
                                                            for i, got in result.misses]


def test_swapping_classify_puts_it_back():
    def always_person(name: str) -> tuple[str, bool]:
        return "person", True

    with classifiers.swapped(always_person):
        assert people.classify is always_person and signed.classify is always_person
        assert people._person_like("Church World Service")
    assert people.classify is classify and signed.classify is classify
    assert not people._person_like("Church World Service")


@pytest.mark.parametrize("adapter, library", [
    (classifiers.nameparser_classify, "nameparser"),
    (classifiers.nameparser_words_classify, "nameparser"),
    (classifiers.probablepeople_classify, "probablepeople"),
])
def test_the_adapters_on_obvious_names(adapter, library):
    __import__(library)  # declared in the [test] extra: never skipped
    assert adapter("Christopher J. Dodd") == ("person", True)
    assert adapter("Sherrod Brown") == ("person", True)
    assert adapter("Kids in Need of Defense")[0] == "organization"
    assert adapter("Member of Congress")[0] == "organization"
