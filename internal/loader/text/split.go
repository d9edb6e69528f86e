package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence. They are
// matched case-sensitively on the word before the stop (for hyphenated words
// such as "Lt-Gen." on the last part), so "no." at the end of a sentence is
// not taken for the "No." of "No. 5".
var abbreviations = map[string]bool{
	// Titles and ranks: always followed by a name.
	"Mr": true, "Mrs": true, "Ms": true, "Messrs": true, "Dr": true, "Prof": true,
	"Gen": true, "Gens": true, "Lt": true, "Col": true, "Maj": true, "Brig": true,
	"Capt": true, "Cmdr": true, "Cdr": true, "Adm": true, "Sgt": true, "Cpl": true,
	"Pvt": true, "Lieut": true, "Gov": true, "Sen": true, "Rep": true, "Rev": true,
	"Hon": true, "Pres": true, "Amb": true, "Supt": true, "Insp": true, "Sr": true,
	"Jr": true, "St": true, "Mt": true, "Ft": true, "Sq": true, "Cmdt": true,
	// Months (May is a full word and ends sentences).
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	// Organisations and references.
	"Inc": true, "Co": true, "Corp": true, "Ltd": true, "Bros": true, "Dept": true,
	"Univ": true, "Assn": true, "Govt": true, "vs": true, "v": true, "Vol": true,
	"vol": true, "pp": true, "Fig": true, "fig": true, "approx": true, "ca": true,
	"cf": true, "al": true, "Ave": true, "Blvd": true, "Rd": true, "Nos": true,
}

// numberAbbreviations only abbreviate when a number follows ("No. 5", "Art. 370").
var numberAbbreviations = map[string]bool{
	"No": true, "no": true, "Art": true, "art": true, "Para": true, "para": true,
	"Sec": true, "sec": true, "Ch": true, "ch": true, "p": true,
}

// sentenceStarters are words that, capitalized after a dotted abbreviation
// such as "U.S." or "p.m.", show that the abbreviation also ended the
// sentence ("moved to the U.S. The next day...").
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "This": true, "That": true, "These": true,
	"Those": true, "But": true, "And": true, "However": true, "In": true, "On": true,
	"At": true, "His": true, "Her": true, "Its": true, "Their": true, "Our": true,
	"There": true, "Meanwhile": true, "Moreover": true, "Also": true, "After": true,
	"Before": true, "When": true, "While": true, "As": true, "If": true, "Since": true,
	"Although": true, "Yet": true, "So": true, "Then": true, "Now": true, "Both": true,
	"According": true, "Earlier": true, "Later": true, "Last": true, "Next": true,
}

// Sentences splits cleaned text into sentences. Paragraph breaks (a blank
// line) always end a sentence, so headlines without final punctuation stand
// alone. A full stop, question or exclamation mark (with any closing quotes
// or brackets after it) ends a sentence when whitespace and a capital letter,
// digit or opening quote follow, unless the word before is a known
// abbreviation ("Gen.", "Mr.", "Oct."), an initial ("A. Q. Khan") or a
// dotted abbreviation ("U.S.") not followed by a typical sentence opener.
//
// Offsets are byte offsets into text: text[s.Start:s.End] == s.Text for
// every sentence; surrounding whitespace is left out. It runs in O(len(text)).
func Sentences(text string) []Sentence {
	var out []Sentence
	if len(text) > 0 {
		// News sentences average well over 100 bytes; this avoids most
		// regrowth without over-allocating much.
		out = make([]Sentence, 0, len(text)/120+1)
	}
	start := 0
	span := func(from, to int) {
		s, e := trimSpan(text, from, to)
		if e > s {
			out = append(out, Sentence{Index: len(out), Start: s, End: e, Text: text[s:e]})
		}
	}
	emit := func(end int) {
		// A run without sentence punctuation (a table, a list, text that
		// lost its full stops) is cut into clauses: each event keeps its
		// sentence, and the parser reads sentences, not pages.
		for end-start > MaxSentence {
			cut := clauseBreak(text, start, start+MaxSentence)
			span(start, cut)
			start = cut
		}
		span(start, end)
		start = end
	}
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		switch c {
		case '\n':
			// A blank line (only spaces between two newlines) is a paragraph break.
			j := i + 1
			for j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < n && text[j] == '\n' {
				emit(i)
				for j < n && isSpace(text[j]) {
					j++
				}
				start = j
				i = j - 1
			}
		case '.', '!', '?':
			end := i + 1
			for end < n && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
				end++
			}
			// Closing quotes and brackets belong to the sentence they close.
			for end < n && isCloser(text[end]) {
				end++
			}
			if end >= n {
				i = end - 1
				continue
			}
			if !isSpace(text[end]) {
				i = end - 1
				continue
			}
			next := end
			for next < n && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r') {
				next++
			}
			if next < n && text[next] == '\n' {
				// Leave paragraph breaks to the newline case; a single
				// newline is ordinary whitespace.
				k := next + 1
				for k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
					k++
				}
				if k < n && text[k] == '\n' {
					i = next - 1
					continue
				}
				next = k
			}
			if next >= n {
				i = end - 1
				continue
			}
			if endsSentence(text, start, i, end-i, next) {
				emit(end)
			}
			i = end - 1
		}
	}
	emit(n)
	return out
}

// MaxSentence is the longest sentence, in bytes, Sentences returns; a
// longer run is cut at clause punctuation or between words.
const MaxSentence = 2000

// clauseBreak returns where to cut text[lo:hi]: after the last semicolon,
// colon or comma in its second half, else at its last space, else at hi
// (moved back to the start of a UTF-8 character).
func clauseBreak(text string, lo, hi int) int {
	mid := lo + (hi-lo)/2
	for _, set := range []string{";:", ",", " \t\n"} {
		for i := hi - 1; i > mid; i-- {
			if strings.IndexByte(set, text[i]) >= 0 {
				return i + 1
			}
		}
	}
	for hi > lo+1 && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return hi
}

// endsSentence decides whether the punctuation run text[dot:dot+run] ends a
// sentence; next is the index of the first non-space byte after it.
func endsSentence(text string, start, dot, run, next int) bool {
	nc := text[next]
	upper := nc >= 'A' && nc <= 'Z'
	digit := nc >= '0' && nc <= '9'
	opener := nc == '"' || nc == '\'' || nc == '(' || nc == '['
	if !upper && !digit && !opener && nc < 0x80 {
		return false
	}
	if nc >= 0x80 {
		// Non-ASCII letters (accented capitals) may open a sentence; other
		// symbols are rare enough that a split is the safer default.
		upper = true
	}
	if text[dot] != '.' || run > 1 {
		// "?" and "!" end sentences; so does an ellipsis before a capital.
		return true
	}
	// The word before the full stop.
	ws := dot
	for ws > start && !isSpace(text[ws-1]) && text[ws-1] != '(' && text[ws-1] != '"' {
		ws--
	}
	word := text[ws:dot]
	if word == "" {
		return true
	}
	if k := strings.LastIndexByte(word, '-'); k >= 0 && k < len(word)-1 {
		if abbreviations[word[k+1:]] {
			return false
		}
	}
	if abbreviations[word] {
		return false
	}
	if numberAbbreviations[word] && digit {
		return false
	}
	// Initials: "A. Q. Khan", "J. F. Kennedy".
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false
	}
	// Dotted abbreviations: U.S., U.K., e.g., a.m.
	if strings.IndexByte(word, '.') >= 0 && isDotted(word) {
		switch strings.ToLower(word) {
		case "e.g", "i.e", "viz":
			return false
		}
		return upper && sentenceStarters[nextWord(text, next)]
	}
	if word == "etc" {
		return upper || opener
	}
	return true
}

// isDotted reports whether w looks like "U.S", "e.g" or "a.m": single letters
// separated by full stops.
func isDotted(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if i == 0 || w[i-1] == '.' {
				return false
			}
		case isASCIILetter(c):
			if i > 0 && w[i-1] != '.' {
				return false
			}
			letters++
		default:
			return false
		}
	}
	return letters >= 2
}

func nextWord(text string, i int) string {
	j := i
	for j < len(text) && isASCIILetter(text[j]) {
		j++
	}
	return text[i:j]
}

// trimSpan narrows [s,e) to exclude surrounding white space, Unicode
// spaces included (cleaned text has none, but callers may pass raw text).
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		if c := text[s]; c < utf8.RuneSelf {
			if !isSpace(c) {
				break
			}
			s++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		if c := text[e-1]; c < utf8.RuneSelf {
			if !isSpace(c) {
				break
			}
			e--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func isCloser(c byte) bool { return c == '"' || c == '\'' || c == ')' || c == ']' }

func isASCIILetter(c byte) bool { return asciiLetter[c] }

// asciiLetter is a lookup table: one load beats two range comparisons in
// the byte loops of the cleaner and the repairer.
var asciiLetter = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()
