package text

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// benchSize is the amount of text the benchmarks work on.
const benchSize = 5 << 20

var (
	benchOnce  sync.Once
	benchDocs  [][]byte // raw articles, repeated to benchSize in all
	benchBytes int64    // their total size
	benchText  string   // all of them cleaned and concatenated
)

// benchSample paragraphs stand in for the reference corpus when it is absent.
var benchSample = []string{
	"Wednesday, September 12, 2012",
	"Pakistan-Russia: Can old rivals be strategic partners?",
	"When Army Chief Gen. Ashfaq Pervez Kayani lands in Moscow this month it would mark a paradigm shift and give a new dimension to the emerging relationship between the two nuclear-armed Asian nations.",
	"Pakistan’s membership of anti-communist alliances like SEATO/ CENTO, shooting down of American U-2 spy plane over Soviet Union that took off from a Pakistani airbase on May 01, 1960, Moscow’s backing of 1971 Indian Army’s invasion of East Pakistan were stumbling blocks.",
	"Mr. Lavrov was invited by Foreign Minister Khar earlier this year, but dates for his trip had to be pulled up after Mr. Putin opted against traveling to Islamabad. “They must have realized,” the daily Dawn quoted an official as saying.",
	"In 2016, Russia supplied MI-35 assault helicopters worth $153 million to Pakistan. India lodged a protest with Russia over its joint military exercises with the U.S. and Pakistan.",
	"Share",
	"4 hours ago",
	"• Business",
}

func loadBench(b *testing.B) {
	b.Helper()
	benchOnce.Do(func() {
		var docs [][]byte
		if shared := benchShared(); shared != "" {
			files, _ := filepath.Glob(filepath.Join(shared, "corpus", "pak-russia", "*.txt"))
			for _, f := range files {
				if raw, err := os.ReadFile(f); err == nil {
					docs = append(docs, raw)
				}
			}
		}
		if len(docs) == 0 {
			docs = append(docs, []byte(strings.Join(benchSample, "\n\n")))
		}
		var text strings.Builder
		for benchBytes < benchSize {
			for _, d := range docs {
				benchDocs = append(benchDocs, d)
				benchBytes += int64(len(d))
				a, err := Clean(d, "txt", CleanOptions{})
				if err != nil {
					panic(err)
				}
				text.WriteString(a.Text)
				text.WriteString("\n\n")
			}
		}
		benchText = text.String()
	})
}

// benchShared is sharedDir without a testing.T: benchmarks fall back to
// generated text instead of skipping.
func benchShared() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return ""
	}
	return shared
}

func BenchmarkSentences(b *testing.B) {
	loadBench(b)
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for b.Loop() {
		Sentences(benchText)
	}
}

func BenchmarkClean(b *testing.B) {
	loadBench(b)
	b.SetBytes(benchBytes)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range benchDocs {
			if _, err := Clean(d, "txt", CleanOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkFindDates(b *testing.B) {
	loadBench(b)
	ss := Sentences(benchText)
	ref := graph.Date{Year: 2012, Month: 9, Day: 12}
	b.SetBytes(int64(len(benchText)))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range ss {
			FindDates(s.Text, ref)
		}
	}
}

// BenchmarkPipeline is everything this package does to each document:
// clean, split, find dates. Documents are the reference articles (or a
// generated one), repeated to 5 MB.
func BenchmarkPipeline(b *testing.B) {
	loadBench(b)
	b.SetBytes(benchBytes)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range benchDocs {
			a, err := Clean(d, "txt", CleanOptions{})
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range Sentences(a.Text) {
				FindDates(s.Text, a.Date)
			}
		}
	}
}
