package dict_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/loader/dict"
)

func ExampleMatcher_Find() {
	d, err := dict.Default()
	if err != nil {
		panic(err)
	}
	for _, m := range d.Matcher().Find("The Kremlin and the U.S. backed Pak-Russia talks, Russia's foreign minister said.") {
		if m.Entry != nil {
			fmt.Printf("%s: %s %s (%s)\n", m.Surface, m.Entry.Name, m.Code, m.Kind)
		} else {
			fmt.Printf("%s: role %s (%s)\n", m.Surface, m.Code, m.Kind)
		}
	}
	// Output:
	// Kremlin: Russia RUS (place)
	// U.S.: United States USA (abbrev)
	// Pak: Pakistan PAK (abbrev)
	// Russia: Russia RUS (name)
	// Russia: Russia RUS (name)
	// foreign minister: role GOV (role)
}

func ExampleSimilarNames() {
	for _, p := range [][2]string{
		{"Ashfaq Parvez Kayani", "Ashfaq Pervaiz Kiani"},
		{"Asif Zardari", "Asif Ali Zardari"},
		{"Nawaz Sharif", "Shahbaz Sharif"},
	} {
		score, ok := dict.SimilarNames(p[0], p[1])
		fmt.Printf("%s / %s: %.2f %v\n", p[0], p[1], score, ok)
	}
	// Output:
	// Ashfaq Parvez Kayani / Ashfaq Pervaiz Kiani: 0.94 true
	// Asif Zardari / Asif Ali Zardari: 0.97 true
	// Nawaz Sharif / Shahbaz Sharif: 0.50 false
}
