package export

import (
	"strconv"
	"unicode"
)

// SafeCell neutralises a CSV cell that a spreadsheet would read as a
// formula, as OWASP recommends against CSV injection: a cell beginning
// with =, @, |, a tab or a carriage return, or with + or - and holding a
// letter or digit without being a number, gets a leading apostrophe, which
// spreadsheets show as text and do not run. Numbers ("-2.5", "+1"), kg's
// arrows ("->") and every other cell are unchanged. An
// actor named "=HYPERLINK(...)" is then text when the file is opened, and
// the apostrophe shows that it was changed.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '|', '\t', '\r':
		return "'" + s
	case '+', '-':
		if _, err := strconv.ParseFloat(s, 64); err != nil && alnum(s) {
			return "'" + s
		}
	}
	return s
}

// alnum reports whether s holds a letter or digit: a formula without one
// ("->", "--") references and computes nothing.
func alnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// cells returns row with every cell made spreadsheet-safe, unless raw.
// It changes row in place.
func cells(row []string, raw bool) []string {
	if raw {
		return row
	}
	for i, c := range row {
		row[i] = SafeCell(c)
	}
	return row
}
