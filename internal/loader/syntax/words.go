package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// norm is the form a word's features see: lower case, curly quotes and
// apostrophes folded to straight ones (the treebank mostly has straight ones,
// news mostly curly), and numbers reduced to their kind, since the value of a
// number says nothing of its syntax.
func norm(form string) string {
	if form == "" {
		return form
	}
	digits, letters := 0, 0
	for _, r := range form {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if digits > 0 && letters == 0 {
		if digits == 4 && len(form) == 4 {
			return "!year"
		}
		return "!digits"
	}
	return lowerFold(form)
}

// lowerFold lower-cases form and folds curly quotes, apostrophes and dashes
// to their ASCII forms.
func lowerFold(form string) string {
	ascii := true
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return form
	}
	var b strings.Builder
	b.Grow(len(form))
	for _, r := range form {
		switch r {
		case '\u2019', '\u2018', '\u02bc', '`', '\u00b4':
			r = '\''
		case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
			r = '"'
		case '\u2013', '\u2014':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shape maps letters to X and x and digits to d, keeping other characters,
// with runs cut to four: "Pakistan" → "Xxxxx", "F-16" → "X-dd".
func shape(form string) string {
	var b strings.Builder
	eachShapeRune(form, func(c rune) { b.WriteRune(c) })
	return b.String()
}

// hashShape is hashString(shape(form)) without building the string: the
// tagger asks it of every word.
func hashShape(form string) uint64 {
	h := uint64(14695981039346656037)
	eachShapeRune(form, func(c rune) {
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], c)
		for _, b := range buf[:n] {
			h ^= uint64(b)
			h *= 1099511628211
		}
	})
	return h
}

// eachShapeRune calls emit with each rune of form's shape.
func eachShapeRune(form string, emit func(rune)) {
	var last rune
	run := 0
	for _, r := range form {
		c := r
		switch {
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
		} else {
			last, run = c, 1
		}
		if run <= 4 {
			emit(c)
		}
	}
}

// suffix returns the last n runes of s (all of s when shorter).
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
