package input_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/loader/input"
)

func ExampleParseSize() {
	for _, s := range []string{"50MB", "512k", "1000"} {
		n, _ := input.ParseSize(s)
		fmt.Println(s, n, input.FormatSize(n))
	}
	// Output:
	// 50MB 52428800 50.0MB
	// 512k 524288 512.0KB
	// 1000 1000 1000B
}

func ExampleParseRecord() {
	in, err := input.ParseRecord([]byte(`{"id":"a1","title":"Talks","date":"2012-10-02","text":"Russia and Pakistan held talks."}`), "feed.jsonl", 1)
	fmt.Println(in.Name, in.Date, string(in.Data), err)
	// Output: a1 2012-10-02 Russia and Pakistan held talks. <nil>
}
