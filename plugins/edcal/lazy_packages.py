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
    with _LOCK:  # another thread may be importing it: wait for the whole module
        found = sys.modules.get(module)
        if found is not None:
            return found
        if package not in sys.modules:
            _install_uninitialized(package)
        return importlib.import_module(module)


def _install_uninitialized(package: str) -> None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named '{package}'", name=package)
    loader = spec.loader
    created = importlib.util.module_from_spec(spec)
    initialized = threading.Event()

    def __getattr__(attribute: str) -> Any:
        # Under the lock, so that another thread waits for the whole ``__init__``; the thread
        # running it (re-entrant lock) reads what is defined so far, as in a normal import.
        with _LOCK:
            if not initialized.is_set():
                initialized.set()
                try:
                    loader.exec_module(created)
                except BaseException:
                    initialized.clear()  # the next attribute tries again, and fails the same way
                    raise
        try:
            return created.__dict__[attribute]
        except KeyError:
            raise AttributeError(f"module '{package}' has no attribute '{attribute}'") from None

    created.__dict__["__getattr__"] = __getattr__  # a module's own __getattr__ (PEP 562)
    sys.modules[package] = created
    parent, _, child = package.rpartition(".")
    if parent:  # `import holidays; holidays.countries` must find the same object
        setattr(sys.modules[parent], child, created)
