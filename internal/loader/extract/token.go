package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// token is one word, number or punctuation mark of a sentence. Offsets are
// bytes into the sentence text.
type token struct {
	start, end int
	text       string
	low        string // lower case, curly apostrophes folded to '
	word       bool   // letters or digits
	cap        bool   // starts with an upper-case letter
	allCaps    bool   // two or more letters, all upper case
	space      bool   // preceded by white space or the start of the sentence
}

// gluePrefixes are function words that broken text sometimes runs into the
// next word ("ofAfghanistan", "theAmerican", "NowRussia"); the tokenizer
// splits them off when the rest starts with a capital.
var gluePrefixes = map[string]bool{
	"of": true, "in": true, "the": true, "now": true, "no": true, "to": true, "for": true,
	"and": true, "on": true, "at": true, "by": true, "with": true, "from": true, "into": true,
}

// tokenize splits s into tokens. It never allocates per byte: token texts
// are slices of s, and only tokens with upper-case or non-ASCII letters get
// a lower-cased copy.
func tokenize(s string, out []token) []token {
	out = out[:0]
	lw := lowerer{}
	i := 0
	space := true
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			space = true
			continue
		}
		if c < utf8.RuneSelf {
			if isASCIIWord(c) {
				j := i + 1
				for j < len(s) && (isASCIIWord(s[j]) || s[j] >= utf8.RuneSelf && isWordRune(s, j)) {
					if s[j] >= utf8.RuneSelf {
						_, n := utf8.DecodeRuneInString(s[j:])
						j += n
					} else {
						j++
					}
				}
				j = abbreviation(s, i, j)
				out = appendWord(out, s, i, j, space, &lw)
				i, space = j, false
				continue
			}
			if (c == '\'') && i+1 < len(s) {
				if n := possessive(s, i); n > 0 {
					out = append(out, token{start: i, end: i + n, text: s[i : i+n], low: "'s", space: space})
					i, space = i+n, false
					continue
				}
			}
			out = append(out, token{start: i, end: i + 1, text: s[i : i+1], low: s[i : i+1], space: space})
			i, space = i+1, false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\u2019' || r == '\u2018' {
			if m := possessive(s, i); m > 0 {
				out = append(out, token{start: i, end: i + m, text: s[i : i+m], low: "'s", space: space})
				i, space = i+m, false
				continue
			}
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			for j < len(s) && (isASCIIWord(s[j]) || s[j] >= utf8.RuneSelf && isWordRune(s, j)) {
				if s[j] >= utf8.RuneSelf {
					_, m := utf8.DecodeRuneInString(s[j:])
					j += m
				} else {
					j++
				}
			}
			out = appendWord(out, s, i, j, space, &lw)
			i, space = j, false
			continue
		}
		low := s[i : i+n]
		switch r {
		case '\u2013', '\u2014':
			low = "-"
		case '\u201c', '\u201d':
			low = "\""
		}
		out = append(out, token{start: i, end: i + n, text: s[i : i+n], low: low, space: space})
		i, space = i+n, false
	}
	return out
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordRune(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// possessive returns the byte length of a possessive or contraction suffix
// starting at the apostrophe s[i] ("'s", "’s"), or 0.
func possessive(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	if i+n < len(s) && (s[i+n] == 's' || s[i+n] == 'S') && (i+n+1 == len(s) || !isASCIIWord(s[i+n+1])) {
		return n + 1
	}
	return 0
}

// abbreviation extends a single-letter word over "U.S." and "U.K." style
// dotted abbreviations.
func abbreviation(s string, i, j int) int {
	if j-i != 1 || j+2 > len(s) || s[j] != '.' || !isUpper(s[i]) || !isUpper(s[j+1]) {
		return j
	}
	k := j
	for k+1 < len(s) && s[k] == '.' && isUpper(s[k+1]) && (k+2 == len(s) || !isASCIIWord(s[k+2])) {
		k += 2
	}
	if k < len(s) && s[k] == '.' {
		k++
	}
	return k
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func appendWord(out []token, s string, i, j int, space bool, lw *lowerer) []token {
	w := s[i:j]
	if k := glueSplit(w); k > 0 {
		out = append(out, makeWord(s, i, i+k, space, lw))
		return append(out, makeWord(s, i+k, j, false, lw))
	}
	return append(out, makeWord(s, i, j, space, lw))
}

// lowerer lower-cases ASCII words into one buffer per sentence, so that
// capitalized words cost no allocation each. The buffer has the
// sentence's length as capacity and is never grown or reused, so the
// strings made from it stay valid.
type lowerer struct {
	buf []byte
	n   int // length of the sentence
}

func (l *lowerer) lower(w string) string {
	if l.buf == nil {
		l.buf = make([]byte, 0, l.n)
	}
	if len(l.buf)+len(w) > cap(l.buf) {
		return strings.ToLower(w) // cannot happen for ASCII words of the sentence
	}
	start := len(l.buf)
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		l.buf = append(l.buf, c)
	}
	return unsafe.String(&l.buf[start], len(w))
}

// glueSplit finds where a run-together function word ends ("ofAfghanistan"
// -> 2), or returns 0.
func glueSplit(w string) int {
	for k := 2; k <= 4 && k+1 < len(w); k++ {
		if !isUpper(w[k]) || isUpper(w[k-1]) || !(w[k+1] >= 'a' && w[k+1] <= 'z') {
			continue
		}
		if gluePrefixes[strings.ToLower(w[:k])] {
			return k
		}
	}
	return 0
}

func makeWord(s string, i, j int, space bool, lw *lowerer) token {
	w := s[i:j]
	t := token{start: i, end: j, text: w, low: w, word: true, space: space}
	upper, lower, letters := 0, 0, 0
	ascii := true
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
			letters++
		case c >= 'a' && c <= 'z':
			lower++
			letters++
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if !ascii {
		t.low = foldMarks(strings.ToLower(w))
		r, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(r)
		up := strings.ToUpper(w)
		t.allCaps = up == w && t.low != w && utf8.RuneCountInString(w) > 1
		return t
	}
	if upper > 0 {
		if lw.n == 0 {
			lw.n = len(s)
		}
		t.low = lw.lower(w)
	}
	t.cap = isUpper(w[0])
	t.allCaps = upper >= 2 && lower == 0
	if letters == 0 {
		t.cap = false
	}
	return t
}

// marks folds the letters with diacritics of names in Latin script to
// their base letters, so that "Nicolás Maduro" and "Erdoğan" match the
// dictionaries' "Nicolas Maduro" and "Erdogan".
var marks = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ā", "a", "ă", "a", "ą", "a",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ē", "e", "ė", "e", "ę", "e", "ě", "e",
	"ğ", "g", "í", "i", "ì", "i", "î", "i", "ï", "i", "ī", "i", "ı", "i", "į", "i",
	"ł", "l", "ń", "n", "ñ", "n", "ň", "n",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ō", "o", "ő", "o",
	"ř", "r", "ś", "s", "š", "s", "ş", "s", "ș", "s", "ť", "t", "ţ", "t", "ț", "t",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ū", "u", "ů", "u", "ű", "u", "ų", "u",
	"ý", "y", "ÿ", "y", "ź", "z", "ż", "z", "ž", "z",
)

func foldMarks(s string) string { return marks.Replace(s) }
