//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/aivss/batch"
)

// runScore scores one agent from flags, or JSON Lines from stdin with
// --batch.
func runScore(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("score", "score [--edition ID] (--cvss VECTOR | --cvss-score N) --factors V1,…,V10 [--thm X] [--mf X] [--json]\n"+
		"       threatcard score --batch < requests.jsonl", stderr,
		"Prints \"<score> <Severity>\" (\"9.5 Critical\"). Factors go in the edition's",
		"order; 'threatcard editions' lists it. --batch reads one JSON object a line,",
		`{"edition","cvss" or "cvss_score","factors":[10 values],"thm","mf"}, and prints`,
		`one result or {"error":"line N: …"} a line; any error makes the exit status 1.`)
	var req batch.Request
	var factors string
	fs.StringVar(&req.Edition, "edition", aivss.Default, "AIVSS edition: v0.8, v0.5 or card (see 'threatcard editions')")
	fs.StringVar(&req.CVSSVector, "cvss", "", "CVSS v4.0 vector, e.g. CVSS:4.0/AV:N/AC:L/…; its Base score enters, and its Exploit Maturity (E) sets ThM")
	fs.StringVar(&req.CVSSScore, "cvss-score", "", "CVSS v4.0 base score, 0.0 to 10.0 (instead of --cvss)")
	fs.StringVar(&factors, "factors", "", "the 10 factor values, comma-separated, in the edition's order")
	fs.StringVar(&req.ThM, "thm", "", "threat multiplier (default: the edition's)")
	fs.StringVar(&req.MF, "mf", "", "mitigation factor (default: the edition's; v0.5 has none)")
	asJSON := fs.Bool("json", false, "print the result as one JSON object")
	isBatch := fs.Bool("batch", false, "read JSON Lines from standard input, answer one JSON line each")
	if status, ok := parseFlags(fs, args); !ok {
		return status
	}
	usageErr := func(msg string) int { return usageError(stderr, "score", msg) }
	if fs.NArg() > 0 {
		return usageErr(fmt.Sprintf("unexpected argument %q; every input is a flag", fs.Arg(0)))
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	if *isBatch {
		for _, name := range []string{"edition", "cvss", "cvss-score", "factors", "thm", "mf", "json"} {
			if set[name] {
				return usageErr("--batch takes its inputs from standard input; drop --" + name + " (put it in each JSON line)")
			}
		}
		sum, err := batch.Run(stdin, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "threatcard score: %v\n", err)
			return 1
		}
		if sum.Failed > 0 {
			return 1
		}
		return 0
	}

	if _, err := aivss.Lookup(req.Edition); err != nil {
		return usageErr(err.Error())
	}
	switch {
	case set["cvss"] && set["cvss-score"]:
		return usageErr("give --cvss or --cvss-score, not both")
	case !set["cvss"] && !set["cvss-score"]:
		return usageErr("missing the CVSS input: give --cvss VECTOR or --cvss-score N")
	case !set["factors"]:
		return usageErr("missing --factors: give the 10 factor values in the edition's order")
	}
	for _, f := range strings.Split(factors, ",") {
		req.Factors = append(req.Factors, strings.TrimSpace(f))
	}
	res, err := req.Score()
	if err != nil {
		fmt.Fprintf(stderr, "threatcard score: %v\n", err)
		return 1
	}
	var out []byte
	if *asJSON {
		out = batch.AppendResult(out, &res)
	} else {
		out = append(out, res.Score+" "+string(res.Severity)...)
	}
	if _, err := stdout.Write(append(out, '\n')); err != nil {
		fmt.Fprintf(stderr, "threatcard score: %v\n", err)
		return 1
	}
	return 0
}
