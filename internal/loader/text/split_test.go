package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, s.Text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Russia met Pakistan. India objected! Why? Nobody knows.",
			[]string{"Russia met Pakistan.", "India objected!", "Why?", "Nobody knows."}},
		{"ranks", "Army Chief Gen. Ashfaq Kayani met Lt. Col. Smith and Maj. Gen. Brig. Khan. They talked.",
			[]string{"Army Chief Gen. Ashfaq Kayani met Lt. Col. Smith and Maj. Gen. Brig. Khan.", "They talked."}},
		{"hyphenated rank", "Russian Military Chief Col-Gen. Alexander Postnikov visited. He left.",
			[]string{"Russian Military Chief Col-Gen. Alexander Postnikov visited.", "He left."}},
		{"retired", "Gen. (R) Pervez Musharraf spoke. Then he left.",
			[]string{"Gen. (R) Pervez Musharraf spoke.", "Then he left."}},
		{"honorifics", "Mr. Putin and Mrs. Clinton met Dr. Khan, Prof. Ali and Ms. Rice in St. Petersburg. Done.",
			[]string{"Mr. Putin and Mrs. Clinton met Dr. Khan, Prof. Ali and Ms. Rice in St. Petersburg.", "Done."}},
		{"dotted countries", "The U.S. and U.K. backed the U.N. plan. Russia did not.",
			[]string{"The U.S. and U.K. backed the U.N. plan.", "Russia did not."}},
		{"dotted then starter", "Troops returned to the U.S. The war was over.",
			[]string{"Troops returned to the U.S.", "The war was over."}},
		{"dotted then name", "He flew to the U.S. Senate hearing.",
			[]string{"He flew to the U.S. Senate hearing."}},
		{"number abbreviation", "He lives at No. 10 Downing Street. He said no. Then left.",
			[]string{"He lives at No. 10 Downing Street.", "He said no.", "Then left."}},
		{"months", "It started on Oct. 4 and ended on Dec. 12. Then peace.",
			[]string{"It started on Oct. 4 and ended on Dec. 12.", "Then peace."}},
		{"companies", "Tata Co. and Acme Inc. signed with Gazprom Ltd. in Moscow. Good.",
			[]string{"Tata Co. and Acme Inc. signed with Gazprom Ltd. in Moscow.", "Good."}},
		{"latin", "Some states, e.g. Iran, i.e. a neighbour, vs. others. Fine.",
			[]string{"Some states, e.g. Iran, i.e. a neighbour, vs. others.", "Fine."}},
		{"etc before capital", "threats from Iran etc. Russia has tested a missile.",
			[]string{"threats from Iran etc.", "Russia has tested a missile."}},
		{"times", "They met at 10 a.m. and left at 5 p.m. The talks ended.",
			[]string{"They met at 10 a.m. and left at 5 p.m.", "The talks ended."}},
		{"initials", "Dr. A. Q. Khan sold designs. J. F. Kennedy did not.",
			[]string{"Dr. A. Q. Khan sold designs.", "J. F. Kennedy did not."}},
		{"decimals", "Growth was 3.5 per cent in 2012. It fell.",
			[]string{"Growth was 3.5 per cent in 2012.", "It fell."}},
		{"ellipsis", "He paused... Then he spoke. And waited... and waited.",
			[]string{"He paused...", "Then he spoke.", "And waited... and waited."}},
		{"quote after stop", `He said, "We agree." Russia nodded. 'Fine.' They left.`,
			[]string{`He said, "We agree."`, "Russia nodded.", "'Fine.'", "They left."}},
		{"quote opens next", `Talks ended. "We are pleased," he said.`,
			[]string{"Talks ended.", `"We are pleased," he said.`}},
		{"question lower", `"Why?" he asked. Nobody knew.`,
			[]string{`"Why?" he asked.`, "Nobody knew."}},
		{"headline paragraphs", "General Kayani's visit\n\nKayani arrived in Moscow. He met Makarov.\n\nThe endgame",
			[]string{"General Kayani's visit", "Kayani arrived in Moscow.", "He met Makarov.", "The endgame"}},
		{"single newline is space", "Kayani arrived in\nMoscow on Monday.\nHe met Makarov.",
			[]string{"Kayani arrived in\nMoscow on Monday.", "He met Makarov."}},
		{"digit after stop", "It ended in 1971. 1972 was calm.",
			[]string{"It ended in 1971.", "1972 was calm."}},
		{"empty", "", nil},
		{"blank", " \n\n \n", nil},
		{"no punctuation", "just words", []string{"just words"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkSentenceOffsets(t, tt.in, Sentences(tt.in))
		})
	}
}

func checkSentenceOffsets(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	prev := 0
	for i, s := range ss {
		if s.Index != i {
			t.Errorf("sentence %d has Index %d", i, s.Index)
		}
		if s.Start < prev || s.End < s.Start || s.End > len(text) {
			t.Fatalf("sentence %d has bad span [%d,%d) (prev end %d, len %d)", i, s.Start, s.End, prev, len(text))
		}
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: text[%d:%d] = %q, Text = %q", i, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		if s.Text == "" || strings.TrimSpace(s.Text) != s.Text {
			t.Errorf("sentence %d is empty or untrimmed: %q", i, s.Text)
		}
		prev = s.End
	}
}

// TestSentencesCapped: a run without sentence punctuation comes out as
// sentences of at most MaxSentence bytes, cut after clause punctuation
// where there is some and between words otherwise, and nothing is lost.
func TestSentencesCapped(t *testing.T) {
	for _, c := range []struct {
		name, unit string
	}{
		{"words only", "Pakistan met Russia and India "},
		{"clauses", "Pakistan met Russia, India met Iran; "},
		{"no spaces", "PakistanmetRussiaandIndia"},
		{"multibyte", "Пакистан встретил Россию "},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.TrimSpace(strings.Repeat(c.unit, 400))
			ss := Sentences(text)
			if len(ss) < 2 {
				t.Fatalf("%d sentences for %d bytes", len(ss), len(text))
			}
			var joined []string
			for _, s := range ss {
				if len(s.Text) > MaxSentence {
					t.Errorf("sentence %d has %d bytes", s.Index, len(s.Text))
				}
				if !utf8.ValidString(s.Text) || text[s.Start:s.End] != s.Text {
					t.Errorf("sentence %d is not its span of the text", s.Index)
				}
				if strings.Contains(c.unit, ",") && !strings.HasSuffix(s.Text, ",") && !strings.HasSuffix(s.Text, ";") && s.Index < len(ss)-1 {
					t.Errorf("sentence %d ends %q, not after clause punctuation", s.Index, s.Text[len(s.Text)-5:])
				}
				joined = append(joined, s.Text)
			}
			if strings.Join(strings.Fields(strings.Join(joined, " ")), "") != strings.Join(strings.Fields(text), "") {
				t.Errorf("the sentences do not hold the whole text")
			}
		})
	}
}
