// Command kg builds a knowledge graph of actors and their relations from news
// articles and answers questions about it.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], defaultIO())) }
