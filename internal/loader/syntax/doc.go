// Package syntax tags, lemmatises and parses English sentences into
// Universal Dependencies trees.
//
// Everything is learned from the UD English Web Treebank. An averaged
// perceptron tagger predicts UPOS and the Penn Treebank XPOS together;
// lemmas come from the treebank's own word forms, with suffix rules learned
// from it for unseen words; and an arc-eager transition parser attaches
// every word and labels the arc with a UD relation. The default parser
// searches with a beam of 16 and was trained on whole transition sequences
// with early updates; Model.Fast gives a greedy parser, trained with a
// dynamic oracle, about ten times faster and a point and a half less
// accurate. Tokenize cuts raw text into words the way the treebank does.
//
// The trained model is embedded in the binary and read once, on first use
// (Default). ./train rebuilds it from the treebank, byte for byte.
//
// A Sentence is a slice of Tokens numbered from 1 (UD's numbering, with 0
// for the root); its methods answer what an event coder asks of a tree: a
// token's head, its children by relation, and the span of a subtree.
package syntax
