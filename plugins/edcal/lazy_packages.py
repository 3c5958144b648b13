"""One module of a package whose ``__init__`` imports far more than edcal needs.

- twitter-text's ``__init__`` imports ``parse_tweet``, whose emoji expression
  takes 0.65 s to compile in every process; X's counting needs only the URL
  extractor and the configuration (:mod:`edcal.networks.counting`).
- holidays' ``holidays.countries`` imports the modules of some 250 countries
  (0.12 s); a site has one country (:mod:`edcal.public_holidays`).

The package object is created from its spec without running ``__init__``,
which is enough to import its submodules. The first attribute it lacks (for
anyone who uses the package as usual) runs ``__init__`` in that same object
(PEP 562 ``__getattr__``): there is only ever one package, and it ends up
exactly as a normal import leaves it.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from types import ModuleType
from typing import Any

_LOCK = threading.RLock()


def submodule(package: str, name: str) -> ModuleType:
    """``package.name``, without running ``package``'s ``__init__`` if it has not run yet.

    :raises ModuleNotFoundError: when the package or the module does not exist.
    """
    module = f"{package}.{name}"
    found = sys.modules.get(module)
    if found is not None:
        return found
    with _LOCK:
        if package not in sys.modules:
            _install_uninitialized(package)
        return importlib.import_module(module)


def _install_uninitialized(package: str) -> None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named '{package}'", name=package)
    loader = spec.loader
    created = importlib.util.module_from_spec(spec)

    def __getattr__(attribute: str) -> Any:
        with _LOCK:
            if "__getattr__" in created.__dict__:
                del created.__dict__["__getattr__"]
                loader.exec_module(created)
        if attribute in created.__dict__:
            return created.__dict__[attribute]
        raise AttributeError(f"module '{package}' has no attribute '{attribute}'")

    created.__getattr__ = __getattr__  # type: ignore[attr-defined]
    sys.modules[package] = created
    parent, _, child = package.rpartition(".")
    if parent:  # `import holidays; holidays.countries` must find the same object
        setattr(sys.modules[parent], child, created)
