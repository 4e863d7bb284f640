#!/usr/bin/env python3
"""Reads back an .xlsx workbook with the standard library alone (zipfile and
xml.etree), so the tests see what a spreadsheet would show without trusting
the library that wrote it.

read_xlsx.py FILE           the first sheet's cells, one row per line, tab-separated
                            (text from xl/sharedStrings.xml, numbers as stored,
                            formulas by their stored value), empty cells kept
read_xlsx.py FILE formulas  each formula cell: reference, formula, stored value
read_xlsx.py FILE formats   each cell with a number format: reference, format code
read_xlsx.py FILE sheets    the sheet names, in order
read_xlsx.py FILE widths    the column widths set: first column, last column, width
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
# The number formats Excel knows without a definition in styles.xml.
BUILTIN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
           14: "mm-dd-yy"}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def text_of(elem):
    """All the <t> text of a shared string or inline string, runs joined."""
    return "".join(t.text or "" for t in elem.iter("{%s}t" % NS["m"]))


def number(v):
    try:
        f = float(v)
    except ValueError:
        return v
    return str(int(f)) if f.is_integer() else v


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    z = zipfile.ZipFile(sys.argv[1])
    mode = sys.argv[2] if len(sys.argv) > 2 else "cells"
    if mode == "sheets":
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        for s in wb.find("m:sheets", NS):
            print(s.get("name"))
        return
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        strings = [text_of(si) for si in sst.findall("m:si", NS)]
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    if mode == "widths":
        for col in sheet.iter("{%s}col" % NS["m"]):
            print("%s\t%s\t%s" % (col.get("min"), col.get("max"), col.get("width")))
        return
    formats = {}
    xfs = []
    if mode == "formats":
        styles = ET.fromstring(z.read("xl/styles.xml"))
        numfmts = styles.find("m:numFmts", NS)
        for nf in numfmts if numfmts is not None else []:
            formats[int(nf.get("numFmtId"))] = nf.get("formatCode")
        xfs = [int(xf.get("numFmtId", "0")) for xf in styles.find("m:cellXfs", NS)]
    for row in sheet.find("m:sheetData", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            ref, kind = c.get("r"), c.get("t")
            v, f = c.find("m:v", NS), c.find("m:f", NS)
            if kind == "s":
                value = strings[int(v.text)]
            elif kind == "inlineStr":
                value = text_of(c.find("m:is", NS))
            elif kind == "str":
                value = v.text if v is not None else ""
            else:
                value = number(v.text) if v is not None else ""
            if mode == "formulas" and f is not None:
                print("%s\t%s\t%s" % (ref, f.text, value))
            elif mode == "formats":
                fid = xfs[int(c.get("s", "0"))]
                if fid:
                    print("%s\t%s" % (ref, formats.get(fid, BUILTIN.get(fid, str(fid)))))
            cells[column_index(ref)] = value
        if mode == "cells":
            width = max(cells) + 1 if cells else 0
            print("\t".join(cells.get(i, "") for i in range(width)))


if __name__ == "__main__":
    main()
