"""Real files for the tests: PDFs with text, images, made the way their producers do."""

from __future__ import annotations

import io


def make_pdf(*paragraphs: str, title: str = "") -> bytes:
    """A PDF whose pages hold ``paragraphs`` as text (fpdf2, core Helvetica font)."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 8, paragraph)
        pdf.ln(4)
    return bytes(pdf.output())


def make_image(kind: str = "PNG", size: tuple[int, int] = (40, 30)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format=kind)
    return buffer.getvalue()
