r"""Role text as TF-IDF vectors: the few lines of scikit-learn's ``TfidfVectorizer`` we need.

A role's text is its name, aliases, summary and responsibilities. It is
lowercased and split into words of two characters or more (letters and
digits, keeping ``c++``, ``c#`` and ``.net``-like tokens whole; a possessive
``'s`` is no word, as in scikit-learn's default pattern); English stop words
are dropped; the terms
are the words and the pairs of neighbouring words (unigrams and bigrams).
Each term's weight in a role is

.. math:: x_{t} = \left(1 + \ln \mathrm{tf}_t\right)
          \left(1 + \ln \frac{1 + n}{1 + \mathrm{df}_t}\right)

(sublinear term frequency, smoothed inverse document frequency over the
``n`` roles), and each role's vector has unit length, so that the dot
product of two roles is the cosine of their texts [1]_. Written on SciPy
rather than taking scikit-learn (about 40 MB installed and a second of
import time) for these lines; the formulas are scikit-learn's defaults
with ``sublinear_tf=True`` and ``ngram_range=(1, 2)``.

References
----------
.. [1] Salton, G. and Buckley, C. "Term-weighting approaches in automatic text
   retrieval." *Information Processing & Management* 24 (5), 1988.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from ai_roles.model import Role

__all__ = ["STOP_WORDS", "TextVectors", "role_text", "terms"]

STOP_WORDS = frozenset(
    """
    a about above across after again against all almost also although always am among an
    and another any are around as at be because been before being below between both but
    by can could did do does doing done down during each either else etc even ever every
    for from further had has have having he her here hers him his how however i if in
    into is it its itself just least less many may me might more most much must my
    neither no nor not of off often on once one only or other others our out over own
    per rather same several shall she should since so some such than that the their them
    then there these they this those though through thus to too under until up upon us
    use used uses using very via was we well were what when where whether which while
    who whom whose why will with within without would yet you your
    """.split()  # noqa: SIM905 (a block of words reads better than a list of strings)
)
"""English words that say nothing about a job: dropped before terms are made."""

_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*")


def role_text(role: Role) -> str:
    """Return the text a role is compared by: name, aliases, summary, responsibilities."""
    return "\n".join((role.name, *role.aliases, role.summary, *role.responsibilities))


def terms(text: str) -> list[str]:
    """Return the terms of `text`: its words but stop words, and each pair of neighbours."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


class TextVectors:
    """The unit TF-IDF vectors of a sequence of texts (one row each), and their vocabulary."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts = [Counter(terms(text)) for text in texts]
        vocabulary: dict[str, int] = {}
        for count in counts:
            for term in count:
                vocabulary.setdefault(term, len(vocabulary))
        rows, cols, vals = [], [], []
        for r, count in enumerate(counts):
            for term, tf in count.items():
                rows.append(r)
                cols.append(vocabulary[term])
                vals.append(1.0 + math.log(tf))
        n = len(counts)
        shape = (n, len(vocabulary))
        matrix = sp.csr_array((vals, (rows, cols)), shape=shape, dtype=np.float64)
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocabulary))
        self.idf = 1.0 + np.log((1.0 + n) / (1.0 + df))
        matrix = sp.csr_array(matrix @ sp.diags_array(self.idf))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
        scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
        self.unit = sp.csr_array(sp.diags_array(scale) @ matrix)
        self.terms: Sequence[str] = sorted(vocabulary, key=vocabulary.__getitem__)
        self.empty = norms == 0

    def contributions(self, a: int, b: int) -> dict[str, float]:
        """Return each term's share of the cosine of rows `a` and `b` (they sum to it)."""
        ra, rb = self.unit[[a]], self.unit[[b]]
        both = ra.multiply(rb).tocoo()
        return {self.terms[int(c)]: float(v) for c, v in zip(both.col, both.data, strict=True)}

    def words(self, row: int) -> set[str]:
        """Return the terms of one row."""
        return {self.terms[int(c)] for c in self.unit[[row]].tocoo().col}
