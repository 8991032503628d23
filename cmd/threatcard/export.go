//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivssreport"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/export"
	"github.com/threatcard/threatcard/scoring/link"
)

// runExport writes the card a link carries as JSON, Markdown or an SVG
// badge.
func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", "export LINK --format json|markdown|svg|aivss-report [--base URL] [--date YYYY-MM-DD] [--assessor NAME]", stderr,
		"Prints the card that LINK carries: JSON (format threatcard/2), Markdown for a",
		"ticket, an SVG badge, or an OWASP AIVSS v0.8 report (Appendix A) of its scored",
		"findings. LINK is a whole threatcard URL or its fragment, with or without '#'",
		"(quote it for the shell: it holds '&').")
	format := fs.String("format", "", "what to print: json, markdown, svg or aivss-report")
	base := fs.String("base", "", "the app's URL, for the link in Markdown and the report (default: LINK's own URL, or a bare #fragment)")
	report := reportFlags(fs)
	pos, code := parseFlagsAnywhere(fs, args)
	if code >= 0 {
		return code
	}
	usageErr := func(msg string) int { return usageError(stderr, "export", msg) }
	switch {
	case len(pos) == 0:
		return usageErr("give the card's LINK")
	case len(pos) > 1:
		return usageErr(fmt.Sprintf("one LINK only; %q is a second argument", pos[1]))
	case *format == "":
		return usageErr("give --format json, markdown or svg")
	}
	if msg := checkExportFlags(*format, *base); msg != "" {
		return usageErr(msg)
	}
	if msg := report.check(*format); msg != "" {
		return usageErr(msg)
	}
	c, err := link.Decode(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "threatcard export: %s\n", decodeProblem(err))
		return 1
	}
	if *base == "" {
		*base = linkBase(pos[0])
	}
	return writeExport(c, exportOptions{*format, *base, report}, stdout, stderr, "export")
}

// decodeProblem says why link.Decode refused a link. A link cut short
// inside its text is not exported at all, but the message says what is
// left of it and what to do.
func decodeProblem(err error) string {
	te, ok := errors.AsType[*link.TruncatedError](err)
	if !ok {
		return err.Error()
	}
	names := make([]string, len(te.Intact))
	for i, p := range te.Intact {
		names[i] = link.PartName(p)
	}
	return "the link was cut short inside its text (part d); intact: " + strings.Join(names, ", ") +
		" — copy the whole link again"
}

// checkExportFlags checks --format and --base, and says what is wrong.
func checkExportFlags(format, base string) string {
	switch format {
	case "", "json", "markdown", "svg", "aivss-report":
	default:
		return fmt.Sprintf("unknown --format %q; formats are json, markdown, svg and aivss-report", format)
	}
	if base != "" {
		u, err := url.Parse(base)
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			return fmt.Sprintf("--base %q is not an http or https URL", base)
		case strings.Contains(base, "#"):
			return fmt.Sprintf("--base %q has a fragment; give the URL without '#': the card's link goes there", base)
		}
	}
	return ""
}

// linkBase is the URL before the '#' of a whole http or https link, or ""
// for a bare fragment or any other link.
func linkBase(s string) string {
	before, _, ok := strings.Cut(s, "#")
	if !ok || checkExportFlags("", before) != "" || before == "" {
		return ""
	}
	return before
}

// exportOptions are the flags of an export: the format ("" for the link
// itself), the app's URL before the link's '#', and the report's metadata.
type exportOptions struct {
	format, base string
	report       *reportOptions
}

// writeExport prints c as opt.format, with the link made of opt.base (if
// any) and c's fragment.
func writeExport(c *card.Card, opt exportOptions, stdout, stderr io.Writer, cmd string) int {
	var out string
	var err error
	format, base := opt.format, opt.base
	switch format {
	case "json":
		var b []byte
		b, err = cardjson.Marshal(c)
		out = string(b)
	case "svg":
		out, err = export.Badge(c)
	case "aivss-report":
		var frag string
		if frag, err = link.Encode(c); err != nil {
			break
		}
		var doc []byte
		var skipped []aivssreport.Skipped
		doc, skipped, err = aivssreport.Marshal(c, opt.report.metadata(base+"#"+frag))
		for _, s := range skipped {
			fmt.Fprintf(stderr, "threatcard %s: warning: finding %s is not in the report: %s\n", cmd, s.ID, s.Reason)
		}
		out = string(doc)
	default: // the link itself, or Markdown, which shows it
		var frag string
		if frag, err = link.Encode(c); err != nil {
			break
		}
		l := base + "#" + frag
		if format == "markdown" {
			out, err = export.Markdown(c, l)
		} else {
			out = l + "\n"
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "threatcard %s: %v\n", cmd, err)
		return 1
	}
	if _, err := io.WriteString(stdout, out); err != nil {
		fmt.Fprintf(stderr, "threatcard %s: %v\n", cmd, err)
		return 1
	}
	return 0
}

// parseFlagsAnywhere parses fs from args with flags allowed before, between
// and after the positional arguments (the flag package stops at the first
// of these), and returns the positional arguments. Everything after "--"
// is positional. code is -1 to go on, or the exit status for -h (0) or a
// bad flag (2).
func parseFlagsAnywhere(fs *flag.FlagSet, args []string) (pos []string, code int) {
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, 0
			}
			return nil, 2
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), -1
		}
		if len(rest) == 0 {
			return pos, -1
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
