"""Reading hand-made gold annotations (``*.gold.json``) and pairing them with their documents.

A gold file has the shape of the extraction contract (DESIGN.md) reduced to what is scored:
``doc``, ``published``, ``persons`` (``name``, ``variants``, ``role``, ``articles``,
``outcomes`` with ``kind``, ``amount``, ``date``), ``organisations`` and ``places``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from civicwatch.errors import InvalidValueError

GOLD_SUFFIX = ".gold.json"
#: Document suffixes tried, in this order, when the gold file's ``doc`` is not found.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".pdf", ".docx")


@dataclass(frozen=True)
class GoldDocument:
    """One gold file: its raw JSON (``data``) plus the fields the tools read most."""

    path: Path | None
    doc: str | None
    published: str | None
    data: dict[str, Any] = field(repr=False)

    @property
    def stem(self) -> str:
        """The gold file's name without ``.gold.json`` (or the doc's stem without a path)."""
        if self.path is not None:
            name = self.path.name
            return name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else self.path.stem
        return Path(self.doc).stem if self.doc else "document"

    @property
    def persons(self) -> list[dict[str, Any]]:
        return list(self.data.get("persons") or [])

    def as_dict(self) -> dict[str, Any]:
        return self.data


def _problem(where: str, message: str) -> InvalidValueError:
    return InvalidValueError(f"{where}: {message}")


def _check_str_list(value: Any, where: str, key: str) -> None:
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _problem(where, f"'{key}' must be a list of strings")


def _check_names(value: Any, where: str, key: str) -> None:
    """Organisations and places: strings, or objects with a string ``name``."""
    if value is None:
        return
    if not isinstance(value, list):
        raise _problem(where, f"'{key}' must be a list")
    for index, item in enumerate(value):
        if isinstance(item, str):
            continue
        if isinstance(item, Mapping) and isinstance(item.get("name"), str):
            continue
        raise _problem(where, f"{key}[{index}] must be a name or an object with a 'name'")


def validate_gold(data: Any, where: str = "gold") -> dict[str, Any]:
    """Check the shape of a gold annotation; return it, or raise ``InvalidValueError``."""
    if not isinstance(data, dict):
        raise _problem(where, "a gold file must hold one JSON object")
    for key in ("doc", "published"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise _problem(where, f"'{key}' must be a string")
    persons = data.get("persons")
    if not isinstance(persons, list):
        raise _problem(where, "'persons' must be a list")
    for index, person in enumerate(persons):
        here = f"{where}: persons[{index}]"
        if not isinstance(person, dict) or not isinstance(person.get("name"), str):
            raise InvalidValueError(f"{here} must be an object with a string 'name'")
        _check_str_list(person.get("variants"), here, "variants")
        _check_str_list(person.get("articles"), here, "articles")
        outcomes = person.get("outcomes")
        if outcomes is None:
            continue
        if not isinstance(outcomes, list):
            raise InvalidValueError(f"{here}: 'outcomes' must be a list")
        for number, outcome in enumerate(outcomes):
            if not isinstance(outcome, dict) or not isinstance(outcome.get("kind"), str):
                raise InvalidValueError(f"{here}: outcomes[{number}] needs a string 'kind'")
            for key in ("amount", "date"):
                if outcome.get(key) is not None and not isinstance(outcome[key], str):
                    raise InvalidValueError(
                        f"{here}: outcomes[{number}].{key} must be a string or null"
                    )
    _check_names(data.get("organisations"), where, "organisations")
    _check_names(data.get("places"), where, "places")
    return data


def load_gold(path: str | Path) -> GoldDocument:
    """Read and check one ``*.gold.json`` file."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidValueError(f"{path}: cannot read gold file ({exc.strerror or exc})") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidValueError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    validate_gold(data, str(path))
    return GoldDocument(path=path, doc=data.get("doc"), published=data.get("published"), data=data)


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The ``*.gold.json`` files directly in ``gold_dir``, sorted by name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InvalidValueError(f"{gold_dir}: not a directory")
    return sorted(p for p in gold_dir.glob(f"*{GOLD_SUFFIX}") if p.is_file())


def candidate_documents(gold: GoldDocument, docs_dir: Path) -> list[Path]:
    """Where the document of ``gold`` may be, in the order they are tried."""
    candidates: list[Path] = []
    if gold.doc:
        candidates.append(docs_dir / gold.doc)
    candidates.extend(docs_dir / f"{gold.stem}{suffix}" for suffix in SUPPORTED_SUFFIXES)
    unique: list[Path] = []
    for candidate in candidates:
        if candidate not in unique:
            unique.append(candidate)
    return unique


def find_pairs(gold_dir: str | Path, docs_dir: str | Path | None = None) -> list[tuple[Path, Path]]:
    """Pair every gold file in ``gold_dir`` with its document in ``docs_dir``.

    The document is the gold file's ``doc`` looked up in ``docs_dir`` (default: ``gold_dir``);
    failing that, the gold file's stem with any supported suffix. A gold file whose document
    cannot be found, or a directory without gold files, is an ``InvalidValueError``.
    """
    gold_dir = Path(gold_dir)
    root = Path(docs_dir) if docs_dir is not None else gold_dir
    files = gold_files(gold_dir)
    if not files:
        raise InvalidValueError(f"{gold_dir}: no *{GOLD_SUFFIX} files")
    if docs_dir is not None and not root.is_dir():
        raise InvalidValueError(f"{root}: not a directory")
    pairs: list[tuple[Path, Path]] = []
    for gold_path in files:
        gold = load_gold(gold_path)
        candidates = candidate_documents(gold, root)
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            wanted = candidates[0]
            others = ", ".join(c.name for c in candidates[1:])
            raise InvalidValueError(
                f"{gold_path}: document {wanted} not found (also tried {others} in {root})"
            )
        pairs.append((gold_path, found))
    return pairs
