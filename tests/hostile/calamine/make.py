#!/usr/bin/env python3
"""Minimal files that make calamine 0.38 abort, panic or loop for ever (each ~1 KB).

Meirim works around each one (crates/meirim-exchange/src/import/guard.rs and source.rs,
and reads every file in a worker process with a memory cap and a time limit); these are
kept so the bugs can be reported upstream, and the hostile-files test reads each of them
through the real import path. Run: python3 make.py  (writes the files beside this script)
"""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""


def sheet(cells):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{cells}</sheetData></worksheet>")


def xlsx(name, sheet_xml, shared):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        z.writestr("xl/sharedStrings.xml", shared)
    write(name, buf.getvalue())


def ods(name, body):
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               f"<office:body><office:spreadsheet>{body}")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    write(name, buf.getvalue())


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


ONE = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="{n}"><si><t>Аты</t></si></sst>'

# Xlsx::new reserves `uniqueCount` shared strings: 10^9 × 24 bytes, the process aborts.
xlsx("xlsx-shared-strings-1e9.xlsx", sheet(ONE), SST.format(n=10**9))
# ... and 10^18 overflows the capacity: a panic ("capacity overflow").
xlsx("xlsx-shared-strings-1e18.xlsx", sheet(ONE), SST.format(n=10**18))
# worksheet_range lays out the bounding box of A1 and XFD1048576: a 550 GB allocation.
xlsx("xlsx-far-corner.xlsx",
     sheet(ONE + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
     SST.format(n=1))
# The ODS reader (read_table) has no end-of-file case: without </table:table> it loops for ever.
ods("ods-missing-table-end.ods",
    '<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string">'
    "<text:p>Аты</text:p></table:table-cell></table:table-row>")
# 6 000 rows of 16 384 repeated cells with a value: 98 million cells laid out, ~6 GB.
ods("ods-repeated-cells.ods",
    '<table:table table:name="A"><table:table-row table:number-rows-repeated="6000">'
    '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>'
    "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>")
# <text:s text:c="N"/> pushes N spaces one by one: 10^12 of them.
ods("ods-space-run.ods",
    '<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string">'
    '<text:p>a<text:s text:c="1000000000000"/></text:p></table:table-cell></table:table-row>'
    "</table:table></office:spreadsheet></office:body></office:document-content>")
# An annotation never closed: get_datatype's annotation loop has no end-of-file case either.
ods("ods-annotation-unclosed.ods",
    '<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string">'
    "<office:annotation><text:p>note</text:p>")
