package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/graph"
)

// The seed corpora live in testdata/fuzz/<Target>; these add a few more.

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Wednesday, September 12, 2012\n\nTitle?\n\nGen. Kayani lands in Moscow this month. He met Mr. Putin.",
		"<html><body><article><p>Russia met Pakistan.</p></article></body></html>",
		"# Title\n\n- item ofAfghanistan\n\n```\ncode\n```\n",
		"Share\nLeave a Comment\n\nRecent Posts\n\n4 hours ago\n• Business",
		"\xff\xfe broken \x92 bytes",
	} {
		f.Add([]byte(s), "txt")
	}
	f.Fuzz(func(t *testing.T, raw []byte, format string) {
		switch format {
		case "txt", "md", "html", "jsonl":
		default:
			format = []string{"txt", "md", "html"}[len(raw)%3]
		}
		a, err := Clean(raw, format, CleanOptions{})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 output: %q / %q", a.Title, a.Text)
		}
		if strings.Contains(a.Text, "\n\n\n") || strings.TrimSpace(a.Text) != a.Text {
			t.Fatalf("paragraph layout broken: %q", a.Text)
		}
		if !a.Date.IsZero() && !a.Date.Valid() {
			t.Fatalf("invalid document date %+v", a.Date)
		}
		checkSentenceOffsets(t, a.Text, Sentences(a.Text))
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Gen. (R) Pervez Musharraf met Dr. A. Q. Khan in the U.S. The talks ended.",
		"He said \"Fine.\" 'Why?' she asked... And then?! OK.\n\nHeadline\n\nBody.",
		"etc. e.g. i.e. a.m. p.m. No. 5 Col-Gen. X vs. Y",
		"",
		". . . ?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSentenceOffsets(t, s, Sentences(s))
	})
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"Wednesday, September 12, 2012",
		"in May last year and early October, on Monday, from 2001 to 2021",
		"2-3 October 2012, 10th of September, 2012-09-12, $2016 million",
		"two years ago, last Friday, next month, yesterday",
	} {
		f.Add(s, 2012, 9, 12)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, d int) {
		ref := graph.Date{Year: y, Month: m, Day: d}
		if !ref.Valid() || ref.Year > 9000 {
			ref = graph.Date{}
		}
		checkMentions(t, s, FindDates(s, ref))
		DocumentDate(s)
	})
}
