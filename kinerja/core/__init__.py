"""Pure computation core of Kinerja.

Included: Decimal helpers and Indonesian formatting (``numbers``), reporting periods
(``periods``), the government's configurable rules (``rules``), the achievement formula of
one indicator (``achievement``), the frozen plan tree that selectors build (``tree``), the
roll-ups over that tree (``rollup``) and the checks that return findings (``validation``);
explanations written on first access (``lazy``) and the garbage-collector pause used around
large computations (``gcpause``).

Not included: anything that touches the database, HTTP, files or a third-party package.
Every module here imports only the standard library and ``kinerja.core``;
``tests/core/test_purity.py`` enforces it.
"""
