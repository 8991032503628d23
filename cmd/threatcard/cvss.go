//go:build !wasm

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/threatcard/threatcard/scoring/cvss4"
)

// runCVSS scores CVSS v4.0 vectors given as arguments, or read from stdin
// one per line, printing "<score> <Severity>" or "error: <why>" per vector.
func runCVSS(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("cvss", "cvss [VECTOR...]", stderr,
		"Prints the CVSS v4.0 score and severity of each vector, one line each",
		`("9.3 Critical"); an invalid vector prints "error: <why>" on its line`,
		"and makes the exit status 1. Without arguments, reads vectors from",
		"standard input, one per line (blank lines skipped), answering each line as it comes.")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}

	status := 0
	answer := func(vector string) error {
		line := scoreLine(vector)
		if strings.HasPrefix(line, "error: ") {
			status = 1
		}
		_, err := io.WriteString(stdout, line+"\n") // one write per answer, so it streams
		return err
	}

	if fs.NArg() > 0 {
		for _, vector := range fs.Args() {
			if err := answer(vector); err != nil {
				fmt.Fprintf(stderr, "threatcard cvss: %v\n", err)
				return 1
			}
		}
		return status
	}

	r := bufio.NewReader(stdin)
	for {
		line, readErr := r.ReadString('\n')
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			fmt.Fprintf(stderr, "threatcard cvss: reading standard input: %v\n", readErr)
			return 1
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.TrimSpace(line) != "" {
			if err := answer(line); err != nil {
				fmt.Fprintf(stderr, "threatcard cvss: %v\n", err)
				return 1
			}
		}
		if readErr != nil { // io.EOF
			return status
		}
	}
}

// scoreLine returns the answer line for one vector, without newline.
func scoreLine(vector string) string {
	v, err := cvss4.Parse(vector)
	if err != nil {
		return "error: " + err.Error()
	}
	score := v.Score()
	return score.Format(1) + " " + cvss4.Severity(score)
}
