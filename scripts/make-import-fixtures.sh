#!/bin/bash
# Regenerates the import test fixtures made by a real spreadsheet program (LibreOffice Calc,
# headless) from the UTF-8 sources in Tests/TicklerImportTests/Fixtures/import/source/.
# The generated files are committed, so CI does not need LibreOffice; run this after editing
# a source. Needs: apt-get install -y --no-install-recommends libreoffice-calc-nogui
#
# CSV filter options (https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html):
# separator (44 ',' 59 ';' 9 tab), text delimiter (34 '"'), character set (76 UTF-8,
# 85 GB18030, 65535 UTF-16 with BOM, 33 Windows-1250, 1 Windows-1252), first line;
# on import, per-column formats (2 text, 5 YMD date, 4 DMY date, 1 standard).
set -euo pipefail
cd "$(dirname "$0")/../Tests/TicklerImportTests/Fixtures/import"
src=source
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
profile="-env:UserInstallation=file://$out/profile"

# $1 source, $2 import options, $3 export filter, $4 result name
convert() {
    local name
    name=$(basename "$1" .csv)
    rm -rf "$out/conv" && mkdir -p "$out/conv"
    cp "$src/$1" "$out/conv/$name.csv"
    soffice "$profile" --headless --infilter="CSV:$2" --convert-to "$3" --outdir "$out/conv/result" "$out/conv/$name.csv" >/dev/null
    mv "$out/conv/result/"* "$4"
}

all_text="1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2"
# Excel on Chinese Windows: "CSV (comma delimited)" in GB18030 (GBK).
convert customers-zh.csv "44,34,76,1,$all_text" "csv:Text - txt - csv (StarCalc):44,34,85,1" customers-zh-gb18030.csv
# Spanish Excel: ';' (the decimal separator is a comma), Windows-1252.
convert customers-es.csv "44,34,76,1,$all_text" "csv:Text - txt - csv (StarCalc):59,34,1,1" customers-es-1252.csv
# Hungarian Excel: ';', Windows-1250.
convert customers-hu.csv "44,34,76,1,$all_text" "csv:Text - txt - csv (StarCalc):59,34,33,1" customers-hu-1250.csv
# Excel's "Unicode text": UTF-16 with a byte order mark, tab separated.
convert contacts-zh.csv "44,34,76,1,$all_text" "csv:Text - txt - csv (StarCalc):9,34,65535,1" contacts-zh-utf16.txt
# UTF-8 with a byte order mark, as Excel's "CSV UTF-8" writes it.
convert customers-es.csv "44,34,76,1,$all_text" "csv:Text - txt - csv (StarCalc):44,34,76,1" customers-es-utf8.csv
printf '\xef\xbb\xbf' | cat - customers-es-utf8.csv > "$out/bom" && mv "$out/bom" customers-es-utf8-bom.csv
rm customers-es-utf8.csv
# XLSX with real cells: dates as date cells (serial numbers with a date format), amounts as
# numbers, phones as text (column formats: 5 = YMD date, 1 = standard, 2 = text).
convert customers-zh.csv "44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/5/7/1/8/2" "xlsx:Calc MS Excel 2007 XML" customers-zh.xlsx
convert contacts-zh.csv "44,34,76,1,1/2/2/2/3/5/4/2/5/2" "xlsx:Calc MS Excel 2007 XML" contacts-zh.xlsx
# Recipes (docs/import.md): office sheets saved as XLSX by a spreadsheet, with real date and
# number cells (the Spanish one read in Spanish, 3082, so 15.000,00 is a number).
cd recipes
src=source
convert excel-customers-zh.csv "44,34,76,1,1/2/2/2/3/2/4/2/5/5/6/5/7/2" "xlsx:Calc MS Excel 2007 XML" excel-customers-zh.xlsx
convert excel-customers-es.csv "44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/4/7/1/8/2,3082" "xlsx:Calc MS Excel 2007 XML" excel-customers-es.xlsx
cd ..
# Hand-written XLSX parts (inline strings, the 1904 date system, booleans, formulas).
python3 ../../../../scripts/make-xlsx-edge-fixture.py edge-inline-1904.xlsx
ls -l . recipes
