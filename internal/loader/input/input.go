package input

// Input is one document as read, before cleaning.
type Input struct {
	Name   string // file base name, or the id field of a JSONL record
	Source string // path or URL it came from ("-" for stdin); path:line for JSONL records
	Format string // txt, md, html or jsonl (the text of a JSONL record is plain text)
	Data   []byte // raw bytes (for JSONL records: the text field)
	// Metadata given by the input itself (JSONL fields); empty when absent.
	Title string
	Date  string
	URL   string
	// Size is how many input bytes the document took: the file's size, or
	// the length of its JSONL line. Progress and throughput count these.
	Size int64
}
