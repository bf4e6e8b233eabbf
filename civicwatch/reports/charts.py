"""Charts and the offline events map, as SVG or PNG bytes (matplotlib, Agg).

Nothing here touches the network: fonts are matplotlib's bundled DejaVu, the map's
outlines are the Natural Earth pack in ``reports/outlines/`` (see its README), and no tile
server is asked for anything. Figures are built with :class:`matplotlib.figure.Figure`
rather than ``pyplot``, so there is no global figure state shared between web requests.

SVG text is kept as text (``svg.fonttype = none``): smaller files, searchable and readable
by screen readers; the viewer's sans-serif font draws it.
"""

from __future__ import annotations

import io
import json
import math
import os
import tempfile
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from civicwatch.core.vocab import EventType
from civicwatch.errors import InvalidValueError
from civicwatch.reports.statistics import Statistics

__all__ = [
    "FORMATS",
    "country_outlines",
    "events_map",
    "media_type",
    "monthly_events_chart",
    "provisions_chart",
]

FORMATS = ("svg", "png")
MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
TOP_TYPES = 6  # event types drawn apiece in the monthly chart; the rest are "Other"
PNG_DPI = 150
# Colour-blind-safe qualitative palette (Okabe and Ito), then grey for "Other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
OTHER_COLOUR = "#999999"
LAND = "#f2efe9"
CONTEXT_LAND = "#fafafa"
BORDER = "#8c8c8c"
POINT = "#b2182b"


def _configure() -> Any:
    """Import matplotlib with a config directory that is not the user's home and with the
    bundled fonts only, once per process."""
    if "MPLCONFIGDIR" not in os.environ:
        # matplotlib caches its font list there; a per-user folder in the system temp
        # directory keeps it out of ~/.config and survives between runs
        folder = Path(tempfile.gettempdir()) / f"civicwatch-matplotlib-{os.getuid()}"
        folder.mkdir(mode=0o700, exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(folder)
    import matplotlib

    matplotlib.use("Agg", force=True)
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib
            "svg.fonttype": "none",
            "svg.hashsalt": "civicwatch",  # stable ids: the same figures give the same file
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 11,
            "axes.labelsize": 9,
            "xtick.labelsize": 8,
            "ytick.labelsize": 8,
            "legend.fontsize": 8,
        }
    )
    return matplotlib


_LOCK = threading.Lock()
_LOADED: dict[str, Any] = {}


def _matplotlib() -> dict[str, Any]:
    """matplotlib's classes, imported once under a lock: the web server's threads may ask
    for charts at the same moment, and a first import racing another fails."""
    with _LOCK:
        if not _LOADED:
            _configure()
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure
            from matplotlib.patches import Polygon

            _LOADED.update(canvas=FigureCanvasAgg, figure=Figure, polygon=Polygon)
        return _LOADED


def _figure(width: float, height: float) -> Any:
    classes = _matplotlib()
    figure = classes["figure"](figsize=(width, height), layout="constrained")
    classes["canvas"](figure)
    return figure


def media_type(fmt: str) -> str:
    return MEDIA_TYPES[_check(fmt)]


def _check(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InvalidValueError(f"chart format {fmt!r}: use one of {', '.join(FORMATS)}")
    return fmt


def _save(figure: Any, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    else:
        figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()


def _empty(axes: Any, message: str) -> None:
    axes.set_axis_off()
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)


def monthly_events_chart(stats: Statistics, fmt: str = "svg", *, title: str | None = None) -> bytes:
    """Stacked bars: events per month, by event type (the most frequent types apiece)."""
    _check(fmt)
    figure = _figure(7.5, 3.6)
    axes = figure.add_subplot()
    axes.set_title(title if title is not None else _("Events by month and type"))
    if not stats.months:
        _empty(axes, _("No dated events in this selection"))
        return _save(figure, fmt)
    shown: list[EventType] = stats.event_types[:TOP_TYPES]
    rest = set(stats.event_types[TOP_TYPES:])
    labels = [row.month for row in stats.months]
    positions = list(range(len(labels)))
    bottom = [0] * len(labels)
    series: list[tuple[str, str, list[int]]] = [
        (kind.label, PALETTE[i % len(PALETTE)], [row.counts.get(kind, 0) for row in stats.months])
        for i, kind in enumerate(shown)
    ]
    if rest:
        other = [sum(n for k, n in row.counts.items() if k in rest) for row in stats.months]
        series.append((_("Other"), OTHER_COLOUR, other))
    for label, colour, values in series:
        axes.bar(positions, values, bottom=bottom, label=label, color=colour, width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, math.ceil(len(labels) / 18))  # no more than 18 month labels
    axes.set_xticks(positions[::step], labels[::step], rotation=45, ha="right")
    axes.set_ylabel(_("Events"))
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return _save(figure, fmt)


def provisions_chart(stats: Statistics, fmt: str = "svg", *, title: str | None = None) -> bytes:
    """Horizontal bars: persons charged under each of the most-used provisions."""
    _check(fmt)
    rows = stats.provisions
    figure = _figure(7.0, max(2.2, 0.35 * len(rows) + 1.0))
    axes = figure.add_subplot()
    axes.set_title(title if title is not None else _("Most-used legal provisions"))
    if not rows:
        _empty(axes, _("No charges in this selection"))
        return _save(figure, fmt)
    names = [
        f"{row.label} ({row.short_title})" if row.short_title else row.label
        for row in reversed(rows)
    ]
    names = [name if len(name) <= 45 else name[:44] + "…" for name in names]
    values = [row.persons for row in reversed(rows)]
    axes.barh(range(len(rows)), values, color=PALETTE[0], height=0.6)
    axes.set_yticks(range(len(rows)), names)
    axes.set_xlabel(_("Persons charged"))
    axes.xaxis.get_major_locator().set_params(integer=True)
    for y, value in enumerate(values):
        axes.text(value, y, f" {value}", va="center", fontsize=8)
    return _save(figure, fmt)


@cache
def country_outlines() -> dict[str, dict[str, Any]]:
    """ISO code → {"name", "context", "polygons": [[(lon, lat), ...], ...]} from the pack."""
    text = resources.files("civicwatch.reports").joinpath("outlines/countries.json").read_text()
    outlines: dict[str, dict[str, Any]] = {}
    for feature in json.loads(text)["features"]:
        props = feature["properties"]
        polygons = [
            [(float(x), float(y)) for x, y in polygon[0]]
            for polygon in feature["geometry"]["coordinates"]
        ]
        outlines[props["iso_a2"]] = {
            "name": props["name"],
            "context": bool(props.get("context")),
            "polygons": polygons,
        }
    return outlines


def _bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs), max(xs), min(ys), max(ys)


# Russia at full width would shrink everything else to a dot; without a country filter or
# points, the map shows the monitored region from the Caucasus and Belarus to Central Asia.
DEFAULT_EXTENT = (23.0, 88.0, 35.0, 57.0)


def _extent(stats: Statistics, outlines: dict[str, dict[str, Any]]) -> tuple[float, ...]:
    """The filtered country, else the countries the points lie in (with the points), else
    the whole monitored region. Russia is never framed whole: only around its points."""
    flt_country = stats.filter.country
    codes = {flt_country} if flt_country else {p.country for p in stats.places}
    corners = [
        pt
        for code in codes - {"RU", ""}
        if code in outlines
        for polygon in outlines[code]["polygons"]
        for pt in polygon
    ]
    corners += [(p.longitude, p.latitude) for p in stats.places]
    if not corners:
        west, east, south, north = DEFAULT_EXTENT
    else:
        west, east, south, north = _bounds(corners)
        # at least a small country's width, so one city is not a blank square
        if east - west < 12:
            middle = (east + west) / 2
            west, east = middle - 6, middle + 6
        if north - south < 7:
            middle = (north + south) / 2
            south, north = middle - 3.5, middle + 3.5
    margin_x, margin_y = (east - west) * 0.06 + 0.5, (north - south) * 0.06 + 0.5
    return west - margin_x, east + margin_x, south - margin_y, north + margin_y


def events_map(stats: Statistics, fmt: str = "svg", *, title: str | None = None) -> bytes:
    """Points of events on simple country outlines, sized by the number of events."""
    _check(fmt)
    Polygon = _matplotlib()["polygon"]
    outlines = country_outlines()
    west, east, south, north = _extent(stats, outlines)
    figure = _figure(7.5, 4.8)
    axes = figure.add_subplot()
    axes.set_title(title if title is not None else _("Events by place"))
    for code, outline in outlines.items():
        colour = CONTEXT_LAND if outline["context"] else LAND
        for polygon in outline["polygons"]:
            axes.add_patch(
                Polygon(polygon, closed=True, facecolor=colour, edgecolor=BORDER, linewidth=0.6)
            )
        if not outline["context"]:
            label_at = max(outline["polygons"], key=len)
            cx, cy = _centre(label_at)
            if west < cx < east and south < cy < north:
                axes.text(cx, cy, code, ha="center", va="center", fontsize=7, color=BORDER)
    if stats.places:
        biggest = max(p.events for p in stats.places)
        sizes = [18 + 300 * (p.events / biggest) for p in stats.places]
        axes.scatter(
            [p.longitude for p in stats.places],
            [p.latitude for p in stats.places],
            s=sizes,
            color=POINT,
            alpha=0.7,
            edgecolors="white",
            linewidths=0.6,
            zorder=3,
        )
        for place in stats.places[:20]:  # name the busiest places only, to stay readable
            axes.annotate(
                f"{place.name} ({place.events})",
                (place.longitude, place.latitude),
                xytext=(5, 4),
                textcoords="offset points",
                fontsize=7,
                zorder=4,
            )
    else:
        axes.text(
            0.5, 0.5, _("No events with a known place"), ha="center", transform=axes.transAxes
        )
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    # equirectangular, with the degree of longitude shortened at this latitude
    axes.set_aspect(1 / math.cos(math.radians((north + south) / 2)))
    axes.set_xticks([])
    axes.set_yticks([])
    for spine in axes.spines.values():
        spine.set_visible(True)
        spine.set_color(BORDER)
    caption = _("Outlines: Natural Earth (public domain), for orientation only.")
    if stats.unplaced_events:
        caption += " " + _("%(count)d events without a known place are not shown.") % {
            "count": stats.unplaced_events
        }
    figure.text(0.01, 0.005, caption, fontsize=6, color="#555555")
    return _save(figure, fmt)


def _centre(polygon: list[tuple[float, float]]) -> tuple[float, float]:
    west, east, south, north = _bounds(polygon)
    return (west + east) / 2, (south + north) / 2
