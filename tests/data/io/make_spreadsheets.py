#!/usr/bin/env python3
"""Writes spreadsheet.xlsx and spreadsheet.ods (fixtures of test_io_tables) by hand, so that their
exact layout is known: a title row, a blank row, the header on row 3, codes stored as text and as
numbers (leading zero lost), a decimal value, a blank row inside the data, and a second sheet; documentation_first.xlsx/.ods put a documentation sheet first."""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

# Rows of the first sheet, by spreadsheet row number; a cell is str (text) or int/float (number).
DATA = {
    1: ["Effectifs de professionnels par commune"],
    3: ["code_commune", "Profession", "Effectif"],
    4: ["01001", "Médecin généraliste", 2],
    5: [1001, "Infirmier", 2.5],
    7: ["2A004", "Pharmacien", 7],
}
NOTES = {1: ["Source : fichier fictif"], 2: ["Licence", "Etalab"], 3: ["Producteur", "ORS"]}
SHEETS = [("Effectifs", DATA), ("Notes", NOTES)]
# documentation_first.*: the data is the second of three sheets, after a documentation sheet (which has
# a small two-column table of its own, as INSEE's "Documentation" sheets do).
README = {1: ["Effectifs de professionnels de santé par commune"], 3: ["Variable", "Définition"],
          4: ["code_commune", "Code INSEE de la commune"], 5: ["Effectif", "Nombre de professionnels"]}
DOC_FIRST = [("Documentation", README), ("Données", DATA), ("Notes", NOTES)]


def col(i):
    return "ABCDEFGHIJ"[i]


def xlsx(path, SHEETS=SHEETS):
    strings = []

    def sid(s):
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    sheets_xml = []
    for _, rows in SHEETS:
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r in sorted(rows):
            out.append('<row r="%d">' % r)
            for i, v in enumerate(rows[r]):
                ref = "%s%d" % (col(i), r)
                if isinstance(v, str):
                    out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sid(v)))
                else:
                    out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            out.append('</row>')
        out.append('</sheetData></worksheet>')
        sheets_xml.append("".join(out))

    shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
              % (len(strings), len(strings))]
    shared += ['<si><t>%s</t></si>' % escape(s) for s in strings]
    shared.append('</sst>')

    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    % (i + 1) for i in range(len(SHEETS)))
          + '<Override PartName="/xl/sharedStrings.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(n), i + 1, i + 1)
                    for i, (n, _) in enumerate(SHEETS))
          + '</sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join('<Relationship Id="rId%d" '
                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                        'Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(len(SHEETS)))
              + '<Relationship Id="rId%d" '
              'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
              'Target="sharedStrings.xml"/></Relationships>' % (len(SHEETS) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                           ("xl/_rels/workbook.xml.rels", wbrels), ("xl/sharedStrings.xml", "".join(shared))]:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text)
        for i, text in enumerate(sheets_xml):
            z.writestr(zipfile.ZipInfo("xl/worksheets/sheet%d.xml" % (i + 1), (1980, 1, 1, 0, 0, 0)), text)


def ods(path, SHEETS=SHEETS):
    body = []
    for name, rows in SHEETS:
        body.append('<table:table table:name="%s">' % escape(name))
        last = 0
        for r in sorted(rows):
            if r - last > 1:
                body.append('<table:table-row table:number-rows-repeated="%d"><table:table-cell/></table:table-row>'
                            % (r - last - 1))
            body.append('<table:table-row>')
            for v in rows[r]:
                if isinstance(v, str):
                    body.append('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
                                % escape(v))
                else:
                    body.append('<table:table-cell office:value-type="float" office:value="%s">'
                                '<text:p>%s</text:p></table:table-cell>' % (v, str(v).replace(".", ",")))
            body.append('</table:table-row>')
            last = r
        body.append('</table:table>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet>' + "".join(body) +
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        for name, text in [("META-INF/manifest.xml", manifest), ("content.xml", content)]:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text, compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    xlsx(os.path.join(HERE, "spreadsheet.xlsx"))
    ods(os.path.join(HERE, "spreadsheet.ods"))
    xlsx(os.path.join(HERE, "documentation_first.xlsx"), DOC_FIRST)
    ods(os.path.join(HERE, "documentation_first.ods"), DOC_FIRST)
