"""The planning department's extracts (XLSX / CSV biểu) and analysts' machine CSVs."""
