package text

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/graph"
)

// DateMention is a date expression found in a sentence. Start and End are
// byte offsets within the sentence (sentence[Start:End] == Text).
type DateMention struct {
	Start, End int
	Date       graph.Date
	Text       string

	// A month (and day) without a year, kept to place it in the year the
	// sentence names ("In 1971, ... in December").
	bareMonth, bareDay int
	// anchor: an explicit year that sets the scene ("in 1971", "October
	// 2012") for bare months later in the sentence.
	anchor bool
}

// FindDates finds the dates a sentence mentions, resolving relative and
// partial expressions against ref, the document date. Results are ordered by
// position and never overlap.
//
// Absolute expressions need no reference: "April 13, 2007" and "12 September
// 2012" (day), "October 2012" (month), "in 2016" or "the 1971 war" (year), ISO
// "2012-09-12". A range ("from 2001 to 2021", "2-3 October 2012") yields one
// mention with its first date. Relative expressions need a reference precise
// enough, otherwise they yield nothing (no date beats a wrong one):
//   - "last/this/next year" and "N years ago" need ref's year;
//   - "last/this/next month", a month without a year ("in August", "early
//     October", "mid-October") and "October 4" need ref's month; the month
//     resolves to its occurrence nearest to ref (at most six months away,
//     the earlier one on a tie), which suits news that looks a few months
//     back or ahead;
//   - "in May last year" takes the month of the year before ref;
//   - a month without a year that follows an explicit year in the same
//     sentence ("In 1971, ... in December", "October 2012 ... on October
//     4") takes that year instead, unless the sentence names several years;
//   - weekdays ("on Monday") and "yesterday" need ref's day; a weekday is the
//     latest such day not after ref, or the first one after ref when the
//     sentence announces the future ("will", "is expected to", "next
//     Monday") before it.
func FindDates(sentence string, ref graph.Date) []DateMention {
	if !mayHaveDate(sentence) {
		return nil
	}
	bufp := tokenPool.Get().(*[]dtok)
	toks := dateTokens(sentence, (*bufp)[:0])
	defer func() {
		*bufp = toks[:0]
		tokenPool.Put(bufp)
	}()
	var out []DateMention
	anchor := 0 // year set by the sentence; -1 when it names several
	for i := 0; i < len(toks); {
		m, n := matchDate(sentence, toks, i, ref)
		if n == 0 {
			i++
			continue
		}
		switch {
		case m.anchor && anchor == 0:
			anchor = m.Date.Year
		case m.anchor && anchor != m.Date.Year:
			anchor = -1
		case m.bareMonth != 0 && anchor > 0:
			m.Date = graph.Date{Year: anchor, Month: m.bareMonth, Day: m.bareDay}
		}
		if !m.Date.IsZero() && m.Date.Valid() {
			m.Text = sentence[m.Start:m.End]
			out = append(out, m)
		}
		i += n
	}
	return out
}

// triggerWords are the words (lower case) without which a sentence with no
// digit cannot hold a date expression.
var triggerWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"last", "this", "next", "past", "previous", "coming", "yesterday",
		"tomorrow", "early", "late", "mid", "end", "beginning", "start", "ago"} {
		m[w] = true
	}
	for w := range monthNames {
		m[w] = true
	}
	for w := range monthAbbrevs {
		m[w] = true
	}
	for w := range weekdays {
		m[w] = true
	}
	return m
}()

// mayHaveDate is a cheap filter run before tokenising: most sentences hold
// neither a digit nor a trigger word.
func mayHaveDate(s string) bool {
	var buf [9]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c >= '0' && c <= '9' {
			return true
		}
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if n := j - i; n >= 3 && n <= len(buf) {
			for k := 0; k < n; k++ {
				buf[k] = s[i+k] | 0x20 // ASCII letters only: sets lower case
			}
			if keywordShape[n][buf[0]&31][buf[n-1]&31] && triggerWords[string(buf[:n])] {
				return true
			}
		}
		i = j
	}
	return false
}

// token kinds
const (
	tWord = iota
	tNum
	tPunct
)

type dtok struct {
	s, e int
	kind int8
	text string
	key  string // lower-case form of a word listed in keywords, else ""
	num  int    // value of a number token
	ord  bool   // number carried an ordinal suffix (10th)
}

// keywords maps the lower-case words that date patterns start from to
// themselves, so that tokens get their lower-case form without allocating.
var keywords = func() map[string]string {
	m := map[string]string{}
	add := func(w string) { m[w] = w }
	for w := range triggerWords {
		add(w)
	}
	for w := range numberWords {
		add(w)
	}
	return m
}()

// keywordShape[len][first][last] (letters as their low five bits) is true
// when some keyword has that length and first and last letter: a table in
// L1 cache that spares most words the map lookup.
var keywordShape = func() (t [10][32][32]bool) {
	for w := range keywords {
		if len(w) < len(t) {
			t[len(w)][w[0]&31][w[len(w)-1]&31] = true
		}
	}
	return t
}()

var tokenPool = sync.Pool{New: func() any {
	s := make([]dtok, 0, 64)
	return &s
}}

// dateTokens splits s into words, numbers and single punctuation marks,
// appending to toks.
func dateTokens(s string, toks []dtok) []dtok {
	var buf [9]byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			t := dtok{s: i, e: j, kind: tNum, text: s[i:j], num: v}
			if j+2 <= len(s) && j-i <= 2 {
				switch strings.ToLower(s[j : j+2]) {
				case "st", "nd", "rd", "th":
					if j+2 == len(s) || !isASCIILetter(s[j+2]) {
						t.e, t.ord = j+2, true
						j += 2
					}
				}
			}
			if t.ord {
				t.text = s[i:j]
			}
			toks = append(toks, t)
			i = j
		case isASCIILetter(c):
			j := i
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			t := dtok{s: i, e: j, kind: tWord, text: s[i:j]}
			if n := j - i; n <= len(buf) {
				for k := 0; k < n; k++ {
					buf[k] = s[i+k] | 0x20 // ASCII letters: lower case
				}
				if keywordShape[n][buf[0]&31][buf[n-1]&31] {
					t.key = keywords[string(buf[:n])]
				}
			}
			toks = append(toks, t)
			i = j
		case c < utf8.RuneSelf:
			toks = append(toks, dtok{s: i, e: i + 1, kind: tPunct, text: s[i : i+1]})
			i++
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			toks = append(toks, dtok{s: i, e: i + size, kind: tPunct, text: s[i : i+size]})
			i += size
		}
	}
	return toks
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

var monthAbbrevs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// monthTriggers may stand before a bare month name ("in August") and make it
// a date rather than a name or a verb ("May", "March").
var monthTriggers = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "during": true,
	"from": true, "early": true, "late": true, "mid": true, "before": true, "after": true,
	"through": true, "throughout": true, "last": true, "next": true, "this": true,
	"of": true, "between": true, "end": true,
}

// capitalized reports whether a word starts with a capital letter, as month
// and weekday names must ("may" is a verb, "May" may be a month).
func capitalized(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// monthOf returns the month a word names (1-12), with whether it is an
// abbreviation, or 0.
func monthOf(t dtok) (int, bool) {
	if t.kind != tWord || !capitalized(t.text) || len(t.text) < 3 || len(t.text) > 9 {
		return 0, false
	}
	lw := t.key
	if m, ok := monthNames[lw]; ok {
		return m, false
	}
	if m, ok := monthAbbrevs[lw]; ok {
		return m, true
	}
	return 0, false
}

func monthAt(toks []dtok, i int) (int, bool) {
	if i < 0 || i >= len(toks) {
		return 0, false
	}
	return monthOf(toks[i])
}

func wordAt(toks []dtok, i int) string {
	if i < 0 || i >= len(toks) || toks[i].kind != tWord {
		return ""
	}
	return strings.ToLower(toks[i].text)
}

func punctAt(toks []dtok, i int, p string) bool {
	return i >= 0 && i < len(toks) && toks[i].kind == tPunct && toks[i].text == p
}

func isDash(toks []dtok, i int) bool {
	return punctAt(toks, i, "-") || punctAt(toks, i, "–") || punctAt(toks, i, "—")
}

// adjacent reports whether tokens i and j touch (no space between).
func adjacent(toks []dtok, i, j int) bool {
	return i >= 0 && j < len(toks) && toks[i].e == toks[j].s
}

func dayNum(t dtok) bool  { return t.kind == tNum && t.num >= 1 && t.num <= 31 && len(t.text) <= 4 }
func yearNum(t dtok) bool { return t.kind == tNum && !t.ord && len(t.text) == 4 && t.num >= 1000 }

// matchDate tries every pattern at token i and returns the mention and the
// number of tokens it used (0: no date here). A mention with a zero date
// still consumes its tokens, so that "2016 troops" is not read again.
func matchDate(s string, toks []dtok, i int, ref graph.Date) (DateMention, int) {
	t := toks[i]
	switch t.kind {
	case tNum:
		if m, n := matchISO(toks, i); n > 0 {
			return m, n
		}
		if m, n := matchDayMonth(toks, i, ref); n > 0 {
			return m, n
		}
		return matchYear(s, toks, i)
	case tWord:
		lw := t.key
		if lw == "" {
			return DateMention{}, 0
		}
		if wd, ok := weekdays[lw]; ok && capitalized(t.text) {
			return matchWeekday(toks, i, wd, ref)
		}
		if mo, _ := monthOf(t); mo != 0 {
			return matchMonth(toks, i, i, ref)
		}
		switch lw {
		case "early", "late", "mid", "end", "beginning", "start":
			return matchPeriodStart(toks, i, ref)
		case "last", "this", "next", "past", "previous", "coming":
			return matchRelative(s, toks, i, ref)
		case "yesterday", "tomorrow":
			if ref.Precision() < graph.Day {
				return DateMention{}, 0
			}
			d := 1
			if lw == "yesterday" {
				d = -1
			}
			return DateMention{Start: t.s, End: t.e, Date: addDays(ref, d)}, 1
		}
		if n, ok := numberWords[lw]; ok {
			return matchAgo(toks, i, n, ref)
		}
	}
	return DateMention{}, 0
}

// matchISO reads 2012-09-12 and 2012-09.
func matchISO(toks []dtok, i int) (DateMention, int) {
	if !yearNum(toks[i]) || i+2 >= len(toks) || !punctAt(toks, i+1, "-") ||
		!adjacent(toks, i, i+1) || !adjacent(toks, i+1, i+2) || toks[i+2].kind != tNum || len(toks[i+2].text) != 2 {
		return DateMention{}, 0
	}
	d := graph.Date{Year: toks[i].num, Month: toks[i+2].num}
	n := 3
	if i+4 < len(toks) && punctAt(toks, i+3, "-") && adjacent(toks, i+2, i+3) && adjacent(toks, i+3, i+4) &&
		toks[i+4].kind == tNum && len(toks[i+4].text) == 2 {
		d.Day = toks[i+4].num
		n = 5
	}
	if n < len(toks)-i && adjacent(toks, i+n-1, i+n) && (toks[i+n].kind != tPunct || toks[i+n].text == "-") {
		return DateMention{}, 0
	}
	if d.Month < 1 || d.Month > 12 {
		return DateMention{}, 0
	}
	return DateMention{Start: toks[i].s, End: toks[i+n-1].e, Date: d}, n
}

// matchDayMonth reads "12 September 2012", "10th September", "the 10th of
// September" and "2-3 October 2012".
func matchDayMonth(toks []dtok, i int, ref graph.Date) (DateMention, int) {
	if !dayNum(toks[i]) || len(toks[i].text) > 4 {
		return DateMention{}, 0
	}
	j := i + 1
	// A day range: 2-3 October.
	if isDash(toks, j) && j+1 < len(toks) && dayNum(toks[j+1]) && adjacent(toks, i, j) {
		j += 2
	}
	if wordAt(toks, j) == "of" {
		j++
	}
	if j >= len(toks) {
		return DateMention{}, 0
	}
	month, abbr := monthOf(toks[j])
	if month == 0 {
		return DateMention{}, 0
	}
	end := j
	if abbr && punctAt(toks, j+1, ".") {
		end = j + 1
	}
	k := end + 1
	if punctAt(toks, k, ",") {
		k++
	}
	day := toks[i].num
	if k < len(toks) && yearNum(toks[k]) && !adjacentLetter(toks, k) {
		return DateMention{Start: toks[i].s, End: toks[k].e, Date: graph.Date{Year: toks[k].num, Month: month, Day: day}, anchor: true}, k - i + 1
	}
	m := DateMention{Start: toks[i].s, End: toks[end].e, bareMonth: month, bareDay: day}
	m.Date = nearestDay(month, day, ref)
	return m, end - i + 1
}

func adjacentLetter(toks []dtok, k int) bool {
	return k+1 < len(toks) && adjacent(toks, k, k+1) && toks[k+1].kind != tPunct
}

// matchMonth reads a month name at token j, with the mention starting at
// token from (which may hold "early", "mid-", ...).
func matchMonth(toks []dtok, from, j int, ref graph.Date) (DateMention, int) {
	month, abbr := monthOf(toks[j])
	end := j
	if abbr && punctAt(toks, j+1, ".") {
		end = j + 1
	}
	k := end + 1
	start := toks[from].s
	// Month Day[, Year]
	if k < len(toks) && dayNum(toks[k]) && !yearNum(toks[k]) && !adjacentLetter(toks, k) {
		day := toks[k].num
		last := k
		// A day range: October 2-3.
		if isDash(toks, k+1) && k+2 < len(toks) && dayNum(toks[k+2]) && adjacent(toks, k, k+1) {
			last = k + 2
		}
		y := last + 1
		if punctAt(toks, y, ",") {
			y++
		}
		if y < len(toks) && yearNum(toks[y]) && !adjacentLetter(toks, y) {
			return DateMention{Start: start, End: toks[y].e, Date: graph.Date{Year: toks[y].num, Month: month, Day: day}, anchor: true}, y - from + 1
		}
		return DateMention{Start: start, End: toks[last].e, Date: nearestDay(month, day, ref), bareMonth: month, bareDay: day}, last - from + 1
	}
	// Month[,] Year
	y := k
	if punctAt(toks, y, ",") {
		y++
	}
	if y < len(toks) && yearNum(toks[y]) && !adjacentLetter(toks, y) {
		return DateMention{Start: start, End: toks[y].e, Date: graph.Date{Year: toks[y].num, Month: month}, anchor: true}, y - from + 1
	}
	if abbr {
		// "Oct" alone is too easily something else.
		return DateMention{}, 0
	}
	// A bare month needs a preposition or modifier before it.
	prev := wordAt(toks, from-1)
	if from == j && !monthTriggers[prev] && !(isDash(toks, from-1) && wordAt(toks, from-2) == "mid") {
		return DateMention{}, 0
	}
	// "in May last year", "in March this year", "in October next year".
	switch wordAt(toks, k) {
	case "last", "this", "next":
		if wordAt(toks, k+1) == "year" && ref.Year != 0 {
			y := ref.Year
			switch wordAt(toks, k) {
			case "last":
				y--
			case "next":
				y++
			}
			return DateMention{Start: start, End: toks[k+1].e, Date: graph.Date{Year: y, Month: month}}, k + 2 - from
		}
	}
	return DateMention{Start: start, End: toks[end].e, Date: nearestMonth(month, ref), bareMonth: month}, end - from + 1
}

// matchPeriodStart reads "early October", "mid-October", "late 2012", "end
// of October", "the beginning of 2012".
func matchPeriodStart(toks []dtok, i int, ref graph.Date) (DateMention, int) {
	j := i + 1
	if isDash(toks, j) && adjacent(toks, i, j) {
		j++
	}
	if wordAt(toks, j) == "of" {
		j++
	}
	if j >= len(toks) {
		return DateMention{}, 0
	}
	if mo, _ := monthOf(toks[j]); mo != 0 {
		m, n := matchMonth(toks, i, j, ref)
		if n == 0 {
			return DateMention{}, 0
		}
		// Keep only the month: "early October 4" still means the month's day.
		return m, n
	}
	if yearNum(toks[j]) && !adjacentLetter(toks, j) {
		return DateMention{Start: toks[i].s, End: toks[j].e, Date: graph.Date{Year: toks[j].num}}, j - i + 1
	}
	return DateMention{}, 0
}

// matchRelative reads "last month", "this year", "next year", "last year's".
func matchRelative(s string, toks []dtok, i int, ref graph.Date) (DateMention, int) {
	w := wordAt(toks, i)
	unit := wordAt(toks, i+1)
	if wd, ok := weekdays[unit]; ok && capitalized(toks[i+1].text) {
		if ref.Precision() < graph.Day {
			return DateMention{}, 2
		}
		var d graph.Date
		switch w {
		case "last", "past", "previous":
			d = weekdayBefore(ref, wd, false)
		case "next", "coming":
			d = weekdayAfter(ref, wd)
		default:
			d = resolveWeekday(toks, i, wd, ref)
		}
		return DateMention{Start: toks[i].s, End: toks[i+1].e, Date: d}, 2
	}
	if month, abbr := monthAt(toks, i+1); month != 0 && w != "past" && w != "previous" {
		// "last October": the latest October before ref's month, "next
		// October" the first one after it.
		if abbr || ref.Precision() < graph.Month {
			return DateMention{}, 0
		}
		y := ref.Year
		switch w {
		case "last":
			if month >= ref.Month {
				y--
			}
		case "next", "coming":
			if month <= ref.Month {
				y++
			}
		default:
			return DateMention{}, 0
		}
		return DateMention{Start: toks[i].s, End: toks[i+1].e, Date: graph.Date{Year: y, Month: month}}, 2
	}
	delta := 0
	switch w {
	case "last", "past", "previous":
		delta = -1
	case "next", "coming":
		delta = 1
	case "this":
	default:
		return DateMention{}, 0
	}
	switch unit {
	case "year":
		if w == "past" && !followedByPossessive(toks, i+1) {
			// "the past year" is a period, not a calendar year.
			return DateMention{}, 0
		}
		if ref.Year == 0 {
			return DateMention{}, 2
		}
		return DateMention{Start: toks[i].s, End: toks[i+1].e, Date: graph.Date{Year: ref.Year + delta}}, 2
	case "month":
		if w == "past" {
			return DateMention{}, 0
		}
		if ref.Precision() < graph.Month {
			return DateMention{}, 2
		}
		y, m := ref.Year, ref.Month+delta
		if m < 1 {
			y, m = y-1, 12
		} else if m > 12 {
			y, m = y+1, 1
		}
		return DateMention{Start: toks[i].s, End: toks[i+1].e, Date: graph.Date{Year: y, Month: m}}, 2
	}
	return DateMention{}, 0
}

func followedByPossessive(toks []dtok, i int) bool {
	return punctAt(toks, i+1, "'") && wordAt(toks, i+2) == "s"
}

var numberWords = map[string]int{
	"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// matchAgo reads "two years ago" / "a year ago" (year precision).
func matchAgo(toks []dtok, i, n int, ref graph.Date) (DateMention, int) {
	unit := wordAt(toks, i+1)
	if (unit != "year" && unit != "years") || wordAt(toks, i+2) != "ago" {
		return DateMention{}, 0
	}
	if (n == 1) != (unit == "year") || ref.Year == 0 {
		return DateMention{}, 0
	}
	return DateMention{Start: toks[i].s, End: toks[i+2].e, Date: graph.Date{Year: ref.Year - n}}, 3
}

// matchWeekday reads a weekday, alone or opening a full date ("Wednesday,
// September 12, 2012").
func matchWeekday(toks []dtok, i int, wd time.Weekday, ref graph.Date) (DateMention, int) {
	j := i + 1
	if punctAt(toks, j, ",") {
		j++
	}
	if j < len(toks) {
		var m DateMention
		var n int
		if mo, _ := monthOf(toks[j]); mo != 0 {
			m, n = matchMonth(toks, j, j, graph.Date{})
		} else if toks[j].kind == tNum {
			m, n = matchDayMonth(toks, j, graph.Date{})
		}
		if n > 0 && m.Date.Precision() == graph.Day {
			m.Start = toks[i].s
			return m, j - i + n
		}
	}
	if ref.Precision() < graph.Day {
		return DateMention{}, 1
	}
	return DateMention{Start: toks[i].s, End: toks[i].e, Date: resolveWeekday(toks, i, wd, ref)}, 1
}

// futureWords, standing before a weekday in the same sentence, make it the
// next such day rather than the last one.
var futureWords = map[string]bool{
	"will": true, "shall": true, "upcoming": true, "scheduled": true, "expected": true,
	"tomorrow": true, "planned": true, "plans": true,
}

// resolveWeekday looks for futureWords among the 40 tokens before the
// weekday (its clause, in practice; the bound keeps long inputs linear).
func resolveWeekday(toks []dtok, i int, wd time.Weekday, ref graph.Date) graph.Date {
	for k := max(0, i-40); k < i; k++ {
		if futureWords[wordAt(toks, k)] {
			return weekdayAfter(ref, wd)
		}
		if punctAt(toks, k, "'") && wordAt(toks, k+1) == "ll" {
			return weekdayAfter(ref, wd)
		}
	}
	return weekdayBefore(ref, wd, true)
}

func toTime(d graph.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC)
}

func fromTime(t time.Time) graph.Date {
	return graph.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

func addDays(d graph.Date, n int) graph.Date { return fromTime(toTime(d).AddDate(0, 0, n)) }

// weekdayBefore is the latest day with weekday wd before ref (or on it, if
// orEqual).
func weekdayBefore(ref graph.Date, wd time.Weekday, orEqual bool) graph.Date {
	t := toTime(ref)
	back := (int(t.Weekday()) - int(wd) + 7) % 7
	if back == 0 && !orEqual {
		back = 7
	}
	return fromTime(t.AddDate(0, 0, -back))
}

// weekdayAfter is the first day with weekday wd after ref.
func weekdayAfter(ref graph.Date, wd time.Weekday) graph.Date {
	t := toTime(ref)
	fwd := (int(wd) - int(t.Weekday()) + 7) % 7
	if fwd == 0 {
		fwd = 7
	}
	return fromTime(t.AddDate(0, 0, fwd))
}

// nearestMonth places a month without a year in the year that brings it
// closest to ref (ties go to the past); it needs ref's month.
func nearestMonth(month int, ref graph.Date) graph.Date {
	if ref.Precision() < graph.Month {
		return graph.Date{}
	}
	y := ref.Year
	switch diff := month - ref.Month; {
	case diff >= 6:
		// Six months ahead ties with six months back: prefer the past.
		y--
	case diff < -6:
		y++
	}
	return graph.Date{Year: y, Month: month}
}

// nearestDay places a month and day without a year like nearestMonth does.
func nearestDay(month, day int, ref graph.Date) graph.Date {
	d := nearestMonth(month, ref)
	if d.IsZero() {
		return d
	}
	d.Day = day
	if day > graph.DaysInMonth(d.Year, month) {
		return graph.Date{}
	}
	return d
}

// matchYear reads a four-digit year, alone ("in 2016", "the 1971 war") or
// as a range ("2001-2021", "2001 to 2021"), keeping the first year.
func matchYear(s string, toks []dtok, i int) (DateMention, int) {
	t := toks[i]
	if !yearNum(t) {
		return DateMention{}, 0
	}
	if !plausibleYear(s, toks, i) {
		return DateMention{}, 1
	}
	m := DateMention{Start: t.s, End: t.e, Date: graph.Date{Year: t.num}}
	switch wordAt(toks, i-1) {
	case "in", "during":
		m.anchor = true
	}
	if t.num < 1900 || t.num > 2099 {
		// Four digits outside 1900-2099 are more often counts than years.
		return DateMention{}, 1
	}
	// Ranges: 2001-2021, 2001-21, 2001 to 2021, 2001 and 2005 (after "between").
	j := i + 1
	switch {
	case isDash(toks, j) && j+1 < len(toks) && toks[j+1].kind == tNum && (len(toks[j+1].text) == 4 || len(toks[j+1].text) == 2) &&
		adjacent(toks, i, j) && adjacent(toks, j, j+1):
		m.End = toks[j+1].e
		return m, 3
	case (wordAt(toks, j) == "to" || wordAt(toks, j) == "and" && wordAt(toks, i-1) == "between") &&
		j+1 < len(toks) && yearNum(toks[j+1]) && plausibleYear(s, toks, j+1):
		m.End = toks[j+1].e
		return m, 3
	}
	return m, 1
}

// quantityWords after a four-digit number show it is a quantity ("2016
// troops"), not a year.
var quantityWords = map[string]bool{
	"million": true, "billion": true, "thousand": true, "hundred": true, "lakh": true,
	"crore": true, "percent": true, "per": true, "km": true, "kms": true, "mw": true,
	"kg": true, "mph": true, "people": true, "men": true, "women": true, "children": true,
	"personnel": true, "feet": true, "ft": true, "metres": true, "meters": true,
	"miles": true, "kilometres": true, "kilometers": true, "tons": true, "tonnes": true,
	"strong": true, "hours": true, "acres": true, "dollars": true, "rupees": true,
	"troops": true, "soldiers": true, "civilians": true, "refugees": true, "families": true,
	"workers": true, "students": true, "members": true, "votes": true, "deaths": true,
	"casualties": true, "prisoners": true, "militants": true, "fighters": true,
	"policemen": true, "officers": true, "migrants": true, "pilgrims": true, "euros": true,
	"barrels": true, "hectares": true, "vehicles": true, "tanks": true, "missiles": true,
	"rockets": true, "houses": true, "homes": true, "jobs": true, "seats": true, "units": true,
}

// yearDeterminers before a four-digit number make it a year even when a
// plural noun follows ("the 2014 sanctions", "in 1998 tests").
var yearDeterminers = map[string]bool{
	"the": true, "in": true, "of": true, "since": true, "from": true, "by": true,
	"during": true, "after": true, "before": true, "until": true, "its": true, "his": true,
	"her": true, "their": true, "our": true, "this": true, "that": true, "s": true,
}

// notPlural are lower-case words ending in "s" that may follow a year.
var notPlural = map[string]bool{
	"this": true, "thus": true, "plus": true, "less": true, "unless": true, "across": true,
	"towards": true, "onwards": true, "afterwards": true, "upwards": true, "was": true,
	"has": true, "is": true, "its": true, "his": true, "does": true, "as": true, "us": true,
	"whereas": true, "besides": true, "perhaps": true, "always": true, "nevertheless": true,
	"regardless": true, "elections": true, "talks": true, "riots": true, "polls": true,
	"games": true, "olympics": true, "protests": true, "floods": true, "attacks": true,
	"blasts": true, "hostilities": true, "negotiations": true, "accords": true,
}

// countBefore are words after which a four-digit number is a quantity.
var countBefore = map[string]bool{
	"than": true, "nearly": true, "approximately": true, "almost": true, "least": true,
	"total": true, "totalling": true, "totaling": true, "rs": true, "usd": true, "no": true,
	"number": true, "page": true, "pages": true, "flight": true, "route": true, "some": true,
	"about": true, "around": true, "over": true, "only": true, "just": true,
}

func plausibleYear(s string, toks []dtok, i int) bool {
	t := toks[i]
	// Glued to something before: $2016, CASA-1000, #2012, A2012.
	if t.s > 0 {
		p := s[t.s-1]
		if p == '$' || p == '#' || p == '.' || p == ',' || isASCIILetter(p) || p >= '0' && p <= '9' {
			return false
		}
		if p == '-' && t.s > 1 && (isASCIILetter(s[t.s-2]) || s[t.s-2] >= '0' && s[t.s-2] <= '9') {
			return false
		}
		if p >= 0x80 {
			r, _ := utf8.DecodeLastRuneInString(s[:t.s])
			if r == '€' || r == '£' || r == '¥' || r == '₹' {
				return false
			}
		}
	}
	// Glued to something after: 2016s, 2016%, 2,016 continued, 2016.5.
	if t.e < len(s) {
		n := s[t.e]
		if isASCIILetter(n) || n == '%' || n >= '0' && n <= '9' {
			return false
		}
		if (n == ',' || n == '.' || n == ':') && t.e+1 < len(s) && s[t.e+1] >= '0' && s[t.e+1] <= '9' {
			return false
		}
	}
	if countBefore[wordAt(toks, i-1)] && !punctAt(toks, i-1, ".") {
		return false
	}
	next := wordAt(toks, i+1)
	if next != "" && toks[i+1].text[0] >= 'a' && toks[i+1].text[0] <= 'z' {
		if quantityWords[next] {
			return false
		}
		// Otherwise a plural noun counts ("sent 2000 guards") unless a
		// determiner or preposition shows a year ("the 2014 sanctions").
		if len(next) >= 4 && strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") && !notPlural[next] &&
			!yearDeterminers[wordAt(toks, i-1)] {
			return false
		}
	}
	return true
}

// datelineWords may surround the date on a dateline ("Published on
// Wednesday, September 12, 2012 at 10:30 am PKT | Updated ...").
var datelineWords = map[string]bool{
	"published": true, "updated": true, "posted": true, "on": true, "last": true,
	"date": true, "dated": true, "at": true, "am": true, "pm": true, "a": true, "m": true,
	"p": true, "gmt": true, "utc": true, "pkt": true, "pst": true, "ist": true, "est": true,
	"edt": true, "bst": true, "cet": true, "msk": true, "first": true, "modified": true,
	"print": true, "edition": true, "issue": true,
}

// DocumentDate finds the document's date on a dateline near the top of the
// text: a line of its own holding a full date ("Wednesday, September 12,
// 2012", "12 September 2012", "2012-09-12", "Sep 12, 2012"), or a month and
// year, with at most a few words such as "Published:" or a time around it.
// It returns the zero Date when there is none.
func DocumentDate(text string) graph.Date {
	d, _ := findDateline(text, 40)
	return d
}

// findDateline looks at the first maxLines non-empty lines and returns the
// date and the index of the line that carries it (-1 when none).
func findDateline(text string, maxLines int) (graph.Date, int) {
	seen := 0
	for li := 0; len(text) > 0 && seen < maxLines; li++ {
		line := text
		if k := strings.IndexByte(text, '\n'); k >= 0 {
			line, text = text[:k], text[k+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		seen++
		if d, ok := datelineDate(line); ok {
			return d, li
		}
	}
	return graph.Date{}, -1
}

// isTitleWord reports whether w starts with a capital followed by a lower
// case letter, as a place name in title case does.
func isTitleWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	l, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsUpper(r) && unicode.IsLower(l)
}

// datelineDate reports whether line is a dateline and returns its date.
func datelineDate(line string) (graph.Date, bool) {
	if len(line) > 100 {
		return graph.Date{}, false
	}
	ms := FindDates(line, graph.Date{})
	if len(ms) != 1 || ms[0].Date.Precision() < graph.Month {
		return graph.Date{}, false
	}
	m := ms[0]
	// Everything else on the line must be dateline furniture: weekdays,
	// "Published on", times, and the place the story was filed from, in
	// capitals anywhere ("ISLAMABAD, Oct 8, 2012") or in title case before
	// the date and set off by a comma ("New Delhi, October 8, 2012").
	words := 0
	placeLead := strings.HasSuffix(strings.TrimSpace(line[:m.Start]), ",")
	for _, side := range []struct {
		text string
		lead bool
	}{{line[:m.Start], placeLead}, {line[m.End:], false}} {
		for _, t := range dateTokens(side.text, nil) {
			switch t.kind {
			case tWord:
				lw := strings.ToLower(t.text)
				if _, ok := weekdays[lw]; ok || datelineWords[lw] {
					continue
				}
				if len(t.text) > 1 && (strings.ToUpper(t.text) == t.text || side.lead && isTitleWord(t.text)) {
					words++
					continue
				}
				return graph.Date{}, false
			case tNum:
				// Times (10:30) and the like.
				if t.num > 59 {
					return graph.Date{}, false
				}
			}
		}
	}
	if words > 3 {
		return graph.Date{}, false
	}
	return m.Date, true
}
