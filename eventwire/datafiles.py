"""Reading the package's tab-separated data files (format in docs/data-formats.md)."""

from __future__ import annotations

from importlib import resources


def rows(package: str, name: str, required: bool = True) -> list[dict[str, str]]:
    """Records of ``<package>/data/<name>``: comment lines (#), then a header line, then one record
    per line, tab-separated; returned as dicts by column name. A missing optional file gives []."""
    try:
        text = resources.files(package).joinpath(f"data/{name}").read_text("utf-8")
    except FileNotFoundError:
        if required:
            raise
        return []
    header: list[str] | None = None
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        out.append({h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)})
    return out


def sections(package: str, name: str) -> dict[str, list[str]]:
    """Lines of ``<package>/data/<name>`` grouped under "[section]" headers; comment (#) and blank
    lines are left out. Lines before the first header are ignored."""
    text = resources.files(package).joinpath(f"data/{name}").read_text("utf-8")
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return out
