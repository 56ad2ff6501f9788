"""QR codes of join links, drawn by the app with segno (no outside service)."""

from __future__ import annotations

import io


def qr_svg(data: str, *, scale: int = 8, dark: str = "#1f2328") -> bytes:
    """An SVG QR code of `data` (medium error correction, 4-module quiet zone, white light)."""
    import segno  # imported with the first QR code drawn, not at start-up

    code = segno.make(data, error="m", micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=scale,
        border=4,
        dark=dark,
        light="#ffffff",
        xmldecl=False,
        svgns=True,
        title="扫码加入现场赛",
        svgclass="qr",
        lineclass=None,
    )
    return out.getvalue()
