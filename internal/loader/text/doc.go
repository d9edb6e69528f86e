// Package text turns raw input (plain text, Markdown, HTML) into clean article text, sentences with byte offsets, and dates.
package text
