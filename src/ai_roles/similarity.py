r"""How alike roles are: seven measures, their explanation, and every pair at once.

Each role is seen through its requirements, essential and optional. For a
requirement `r` with level :math:`L_r` (1-4), importance :math:`w_r` and
options :math:`O_r`, the role's weight on item `i` is

.. math:: v_i = \sum_{r \,:\, i \in O_r} \frac{L_r \, w_r}{|O_r|}

(an alternative group's weight is split evenly across its options).

* ``cosine``: :math:`\frac{v_a \cdot v_b}{\lVert v_a \rVert \lVert v_b \rVert}`
  [1]_.
* ``jaccard``: :math:`\frac{|I_a \cap I_b|}{|I_a \cup I_b|}`, with :math:`I` the
  items a role names (every option of every requirement) [2]_.
* ``tools``: the same Jaccard index over the tools alone.
* ``coverage`` (directed): the share of `b`'s weighted essential requirements
  that the holder of `a` meets, a level below the need counting as have/need:

  .. math::

     \frac{\sum_{r \in E_b} w_r \min\left(1, \max_{o \in O_r} p_a(o) / L_r\right)}
          {\sum_{r \in E_b} w_r}

  where :math:`p_a` is the profile of `a` (`Catalog.profile_of`) and
  :math:`E_b` the essential requirements of `b` (all its requirements if none
  is essential).

* ``fit`` (directed): where a holder of `a` can go. Coverage alone rewards
  the over-qualified generalist (who meets everything of every role);
  ``fit`` weighs it with how much of `a`'s own requirements `b` uses,

  .. math:: \mathrm{fit}(a, b) = \mathrm{coverage}(a, b)^{1 - \gamma}
            \, \mathrm{coverage}(b, a)^{\gamma}

  with :math:`\gamma` = `FIT_BALANCE`.
* ``text``: the cosine of the roles' TF-IDF text vectors (name, aliases,
  summary and responsibilities; `ai_roles._text` has the weighting) [1]_.
* ``hybrid``: a blend of a *specific* skills measure and ``text``,

  .. math:: (1 - \lambda)\, \frac{u_a \cdot u_b}{\lVert u_a \rVert \lVert u_b \rVert}
            + \lambda\, \mathrm{text}(a, b),
            \qquad u_i = v_i \, s_i \, t_a,
            \qquad s_i = 1 + \ln \frac{1 + n}{1 + n_i}

  where :math:`n_i` of the :math:`n` roles name item :math:`i` (an item every
  role requires, such as communication, weighs least: its specificity
  :math:`s_i` is 1, against up to :math:`1 + \ln n` for an item one role
  names); :math:`t_a` is 1 for skills and, for tools, the factor that makes
  the length of a role's tools' part `TOOL_WEIGHT` times that of its skills'
  part (so that O*NET's thirty to a hundred technology skills per occupation
  inform without drowning its rated skills); and :math:`\lambda` is
  `text_weight` (`TEXT_WEIGHT` by default). The weights were chosen by
  measuring neighbour quality on the official releases
  (``benchmarks/similarity_eval.py``, on the expert pairs' tuning half).

Every measure lies in ``[0, 1]``, is 1 for a role with itself and 0 between
a role with no requirements and any other. All but ``coverage`` and ``fit``
are symmetric. ``hybrid`` is the default (`ai_roles.results.DEFAULT_METHOD`):
it agrees best with expert judgement on both official taxonomies.

References
----------
.. [1] Salton, G. and McGill, M. J. *Introduction to Modern Information
   Retrieval*. McGraw-Hill, 1983.
.. [2] Jaccard, P. "The distribution of the flora in the alpine zone."
   *New Phytologist* 11 (2), 1912.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from typing import Any, Literal, get_args

import numpy as np
import scipy.sparse as sp

from ai_roles._arguments import whole_number
from ai_roles._frozendict import FrozenDict
from ai_roles._text import TextVectors, role_text
from ai_roles.exceptions import ArgumentError
from ai_roles.model import Catalog, Level, Role, Tool
from ai_roles.results import DEFAULT_METHOD, METHODS, Explanation, Match, SimilarityMatrix

__all__ = [
    "FIT_BALANCE",
    "TEXT_WEIGHT",
    "TOOL_WEIGHT",
    "Method",
    "explain",
    "most_similar",
    "similarity",
    "similarity_matrix",
    "top_k_similar",
]

Method = Literal["cosine", "jaccard", "coverage", "fit", "tools", "text", "hybrid"]
assert get_args(Method) == METHODS  # noqa: S101 (one list of methods: results.METHODS)

TEXT_WEIGHT = 0.7
"""The share of ``text`` in ``hybrid`` (lambda), chosen by measurement."""

TOOL_WEIGHT = 0.25
"""The length of a role's tools' part against its skills' part, in ``hybrid``."""

FIT_BALANCE = 0.35
"""In ``fit``, the weight of how much of `a`'s profile `b` uses (gamma), chosen by measurement."""


def _check_method(method: object) -> Method:
    if method not in METHODS:
        known = ", ".join(repr(m) for m in METHODS)
        msg = f"method: {method!r} is not one of {known}"
        raise ArgumentError(msg)
    return method  # type: ignore[return-value]


def _check_weight(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        msg = f"text_weight: {value!r} is not a share in [0, 1]"
        raise ArgumentError(msg)
    return float(value)


# --- per-role views ------------------------------------------------------------------


def _weights(role: Role) -> dict[str, float]:
    weights: dict[str, float] = {}
    for r in role.requirements:
        share = r.level * r.importance / len(r.options)
        for option in r.options:
            weights[option] = weights.get(option, 0.0) + share
    return weights


def _items(role: Role) -> set[str]:
    return {o for r in role.requirements for o in r.options}


def _tools(catalog: Catalog, role: Role) -> set[str]:
    tools = catalog.derived("similarity.tool-ids", lambda c: frozenset(t.id for t in c.tools))
    return _items(role) & tools


def _essential(role: Role) -> list[Any]:
    essential = [r for r in role.requirements if r.essential]
    return essential or list(role.requirements)


def _coverage_terms(catalog: Catalog, a: Role, b: Role) -> dict[str, float]:
    """Each of `b`'s (essential) requirements met by `a`, at the option that meets it best."""
    held = catalog.profile_of(a)
    requirements = _essential(b)
    total = math.fsum(r.importance for r in requirements)
    terms: dict[str, float] = {}
    for r in requirements:
        option = max(r.options, key=lambda o: (held.level(o), -r.options.index(o)))
        met = min(1.0, held.level(option) / r.level) if r.level > Level.NONE else 1.0
        if met > 0:
            terms[option] = met * (r.importance / total)
    return terms


def _blended(
    catalog: Catalog, a: Role, b: Role, method: Method, text_weight: float
) -> tuple[dict[str, float], dict[str, float]]:
    """For ``text`` and ``hybrid``: each item's and each word's share of the score."""
    vectors = _vectors(catalog)
    row_a, row_b = vectors.ids.index(a.id), vectors.ids.index(b.id)
    words = vectors.text.contributions(row_a, row_b) if method == "text" or text_weight else {}
    if method == "text":
        return {}, words
    both = vectors.specific[[row_a]].multiply(vectors.specific[[row_b]]).tocoo()
    items = catalog.items
    skills = {
        items[int(c)].id: (1.0 - text_weight) * float(v)
        for c, v in zip(both.col, both.data, strict=True)
    }
    return skills, {w: text_weight * v for w, v in words.items()}


def _cosine_terms(a: Role, b: Role) -> dict[str, float]:
    va, vb = _weights(a), _weights(b)
    norm = math.sqrt(math.fsum(x * x for x in va.values()) * math.fsum(x * x for x in vb.values()))
    if not norm:  # weights so small that their product underflows
        return {}
    return {i: va[i] * vb[i] / norm for i in sorted(va.keys() & vb.keys())}


def _fit_terms(catalog: Catalog, a: Role, b: Role) -> dict[str, float]:
    """Coverage's terms of `b` by `a`, scaled to the balanced score of ``fit``."""
    terms = _coverage_terms(catalog, a, b)
    forward = math.fsum(terms.values())
    back = math.fsum(_coverage_terms(catalog, b, a).values())
    if forward <= 0 or back <= 0:
        return {}
    scale = (forward ** (1 - FIT_BALANCE) * back**FIT_BALANCE) / forward
    return {i: t * scale for i, t in terms.items()}


def _contributions(
    catalog: Catalog, a: Role, b: Role, method: Method, text_weight: float
) -> tuple[dict[str, float], dict[str, float]]:
    """Each item's and each word's share of the similarity of `a` to `b` (two roles)."""
    if not (a.requirements and b.requirements):
        return {}, {}
    if method in {"text", "hybrid"}:
        return _blended(catalog, a, b, method, text_weight)
    if method == "cosine":
        return _cosine_terms(a, b), {}
    if method == "coverage":
        return _coverage_terms(catalog, a, b), {}
    if method == "fit":
        return _fit_terms(catalog, a, b), {}
    ia, ib = (
        (_items(a), _items(b)) if method == "jaccard" else (_tools(catalog, a), _tools(catalog, b))
    )
    union = len(ia | ib)
    return (dict.fromkeys(sorted(ia & ib), 1 / union) if union else {}), {}


# --- single pairs --------------------------------------------------------------------


def similarity(
    catalog: Catalog,
    a: str | Role,
    b: str | Role,
    *,
    method: Method = DEFAULT_METHOD,
    text_weight: float = TEXT_WEIGHT,
) -> float:
    r"""Return how alike two roles are, from 0 (nothing shared) to 1 (the same).

    Parameters
    ----------
    catalog : Catalog
        The roles, skills and tools to compare within.
    a, b : str or Role
        Roles given by id, name, alias or object.
    method : {"cosine", "jaccard", "coverage", "fit", "tools", "text", "hybrid"}, optional
        (default = "hybrid") See the module's documentation for the formulas.
        ``coverage`` is directed: the share of `b`'s weighted essential
        requirements that the holder of `a` already meets.
    text_weight : float, optional (default = TEXT_WEIGHT)
        For ``hybrid``, the share of the text measure, in ``[0, 1]``: 0 is
        the specific skills measure alone, 1 the text alone.

    Returns
    -------
    float
        In ``[0, 1]``; ``1.0`` for a role with itself.

    Raises
    ------
    UnknownItemError
        If `a` or `b` is not a role of `catalog`; the message suggests close matches.
    ArgumentError
        If `method` is not a method, or `text_weight` not in ``[0, 1]``.

    See Also
    --------
    explain : the same score, item by item.
    similarity_matrix : every pair at once.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> similarity(cat, "data-scientist", "data-scientist")
    1.0
    >>> ml = similarity(cat, "machine-learning-engineer", "mlops-engineer")
    >>> pm = similarity(cat, "ai-product-manager", "mlops-engineer")
    >>> ml > pm
    True
    """
    return explain(catalog, a, b, method=method, text_weight=text_weight).score


def explain(
    catalog: Catalog,
    a: str | Role,
    b: str | Role,
    *,
    method: Method = DEFAULT_METHOD,
    text_weight: float = TEXT_WEIGHT,
) -> Explanation:
    """Return the similarity of two roles with the items behind it.

    Parameters are as for `similarity`.

    Returns
    -------
    Explanation
        `shared`, `only_a` and `only_b` item ids (tools only for ``tools``;
        for ``coverage``, `b`'s requirements that `a` meets at least in part
        and those it does not), `contributions`: each item's share of the
        score, and, for ``text`` and ``hybrid``, `words`: each term's share;
        the contributions and the words together sum to the score, and
        `parts` says how much came from skills and how much from text. (A
        role compared with itself scores 1 even when it names nothing the
        method looks at; then there is no item to credit and
        `contributions` is empty.)

    Examples
    --------
    >>> import ai_roles, math
    >>> cat = ai_roles.load_catalog()
    >>> e = explain(cat, "data-scientist", "machine-learning-engineer")
    >>> "python" in e.shared and "tableau" in e.only_a
    True
    >>> math.isclose(sum(e.contributions.values()) + sum(e.words.values()), e.score)
    True
    """
    kind = _check_method(method)
    weight = _check_weight(text_weight)
    role_a, role_b = catalog.role(a), catalog.role(b)
    if kind in {"coverage", "fit"}:
        ia = set(catalog.profile_of(role_a).levels)
        ib = {o for r in _essential(role_b) for o in r.options}
    elif kind == "tools":
        ia, ib = _tools(catalog, role_a), _tools(catalog, role_b)
    elif kind == "text":
        vectors = _vectors(catalog)
        ia = vectors.text.words(vectors.ids.index(role_a.id))
        ib = vectors.text.words(vectors.ids.index(role_b.id))
    else:
        ia, ib = _items(role_a), _items(role_b)
    contributions, words = _contributions(catalog, role_a, role_b, kind, weight)
    if role_a.id == role_b.id:
        total = math.fsum([*contributions.values(), *words.values()])
        contributions = {i: c / total for i, c in contributions.items()} if total else {}
        words = {w: c / total for w, c in words.items()} if total else {}
        score = 1.0
    else:
        score = min(1.0, math.fsum([*contributions.values(), *words.values()]))
    if kind in {"coverage", "fit"}:
        shared = sorted(contributions)
        only_b = sorted(
            o
            for r in _essential(role_b)
            for o in r.options
            if not set(r.options) & contributions.keys()
        )
        only_a = sorted(ia - ib)
    else:
        shared, only_a, only_b = sorted(ia & ib), sorted(ia - ib), sorted(ib - ia)
    parts = (
        {"skills": math.fsum(contributions.values()), "text": math.fsum(words.values())}
        if kind == "hybrid"
        else {}
    )
    return Explanation(
        a=role_a.id,
        b=role_b.id,
        method=kind,
        score=score,
        shared=shared,
        only_a=only_a,
        only_b=only_b,
        contributions=FrozenDict(contributions),
        words=FrozenDict(words),
        parts=FrozenDict(parts),
    )


# --- all pairs -------------------------------------------------------------------------


class _Vectors:
    """The catalog's roles as sparse matrices, each built once per catalog when first needed."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.ids = tuple(role.id for role in catalog.roles)
        self.columns = {item.id: i for i, item in enumerate(catalog.items)}
        self.shape = (len(self.ids), len(self.columns))

    def _matrix(self, entries: Iterator[tuple[int, str, float]]) -> sp.csr_array:
        rows, cols, vals = [], [], []
        for row, item, value in entries:
            rows.append(row)
            cols.append(self.columns[item])
            vals.append(value)
        return sp.csr_array((vals, (rows, cols)), shape=self.shape, dtype=np.float64)

    @functools.cached_property
    def weights(self) -> sp.csr_array:
        roles = self.catalog.roles
        return self._matrix(
            (r, i, w) for r, role in enumerate(roles) for i, w in _weights(role).items()
        )

    @functools.cached_property
    def unit(self) -> sp.csr_array:
        norms = np.sqrt(np.asarray(self.weights.multiply(self.weights).sum(axis=1))).ravel()
        scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
        return sp.csr_array(sp.diags_array(scale) @ self.weights)

    @functools.cached_property
    def specificity(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Each item's specificity: 1 for an item every role names, more the fewer do."""
        named = np.asarray(self.binary.sum(axis=0)).ravel()
        factor: np.ndarray[Any, np.dtype[np.float64]] = 1.0 + np.log(
            (1.0 + len(self.ids)) / (1.0 + named)
        )
        return factor

    @functools.cached_property
    def specific(self) -> sp.csr_array:
        """``hybrid``'s skills part: weights times specificity, tools scaled to `TOOL_WEIGHT`.

        In each role, the tools' part is scaled to `TOOL_WEIGHT` times the
        length of the skills' part (when it has both), then the row to unit
        length: thirty tools inform as much as three, and never outweigh the
        skills.
        """
        is_tool = np.array([isinstance(item, Tool) for item in self.catalog.items], dtype=bool)
        scaled = sp.csr_array(self.weights @ sp.diags_array(self.specificity))
        skills = sp.csr_array(scaled @ sp.diags_array((~is_tool).astype(np.float64)))
        tools = sp.csr_array(scaled @ sp.diags_array(is_tool.astype(np.float64)))
        s_norm = np.sqrt(np.asarray(skills.multiply(skills).sum(axis=1))).ravel()
        t_norm = np.sqrt(np.asarray(tools.multiply(tools).sum(axis=1))).ravel()
        both = (s_norm > 0) & (t_norm > 0)
        ratio = np.divide(TOOL_WEIGHT * s_norm, t_norm, out=np.ones_like(t_norm), where=both)
        scaled = sp.csr_array(skills + sp.diags_array(ratio) @ tools)
        norms = np.sqrt(np.asarray(scaled.multiply(scaled).sum(axis=1))).ravel()
        scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
        return sp.csr_array(sp.diags_array(scale) @ scaled)

    @functools.cached_property
    def text(self) -> TextVectors:
        """The roles' text as unit TF-IDF rows."""
        return TextVectors(role_text(role) for role in self.catalog.roles)

    @functools.cached_property
    def binary(self) -> sp.csr_array:
        binary = self.weights.copy()
        binary.data[:] = 1.0
        return binary

    @functools.cached_property
    def tool_binary(self) -> sp.csr_array:
        is_tool = np.array(
            [isinstance(item, Tool) for item in self.catalog.items], dtype=np.float64
        )
        tools = sp.csr_array(self.binary @ sp.diags_array(is_tool))
        tools.eliminate_zeros()
        return tools

    @functools.cached_property
    def empty(self) -> np.ndarray[Any, np.dtype[np.bool_]]:
        empty: np.ndarray[Any, np.dtype[np.bool_]] = (
            np.asarray(self.binary.sum(axis=1)).ravel() == 0
        )
        return empty

    @functools.cached_property
    def held(self) -> sp.csc_array:
        """What each role's holder has: the levels of its profile."""
        catalog = self.catalog
        return sp.csc_array(
            self._matrix(
                (r, i, float(level))
                for r, role in enumerate(catalog.roles)
                for i, level in catalog.profile_of(role).levels.items()
            )
        )

    @functools.cached_property
    def needs(
        self,
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], sp.csr_array]:
        """Return the requirements' option columns, 1/level, owners, and weights per role."""
        req_items, req_scale, req_of, req_role, req_weight = [], [], [], [], []
        count = 0
        for r, role in enumerate(self.catalog.roles):
            essential = _essential(role)
            total = math.fsum(q.importance for q in essential)
            for q in essential:
                for option in q.options:
                    req_items.append(self.columns[option])
                    req_scale.append(1.0 / q.level)
                    req_of.append(count)
                req_role.append(r)
                req_weight.append(q.importance / total)
                count += 1
        weights = sp.csr_array(
            (req_weight, (np.arange(count), req_role)), shape=(count, len(self.ids))
        )
        return (
            np.array(req_items, dtype=np.int64),
            np.array(req_scale),
            np.array(req_of, dtype=np.int64),
            weights,
        )

    @functools.cached_property
    def met_all(self) -> sp.csr_array:
        """Every role's share met of every requirement (rows: roles)."""
        return sp.csr_array(self.met(self.held))

    def met(self, held: sp.csc_array) -> sp.csc_array:
        """For each row of `held` and each requirement, the share met: min(1, max have/need)."""
        items, scale, owner, weights = self.needs
        columns = sp.csc_array(held[:, items] @ sp.diags_array(scale))
        columns.data = np.minimum(columns.data, 1.0)
        n_requirements = weights.shape[0]
        if len(owner) == n_requirements:  # no alternatives: one column per requirement
            return columns
        # Alternatives: the best of the option columns of one requirement.
        return _column_group_max(columns, owner, n_requirements)

    def scores(
        self, rows: Any, method: Method, text_weight: float = TEXT_WEIGHT
    ) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Similarity of the roles `rows` (a slice or index array) to every role."""
        whole = isinstance(rows, slice) and rows == slice(None)

        def cosine(unit: sp.csr_array) -> np.ndarray[Any, np.dtype[np.float64]]:
            part = unit if whole else unit[rows]  # slicing would copy the matrix
            product: np.ndarray[Any, np.dtype[np.float64]] = (part @ unit.T).toarray()
            return product

        if method == "cosine":
            values = cosine(self.unit)
        elif method == "text":
            values = cosine(self.text.unit)
        elif method == "hybrid":
            values = cosine(self.specific)
            values *= 1.0 - text_weight
            if text_weight > 0:
                values += text_weight * cosine(self.text.unit)
        elif method == "coverage":
            values = (self.met(self.held[rows]) @ self.needs[3]).toarray()
        elif method == "fit":
            met = self.met_all if whole else self.met(self.held[rows])
            forward = (met @ self.needs[3]).toarray()
            back = (  # back[i, j]: the coverage of rows[i] by role j
                forward.T if whole else (self.met_all @ self.needs[3][:, rows]).toarray().T
            )
            values = forward ** (1 - FIT_BALANCE) * back**FIT_BALANCE
        else:
            binary = self.binary if method == "jaccard" else self.tool_binary
            part = binary[rows]
            inter = (part @ binary.T).toarray()
            sizes = np.asarray(binary.sum(axis=1)).ravel()
            union = np.asarray(part.sum(axis=1)).reshape(-1, 1) + sizes - inter
            values = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        np.clip(values, 0.0, 1.0, out=values)  # in place: the matrix may be large
        if self.empty.any():
            values[:, self.empty] = 0.0
            values[self.empty[rows]] = 0.0  # a role with no requirements: 0, even by its text
        own = np.arange(len(self.ids))[rows]
        values[np.arange(len(own)), own] = 1.0
        result: np.ndarray[Any, np.dtype[np.float64]] = values
        return result


def _column_group_max(
    columns: sp.csc_array, groups: np.ndarray[Any, Any], n_groups: int
) -> sp.csc_array:
    """Merge columns sharing a group by their elementwise maximum."""
    coo = columns.tocoo()
    keys = coo.row.astype(np.int64) * n_groups + groups[coo.col]
    order = np.lexsort((-coo.data, keys))
    keys, data = keys[order], coo.data[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    keys, data = keys[first], data[first]
    return sp.csc_array(
        (data, (keys // n_groups, keys % n_groups)), shape=(columns.shape[0], n_groups)
    )


def _vectors(catalog: Catalog) -> _Vectors:
    return catalog.derived("similarity.vectors", _Vectors)


def similarity_matrix(
    catalog: Catalog, *, method: Method = DEFAULT_METHOD, text_weight: float = TEXT_WEIGHT
) -> SimilarityMatrix:
    """Return the similarity of every role to every role, with sparse linear algebra.

    Parameters
    ----------
    catalog : Catalog
    method : {"cosine", "jaccard", "coverage", "fit", "tools", "text", "hybrid"}, optional
    text_weight : float, optional (default = TEXT_WEIGHT)

    Returns
    -------
    SimilarityMatrix
        ``values[i, j]`` is ``similarity(catalog, ids[i], ids[j], method=method)``.

    Notes
    -----
    The whole matrix is dense: ``n^2`` floats for ``n`` roles. For the
    neighbours of every role in a large catalog, stream them with
    `top_k_similar`, which holds one block of rows at a time.

    Examples
    --------
    >>> import ai_roles
    >>> m = similarity_matrix(ai_roles.load_catalog())
    >>> m.values.shape == (len(m.ids), len(m.ids))
    True
    >>> bool((m.values == m.values.T).all())
    True
    """
    kind = _check_method(method)
    weight = _check_weight(text_weight)
    vectors = _vectors(catalog)
    values = vectors.scores(slice(None), kind, weight)
    values.setflags(write=False)  # handed over as it is, not copied
    return SimilarityMatrix(ids=vectors.ids, method=kind, values=values)


def _ranked(
    ids: tuple[str, ...], scores: np.ndarray[Any, Any], own: int, k: int
) -> tuple[Match, ...]:
    """Return the `k` best of `scores` but `own`, best first, ties by id (vectorised)."""
    work = np.array(scores, dtype=np.float64)
    work[own] = -np.inf
    k = min(k, len(work) - 1)
    if k <= 0:
        return ()
    kth = np.partition(work, len(work) - k)[len(work) - k]  # the k-th largest score
    candidates = np.flatnonzero(work >= kth)  # with every tie at the boundary
    best = sorted(candidates.tolist(), key=lambda j: (-work[j], ids[j]))[:k]
    return tuple(Match(role=ids[j], score=float(work[j])) for j in best)


def most_similar(
    catalog: Catalog,
    a: str | Role,
    *,
    k: int = 5,
    method: Method = DEFAULT_METHOD,
    text_weight: float = TEXT_WEIGHT,
) -> tuple[Match, ...]:
    """Return the `k` roles most similar to `a`, best first, ties by id.

    Parameters
    ----------
    catalog : Catalog
    a : str or Role
    k : int, optional (default = 5)
    method : {"cosine", "jaccard", "coverage", "fit", "tools", "text", "hybrid"}, optional
    text_weight : float, optional (default = TEXT_WEIGHT)
        With ``coverage``, how much of each other role the holder of `a` meets.

    Returns
    -------
    tuple of Match
        At most `k`; `a` itself is left out.

    Raises
    ------
    UnknownItemError
        If `a` is not a role of `catalog`.
    ArgumentError
        If `k` is not a whole number >= 1 or `method` is unknown.

    Examples
    --------
    >>> import ai_roles
    >>> cat = ai_roles.load_catalog()
    >>> [m.role for m in most_similar(cat, "mlops-engineer", k=2)]
    ['ml-platform-engineer', 'machine-learning-engineer']
    """
    count = whole_number(k)
    kind = _check_method(method)
    role = catalog.role(a)
    vectors = _vectors(catalog)
    own = vectors.ids.index(role.id)
    scores = vectors.scores([own], kind, _check_weight(text_weight))[0]
    return _ranked(vectors.ids, scores, own, count)


def top_k_similar(
    catalog: Catalog,
    *,
    k: int = 5,
    method: Method = DEFAULT_METHOD,
    block: int = 1024,
    text_weight: float = TEXT_WEIGHT,
) -> Iterator[tuple[str, tuple[Match, ...]]]:
    """Yield every role with its `k` most similar roles, in bounded memory.

    Rows are computed `block` at a time, so memory grows with ``block x n``,
    not ``n^2``: the way to rank neighbours in catalogs of tens of thousands
    of roles. Arguments are checked when it is called, before anything is
    yielded.

    Yields
    ------
    tuple of (str, tuple of Match)
        A role id and its `most_similar` result, in catalog order.

    Examples
    --------
    >>> import ai_roles
    >>> first = next(top_k_similar(ai_roles.load_catalog(), k=2))
    >>> first[0], len(first[1])
    ('machine-learning-engineer', 2)
    """
    count = whole_number(k)
    kind = _check_method(method)
    size = whole_number(block, "block")
    weight = _check_weight(text_weight)
    return _streamed(_vectors(catalog), count, kind, size, weight)


def _streamed(
    vectors: _Vectors, count: int, kind: Method, size: int, weight: float
) -> Iterator[tuple[str, tuple[Match, ...]]]:
    n = len(vectors.ids)
    for start in range(0, n, size):
        rows = np.arange(start, min(n, start + size))
        scores = vectors.scores(rows, kind, weight)
        for offset, own in enumerate(rows):
            yield vectors.ids[own], _ranked(vectors.ids, scores[offset], int(own), count)
