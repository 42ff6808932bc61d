#!/usr/bin/env python3
"""Draws Everyday's app icons: a white sun with a tick on the brand blue.

Writes public/icon.svg and, from the same shapes, public/icon-192.png, public/icon-512.png
(rounded square, transparent corners) and public/icon-maskable-512.png (full-bleed square,
shapes inside the maskable safe zone). Python standard library only (zlib + struct);
deterministic output, so re-running it changes nothing unless the shapes change.

    python3 scripts/make-icons.py
"""

import math
import struct
import zlib
from pathlib import Path

PUBLIC = Path(__file__).resolve().parent.parent / "public"

VIEW = 512.0  # design units: a 512 x 512 square
BLUE = (0x1D, 0x4E, 0x89)
WHITE = (0xFF, 0xFF, 0xFF)
CORNER = 112.0  # radius of the rounded square
SUN_R = 128.0  # the sun's disc
RAY_IN, RAY_OUT, RAY_W = 164.0, 200.0, 28.0  # eight rays, round caps
TICK = [(192.0, 260.0), (238.0, 306.0), (324.0, 212.0)]  # the tick, on the disc
TICK_W = 36.0
MASKABLE_SCALE = 0.8  # keeps everything inside the central 80% safe zone


def rays():
    c = VIEW / 2
    out = []
    for i in range(8):
        a = math.radians(i * 45)
        out.append(
            (
                (round(c + RAY_IN * math.cos(a), 1), round(c + RAY_IN * math.sin(a), 1)),
                (round(c + RAY_OUT * math.cos(a), 1), round(c + RAY_OUT * math.sin(a), 1)),
            )
        )
    return out


def fmt(v):
    return f"{v:g}"


def svg():
    lines = "".join(
        f'<line x1="{fmt(a[0])}" y1="{fmt(a[1])}" x2="{fmt(b[0])}" y2="{fmt(b[1])}"/>'
        for a, b in rays()
    )
    tick = " ".join(f"{fmt(x)} {fmt(y)}" for x, y in TICK)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        f'<rect width="512" height="512" rx="{fmt(CORNER)}" fill="#1d4e89"/>'
        f'<g stroke="#fff" stroke-width="{fmt(RAY_W)}" stroke-linecap="round">{lines}</g>'
        f'<circle cx="256" cy="256" r="{fmt(SUN_R)}" fill="#fff"/>'
        f'<polyline points="{tick}" fill="none" stroke="#1d4e89" stroke-width="{fmt(TICK_W)}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
        "</svg>\n"
    )


# --- Signed distances (negative inside), in design units -------------------------------------


def d_rounded_square(x, y, radius):
    half = VIEW / 2
    qx = abs(x - half) - (half - radius)
    qy = abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def d_segment(x, y, a, b, width):
    ax, ay = a
    bx, by = b
    px, py = x - ax, y - ay
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - t * dx, py - t * dy) - width / 2


def d_circle(x, y, r):
    return math.hypot(x - VIEW / 2, y - VIEW / 2) - r


def render(size, maskable):
    """RGBA bytes of one icon, anti-aliased from the distance to each shape's edge."""
    unit = VIEW / size  # design units per pixel
    scale = MASKABLE_SCALE if maskable else 1.0
    ray_segments = rays()
    tick_segments = list(zip(TICK, TICK[1:]))
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            x = (px + 0.5) * unit
            y = (py + 0.5) * unit
            # Shapes are scaled about the centre for the maskable icon.
            sx = VIEW / 2 + (x - VIEW / 2) / scale
            sy = VIEW / 2 + (y - VIEW / 2) / scale
            pix = unit / scale  # one pixel, in the shapes' units

            def cover(d, px_units=pix):
                return min(1.0, max(0.0, 0.5 - d / px_units))

            r, g, b, a = 0.0, 0.0, 0.0, 0.0

            def over(col, alpha):
                nonlocal r, g, b, a
                if alpha <= 0.0:
                    return
                out_a = alpha + a * (1 - alpha)
                r = (col[0] * alpha + r * a * (1 - alpha)) / out_a
                g = (col[1] * alpha + g * a * (1 - alpha)) / out_a
                b = (col[2] * alpha + b * a * (1 - alpha)) / out_a
                a = out_a

            if maskable:
                over(BLUE, 1.0)
            else:
                over(BLUE, cover(d_rounded_square(x, y, CORNER), unit))
            if a > 0.0:
                dist_from_centre = math.hypot(sx - VIEW / 2, sy - VIEW / 2)
                if dist_from_centre < RAY_OUT + RAY_W:
                    d_rays = min(d_segment(sx, sy, p, q, RAY_W) for p, q in ray_segments)
                    over(WHITE, cover(min(d_rays, d_circle(sx, sy, SUN_R))))
                if dist_from_centre < SUN_R:
                    d_tick = min(d_segment(sx, sy, p, q, TICK_W) for p, q in tick_segments)
                    over(BLUE, cover(d_tick))
            row += bytes((round(r), round(g), round(b), round(a * 255)))
        rows.append(bytes(row))
    return rows


def png(size, rows):
    """An 8-bit indexed-colour PNG when the icon has at most 256 colours (it does: two colours
    and their anti-aliased blends), which is lossless and about a third of the RGBA size;
    RGBA otherwise."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    colours = sorted({row[i : i + 4] for row in rows for i in range(0, len(row), 4)}, key=lambda c: (c[3], c))
    chunks = []
    if len(colours) <= 256:
        index = {c: i for i, c in enumerate(colours)}
        pixels = [bytes(index[row[i : i + 4]] for i in range(0, len(row), 4)) for row in rows]
        header = struct.pack(">IIBBBBB", size, size, 8, 3, 0, 0, 0)
        chunks.append(chunk(b"PLTE", b"".join(c[:3] for c in colours)))
        # Transparent entries sort first, so tRNS can stop at the last one below 255.
        alphas = bytes(c[3] for c in colours).rstrip(b"\xff")
        if alphas:
            chunks.append(chunk(b"tRNS", alphas))
    else:
        pixels = rows
        header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    # Filter type 0 on every row: with large flat areas it compresses best (measured).
    raw = b"".join(b"\x00" + row for row in pixels)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + b"".join(chunks)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    PUBLIC.mkdir(exist_ok=True)
    (PUBLIC / "icon.svg").write_text(svg(), encoding="utf-8")
    for name, size, maskable in (
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ):
        (PUBLIC / name).write_bytes(png(size, render(size, maskable)))
        print(f"wrote public/{name}")
    print("wrote public/icon.svg")


if __name__ == "__main__":
    main()
