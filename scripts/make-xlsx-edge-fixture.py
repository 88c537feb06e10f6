#!/usr/bin/env python3
"""Writes Tests/TicklerImportTests/Fixtures/import/edge-inline-1904.xlsx by hand: what
LibreOffice does not write but other tools do (inline strings as the CRMs' exporters write
them, the 1904 date system of old Mac Excel, a time-only cell, a boolean, a formula with a
cached value, a gap in the cells of a row, and a second sheet). Run by
scripts/make-import-fixtures.sh; needs only Python."""
import sys
import zipfile

out = sys.argv[1] if len(sys.argv) > 1 else "edge-inline-1904.xlsx"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

rows = [
    "".join([inline("A1", "rep"), inline("B1", "date"), inline("C1", "check_in"), inline("D1", "absent"), inline("E1", "excused")]),
    # 1904 system: serial 44888 is 2026-11-24; 0.3541666 is 08:30; a formula's cached value.
    "".join([inline("A2", "R01"), '<c r="B2" s="1"><v>44888</v></c>', '<c r="C2" s="2"><f>TIME(8,30,0)</f><v>0.354166666666667</v></c>']),
    # a gap (no C3), a boolean, rich text in an inline string
    "".join(['<c r="A3" t="inlineStr"><is><r><t>R0</t></r><r><t>2</t></r></is></c>', '<c r="B3" s="1"><v>44888</v></c>',
             '<c r="D3" t="b"><v>1</v></c>', '<c r="E3" t="b"><v>0</v></c>']),
]
sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>' + "".join(
    f'<row r="{i + 1}">{cells}</row>' for i, cells in enumerate(rows)) + "</sheetData></worksheet>"
other = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData><row r="1">{inline("A1", "notes")}</row></sheetData></worksheet>'
styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]h:mm\\ AM/PM;@"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>')
workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {R}><workbookPr date1904="1"/><sheets>'
            '<sheet name="Notes" sheetId="2" r:id="rId2"/><sheet name="Asistencia" sheetId="1" r:id="rId1"/></sheets></workbook>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>')
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '</Types>')
root_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                       ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles),
                       ("xl/worksheets/sheet1.xml", sheet), ("xl/worksheets/sheet2.xml", other)]:
        info = zipfile.ZipInfo(name, date_time=(2026, 11, 24, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
