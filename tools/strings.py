#!/usr/bin/env python3
"""Writes Park.Web/Resources/<Name>.resx (en-US) and <Name>.zh-CN.resx from a table of strings.

Usage: tools/strings.py Park.Web/Resources/Shared.strings.tsv
Each line of the .tsv: key<TAB>English<TAB>Chinese. The .tsv is the source; the .resx files are generated
(and committed, so the build needs no Python).
"""
import sys, os
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def main(path):
    rows = []
    seen = set()
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            parts = line.split('\t')
            if len(parts) != 3:
                sys.exit(f'{path}:{n}: expected key, English, Chinese separated by tabs')
            if parts[0] in seen:
                sys.exit(f'{path}:{n}: duplicate key {parts[0]}')
            seen.add(parts[0])
            rows.append(parts)
    base = path[:-len('.strings.tsv')]
    for suffix, col in (('.resx', 1), ('.zh-CN.resx', 2)):
        with open(base + suffix, 'w', encoding='utf-8') as out:
            out.write(HEAD)
            for row in sorted(rows):
                out.write(f'  <data name="{escape(row[0])}" xml:space="preserve"><value>{escape(row[col])}</value></data>\n')
            out.write('</root>\n')
    print(f'{len(rows)} strings -> {base}.resx, {base}.zh-CN.resx')

if __name__ == '__main__':
    main(sys.argv[1])
