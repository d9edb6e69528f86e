package text

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

func mustDate(t testing.TB, s string) graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return d
}

// formatMentions renders mentions as "text=date" for compact comparison.
func formatMentions(ms []DateMention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s=%s", m.Text, m.Date))
	}
	return strings.Join(parts, "; ")
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		ref      string
		want     string
	}{
		// Absolute dates need no reference.
		{"month day year", "a Pakistani airbase on May 01, 1960, and more", "", "May 01, 1960=1960-05-01"},
		{"in parentheses", "the first to visit Pakistan (on April 13, 2007).", "", "April 13, 2007=2007-04-13"},
		{"abbreviated month", "Signed Sep 12, 2012 and Sept. 3, 2011.", "", "Sep 12, 2012=2012-09-12; Sept. 3, 2011=2011-09-03"},
		{"day month year", "It was signed on 12 September 2012.", "", "12 September 2012=2012-09-12"},
		{"ordinal of month", "on the 10th of September 2012 talks", "", "10th of September 2012=2012-09-10"},
		{"day range", "planned in Islamabad from 2-3 October 2012.", "", "2-3 October 2012=2012-10-02"},
		{"month year", "In October 2012, Gen Kayani visited Moscow.", "", "October 2012=2012-10"},
		{"month comma year", "In December, 1979 the Soviets invaded.", "", "December, 1979=1979-12"},
		{"iso", "Published 2012-09-12 in Dawn.", "", "2012-09-12=2012-09-12"},
		{"iso month", "Data for 2012-09 only.", "", "2012-09=2012-09"},
		{"weekday full date", "Wednesday, September 12, 2012", "", "Wednesday, September 12, 2012=2012-09-12"},
		{"year in", "In 2016, Russia supplied MI-35 helicopters worth $153 million.", "", "2016=2016"},
		{"year modifier", "Moscow's backing of 1971 Indian Army's invasion", "", "1971=1971"},
		{"the year war", "Russia played a key role in the 1971 war.", "", "1971=1971"},
		{"year after name", "a six-day exercise - Peace Mission 2018.", "", "2018=2018"},
		{"year onwards", "From 1950 onwards Russia treated India as an ally", "", "1950=1950"},
		{"range dash", "the war of 2001-2021 ended", "", "2001-2021=2001"},
		{"range short", "the war of 2001-21 ended", "", "2001-21=2001"},
		{"range to", "US troops stayed from 2001 to 2021.", "", "2001 to 2021=2001"},
		{"range between", "between 1979 and 1989 the war raged", "", "1979 and 1989=1979"},
		{"two years", "In 2016 the first and in 2017 the second.", "", "2016=2016; 2017=2017"},
		// Quantities are not years.
		{"money", "Russia offered $2016 million and 2016 troops.", "", ""},
		{"year before plural", "the 2014 sanctions and in 1998 tests", "", "2014=2014; 1998=1998"},
		{"count plural", "Russia sent 2000 guards and the 2000 troops stayed.", "", ""},
		{"count before", "more than 2000 were killed", "", ""},
		{"units", "a 1200 MW plant and 1980 km of road", "", ""},
		{"code", "the CASA-1000 project and the 500MW plant", "", ""},
		{"decade", "in the late 1990s the process started", "", ""},
		{"nine eleven", "after the 9/11 attacks", "", ""},
		{"thousands", "some 2,016 people", "", ""},
		{"out of range", "in 1066 and 2150", "", ""},
		{"may verb", "Relations may improve. May God help.", "2012-09-12", ""},
		{"march verb", "They March on Sunday", "", ""},
		{"may name", "Putin spoke to May and Merkel.", "2012-09-12", ""},
		// Relative dates need a reference.
		{"this month", "Kayani lands in Moscow this month", "2012-09-12", "this month=2012-09"},
		{"last month", "a landmark trip to Moscow last month", "2012-09-12", "last month=2012-08"},
		{"last month january", "a trip last month", "2012-01-05", "last month=2011-12"},
		{"next month", "a trip next month", "2012-12-05", "next month=2013-01"},
		{"last year", "invited earlier this year; he came last year", "2012-10-08", "this year=2012; last year=2011"},
		{"last year possessive", "Russia denounced last year's NATO raid", "2012", "last year=2011"},
		{"next year", "elections next year", "2012-10", "next year=2013"},
		{"month last year", "In May last year, Zardari visited Moscow.", "2012", "May last year=2011-05"},
		{"early month", "Putin's arrival in Islamabad in early October", "2012-09-12", "early October=2012-10"},
		{"mid month", "a meeting in mid-October", "2012-09-12", "mid-October=2012-10"},
		{"late month past", "talks in late August", "2012-09-12", "late August=2012-08"},
		{"bare month", "Butt visited Moscow in August.", "2012-10-08", "August=2012-08"},
		{"month wraps back", "in December the talks began", "2012-02-01", "December=2011-12"},
		{"month wraps ahead", "due in January", "2012-11-20", "January=2013-01"},
		{"month day no year", "Kayani arrived in Moscow on October 4 and left.", "2012-10-08", "October 4=2012-10-04"},
		{"ordinal day month", "the commission met on 10th September.", "2012-10-08", "10th September=2012-09-10"},
		{"last october", "since last October", "2012-10-08", "last October=2011-10"},
		{"early year", "by early 2013 the troops left", "", "early 2013=2013"},
		{"weekday past", "Asian stocks sank in trade on Monday.", "2012-09-12", "Monday=2012-09-10"},
		{"weekday same day", "Officials met on Wednesday.", "2012-09-12", "Wednesday=2012-09-12"},
		{"weekday future", "Officials will conclude the meeting on Wednesday.", "2012-09-12", "Wednesday=2012-09-19"},
		{"last weekday", "He arrived last Friday.", "2012-09-12", "last Friday=2012-09-07"},
		{"next weekday", "He leaves next Friday.", "2012-09-12", "next Friday=2012-09-14"},
		{"yesterday", "Lavrov said yesterday that talks would resume.", "2012-09-12", "yesterday=2012-09-11"},
		{"years ago", "two years ago the deal fell through", "2012-09-12", "two years ago=2010"},
		// Without a precise enough reference, relative dates give nothing.
		{"this month no ref", "Kayani lands in Moscow this month", "", ""},
		{"this month year ref", "Kayani lands in Moscow this month", "2012", ""},
		{"last year no ref", "Russia denounced last year's raid", "", ""},
		{"early october no ref", "arrival in early October", "", ""},
		{"weekday month ref", "stocks sank on Monday", "2012-09", ""},
		{"month day no ref", "arrived on October 4", "", ""},
		{"mixed", "In May 2011 and again last year, on October 4.", "2012-10-08", "May 2011=2011-05; last year=2011; October 4=2011-10-04"},
		{"mixed unanchored", "Last year and on October 4.", "2012-10-08", "Last year=2011; October 4=2012-10-04"},
		{"anchor year", "In 1971, ties worsened and in December India attacked.", "2012-09-12", "1971=1971; December=1971-12"},
		{"anchor without ref", "In 1971, ties worsened and on December 3 India attacked.", "", "1971=1971; December 3=1971-12-03"},
		{"anchor month year", "In October 2012 Kayani visited; on October 4 he met Makarov.", "", "October 2012=2012-10; October 4=2012-10-04"},
		{"two years no anchor", "In 1971 and in 1972 talks failed; in December they resumed.", "2012-09-12", "1971=1971; 1972=1972; December=2012-12"},
		{"by year no anchor", "US withdrawal by 2014 and talks in December", "2012-09-12", "2014=2014; December=2012-12"},
		{"invalid day", "on February 30, 2012 nothing happened", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref graph.Date
			if tt.ref != "" {
				ref = mustDate(t, tt.ref)
			}
			ms := FindDates(tt.sentence, ref)
			if got := formatMentions(ms); got != tt.want {
				t.Errorf("FindDates(%q, %s)\n got %q\nwant %q", tt.sentence, ref, got, tt.want)
			}
			checkMentions(t, tt.sentence, ms)
		})
	}
}

func checkMentions(t *testing.T, s string, ms []DateMention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(s) {
			t.Fatalf("mention %+v: bad span (prev end %d, len %d)", m, prev, len(s))
		}
		if s[m.Start:m.End] != m.Text {
			t.Errorf("mention text %q != s[%d:%d] = %q", m.Text, m.Start, m.End, s[m.Start:m.End])
		}
		if _, err := graph.ParseDate(m.Date.String()); err != nil || m.Date.IsZero() {
			t.Errorf("mention %q has invalid date %+v: %v", m.Text, m.Date, err)
		}
		prev = m.End
	}
}

func TestDocumentDate(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"weekday dateline", "Wednesday, September 12, 2012\n\nPakistan-Russia: Can old rivals be partners?\n\nText.", "2012-09-12"},
		{"after header junk", "An organ of the Institute\n\nArchives\n\nOctober 8, 2012\n\nRelations warm up\n\nBy A. Writer", "2012-10-08"},
		{"day month year", "Title\n12 September 2012\nBody text here.", "2012-09-12"},
		{"iso", "2012-09-12\nBody.", "2012-09-12"},
		{"abbreviated", "Headline\nSep 12, 2012\nBody.", "2012-09-12"},
		{"published prefix", "Headline\nPublished: October 8, 2012 10:30 am\nBody.", "2012-10-08"},
		{"wire dateline", "ISLAMABAD, Oct 8, 2012\nBody.", "2012-10-08"},
		{"title-case place", "Islamabad, October 8, 2012\nHeadline\n\nBody.", "2012-10-08"},
		{"two-word place", "New Delhi, 8 Oct 2012\nText.", "2012-10-08"},
		{"place and weekday", "Moscow, Tuesday, December 27, 2016\nText.", "2016-12-27"},
		{"lower-case lead", "the city, October 8, 2012\nText.", ""},
		{"title case after the date", "October 8, 2012 Islamabad Bureau\nText.", ""},
		{"list of countries", "Russia, China and Pakistan met on October 8, 2012.\nText.", ""},
		{"month year", "Newsletter\nOctober 2012\nBody.", "2012-10"},
		{"not in prose", "Kayani visited Moscow on October 4, 2012 and met Makarov.\nMore.", ""},
		{"year alone", "2012\nBody.", ""},
		{"none", "Just a headline\n\nAnd a body.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DocumentDate(tt.text).String(); got != tt.want {
				t.Errorf("DocumentDate(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
