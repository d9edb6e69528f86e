package loader

import (
	"testing"

	"github.com/kg-project/kg/internal/loader/input"
)

// FuzzProcess: Process never panics on any input, and every event's
// offsets slice the document and equal its sentence.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"Russia and Pakistan signed a defence agreement. The two countries held joint exercises.",
		"Army Chief Gen. Ashfaq Pervez Kayani lands in Moscow this month. Gen Kayani’s Moscow visit is significant.",
		"<html><body><p>India lodged a protest with Russia.</p></body></html>",
		"# Title\n\nMoscow’s backing of 1971 Indian Army’s invasion of East Pakistan.",
		"US/Pakistan backed Afghan Jihad ofAfghanistan theAmerican NowRussia",
		"'s 's ' ’ U.S. U. . - -- — ( ) Gen. . President",
		"",
	} {
		f.Add(s, uint8(0))
	}
	x := extractor(f)
	formats := []string{"txt", "md", "html"}
	f.Fuzz(func(t *testing.T, s string, fm uint8) {
		in := input.Input{Name: "fuzz", Format: formats[int(fm)%len(formats)], Data: []byte(s)}
		xt, err := x.Process(in)
		if err != nil {
			return
		}
		checkExtraction(t, xt)
	})
}
