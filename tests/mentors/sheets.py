"""Spreadsheets built in memory for the import tests."""

import csv
import io
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook

HEADER = ["姓名 / Name", "工作单位 / Affiliation", "荣誉称号 / Honours", "领域 / Fields"]
HEADER += ["手机 / Mobile phone", "电子邮箱 / E-mail", "籍贯区县 / Hometown county"]
HEADER += ["可带徒弟数 / Capacity"]

GOOD = [
    ["左明健", "四创科技有限公司", "院士", "海洋经济；人工智能"]
    + ["13900001001", "zuo@example.cn", "晋安区", "3"],
    ["王浩", "泰国清迈大学创新学院", "Leading talent", "artificial intelligence"]
    + ["+66 81 234 5678", "", "", ""],
]


def csv_bytes(rows, header=HEADER, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER, merge=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def actions(plan):
    return [(row.number, row.action) for row in plan.rows]


# A minimal workbook written part by part, to craft what spreadsheet programs and attackers
# write and openpyxl does not: shared strings, a wrong or missing <dimension>, padding.
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
        f'Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def handmade_xlsx(rows, *, dimension="", merge="", padding=b"") -> bytes:
    """An .xlsx whose text cells are shared strings, with the ``<dimension>`` given (none if
    empty), an optional merged range, and ``padding`` written before the first row."""
    strings: dict[str, int] = {}
    xml_rows = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            if value != "":
                index = strings.setdefault(value, len(strings))
                ref = f"{chr(ord('A') + column)}{number}"
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
        xml_rows.append(f'<row r="{number}">{"".join(cells)}</row>')
    sheet = (
        f'<worksheet xmlns="{_MAIN}">'.encode()
        + (f'<dimension ref="{dimension}"/>'.encode() if dimension else b"")
        + b"<sheetData>"
        + padding
        + "".join(xml_rows).encode()
        + b"</sheetData>"
        + (f'<mergeCells><mergeCell ref="{merge}"/></mergeCells>'.encode() if merge else b"")
        + b"</worksheet>"
    )
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}">{shared}</sst>')
    return output.getvalue()


def with_declared_size(data: bytes, part: str, size: int) -> bytes:
    """``data`` with the uncompressed size that the zip declares for ``part`` set to ``size``
    (in its local header and in the central directory)."""
    patched = bytearray(data)
    offset = zipfile.ZipFile(io.BytesIO(data)).getinfo(part).header_offset
    patched[offset + 22 : offset + 26] = size.to_bytes(4, "little")
    name, start = part.encode(), 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + length] == name:
            patched[start + 24 : start + 28] = size.to_bytes(4, "little")
        start += 4
    return bytes(patched)
