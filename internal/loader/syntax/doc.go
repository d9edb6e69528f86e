// Package syntax tags, lemmatises and parses English sentences into
// Universal Dependencies trees.
//
// The analysis is trained on the UD English Web Treebank: an averaged
// perceptron tagger predicts UPOS and the Penn Treebank XPOS together,
// lemmas come from the treebank's own word forms with suffix rules learned
// from it for unseen words, and a greedy arc-eager transition parser with a
// dynamic oracle attaches every word and labels the arc with a UD relation.
// The trained model is embedded in the binary and read once, on first use.
//
// A Sentence is a slice of Tokens indexed from 1 (UD's numbering, with 0 for
// the root); its methods answer the questions an event coder asks of a tree:
// a token's head, its children by relation, and the span of a subtree.
package syntax
