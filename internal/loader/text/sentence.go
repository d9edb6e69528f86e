// Package text turns raw input (plain text, Markdown, HTML) into clean,
// normalised article text, splits it into sentences with byte offsets and
// finds dates.
package text

// Sentence is one sentence of a cleaned document. Text == doc[Start:End].
type Sentence struct {
	Index int    `json:"index"` // 0-based position among the document's sentences
	Start int    `json:"start"` // byte offset in the cleaned text
	End   int    `json:"end"`
	Text  string `json:"text"`
}
