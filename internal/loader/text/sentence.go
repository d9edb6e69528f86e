package text

// Sentence is one sentence of a cleaned document. Text == doc[Start:End].
type Sentence struct {
	Index int    `json:"index"` // 0-based position among the document's sentences
	Start int    `json:"start"` // byte offset in the cleaned text
	End   int    `json:"end"`
	Text  string `json:"text"`
}
