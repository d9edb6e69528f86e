package text_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/text"
)

func ExampleClean() {
	raw := "Wednesday, September 12, 2012\n\n" +
		"Can old rivals be partners?\n\n" +
		"When Gen. Kayani lands in Moscow this month, talks will start. Putin’s visit follows in early October.\n\n" +
		"Share\nLeave a Comment\n\nRecent Posts\n\n4 hours ago\n  • Business\n"
	a, err := text.Clean([]byte(raw), "txt", text.CleanOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("title %q, date %s\n", a.Title, a.Date)
	for _, s := range text.Sentences(a.Text) {
		fmt.Printf("[%d:%d] %s\n", s.Start, s.End, s.Text)
		for _, d := range text.FindDates(s.Text, a.Date) {
			fmt.Printf("  %q = %s (%s)\n", d.Text, d.Date, d.Date.Precision())
		}
	}
	// Output:
	// title "Can old rivals be partners?", date 2012-09-12
	// [0:62] When Gen. Kayani lands in Moscow this month, talks will start.
	//   "this month" = 2012-09 (month)
	// [63:102] Putin's visit follows in early October.
	//   "early October" = 2012-10 (month)
}

func ExampleFindDates() {
	ref := graph.Date{Year: 2012, Month: 10, Day: 8}
	for _, s := range []string{
		"In May last year, Zardari visited Moscow.",
		"Kayani arrived in Moscow on October 4.",
		"Russia supplied helicopters in 2016 and 2016 troops took part.",
		"US troops stayed from 2001 to 2021.",
	} {
		for _, d := range text.FindDates(s, ref) {
			fmt.Printf("%q = %s\n", d.Text, d.Date)
		}
	}
	// Without a document date, relative expressions give nothing.
	fmt.Println(len(text.FindDates("He visited last month.", graph.Date{})))
	// Output:
	// "May last year" = 2011-05
	// "October 4" = 2012-10-04
	// "2016" = 2016
	// "2001 to 2021" = 2001
	// 0
}
