// Package extract finds CAMEO-coded actor–relation–actor triples in
// sentences: actors by dictionary, events either by general rules over the
// dependency parse of each sentence (the tree coder) or by patterns over
// windows of words (the rules coder). Vocabulary is data, in lexicon.yaml
// and the dictionaries; structure is code.
package extract
