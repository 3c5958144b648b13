"""edcal's code imports downward only: the plan model and the core (load, plan, checks, outputs) never import
the blog's side, the Pelican adapter or the commands (docs/architecture.md, "Layers").

Imports are read with ``ast``, those inside functions too: a lazy import is a dependency all the same.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "edcal"

#: The layers, lowest first: a module imports its own layer's and those below, never one above.
#: Each name is a module or a folder of ``edcal`` ("" is the package's ``__init__``: Pelican's entry point).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the plan model", ("model",)),
    ("the shared helpers", ("errors", "i18n", "hints", "clock", "dates", "zones", "ids", "addresses", "files",
                            "imagesize", "lazy_packages", "public_holidays", "skeleton", "template_cache",
                            "translations")),
    ("load", ("load", "networks")),
    ("plan", ("plan",)),
    ("checks", ("checks",)),
    ("outputs", ("outputs",)),
    ("the site's settings and theme", ("site", "themes")),
    ("the blog's side", ("blog",)),
    ("the Pelican adapter", ("pelican_plugin",)),
    ("the commands and entry points", ("commands", "__main__", "_console", "_usage", "_help", "")),
)

#: Imports that go up a layer on purpose: (importing module, imported module) -> why.
ALLOWED_UPWARD: dict[tuple[str, str], str] = {
    # A sitemap or robots.txt the blog cannot write (SITEMAP_SAVE_AS naming a folder) stops the build as
    # every input error does: abort() reports it, or hands it to the command, and keeps `pelican -r`'s loop
    # alive from the build's state; the outcome says whether output/ was staged. Imported in that error
    # path only, so the blog alone (PLUGINS = ["edcal.blog"]) loads no more than before.
    ("edcal.blog.sitemap", "edcal.pelican_plugin"): "abort(): how an input error stops a Pelican run",
    ("edcal.blog.sitemap", "edcal.pelican_plugin.staging"): "STAGING_PREFIX: whether output/ was staged",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return (PACKAGE.parent / relative).with_suffix(".py").is_file() or (PACKAGE.parent / relative).is_dir()


def imported(path: Path) -> Iterator[tuple[int, str]]:
    """Each ``edcal`` module ``path`` imports, with the line: at the top, in a function, under TYPE_CHECKING."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # `from edcal import clock` imports a module, `from edcal import X` a name
                yield node.lineno, f"{base}.{alias.name}" if is_module(f"{base}.{alias.name}") else base


def layer_of(module: str) -> int:
    """The index in LAYERS of an ``edcal`` module, by its first name under ``edcal``."""
    first = module.split(".")[1] if "." in module else ""
    for index, (_, names) in enumerate(LAYERS):
        if first in names:
            return index
    raise AssertionError(f"{module} is in no layer: add `{first}` to LAYERS (and to docs/architecture.md)")


def upward_imports() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        for line, target in imported(path):
            if target != "edcal" and not target.startswith("edcal."):
                continue
            if layer_of(target) > layer_of(importer) and (importer, target) not in ALLOWED_UPWARD:
                found.append(f"{path.relative_to(ROOT)}:{line}: {importer} ({LAYERS[layer_of(importer)][0]}) "
                             f"imports {target} ({LAYERS[layer_of(target)][0]})")
    return list(dict.fromkeys(found))  # `from x import a, b`: one line


def test_every_module_is_in_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path))


def test_no_module_imports_a_layer_above_its_own() -> None:
    found = upward_imports()
    assert not found, "\n".join(found)


def test_the_allowed_upward_imports_still_exist() -> None:
    # An exception nobody needs any more would let the import come back unseen.
    found = {(module_name(path), target) for path in PACKAGE.rglob("*.py") for _, target in imported(path)}
    assert sorted(set(ALLOWED_UPWARD) - found) == []


def test_the_core_imports_neither_pelican_nor_click() -> None:
    # The plan model and the core are plain Python: Pelican and click are the adapters' (STYLE.md).
    core = [index for index, (title, _) in enumerate(LAYERS) if index <= layer_of("edcal.outputs")]
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if layer_of(module_name(path)) not in core:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {name}" for name in names
                      if name.split(".")[0] in ("pelican", "click")]
    assert not found, "\n".join(found)
