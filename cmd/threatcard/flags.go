//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlagSet returns the flag set of one subcommand. Its usage message is
// "usage: threatcard <synopsis>", then the lines of about, then the flags.
func newFlagSet(name, synopsis string, stderr io.Writer, about ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: threatcard "+synopsis)
		if len(about) > 0 {
			fmt.Fprintln(stderr, "\n"+strings.Join(about, "\n"))
		}
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(stderr, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args with fs. It returns ok to go on, or else the exit
// status: 0 after -h, 2 after a bad flag (the flag package has said why).
func parseFlags(fs *flag.FlagSet, args []string) (status int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}

// parseFlagsOnly is parseFlags for a subcommand that takes flags alone: an
// argument left over is a usage error, said with the usage message.
func parseFlagsOnly(fs *flag.FlagSet, args []string) (status int, ok bool) {
	if status, ok := parseFlags(fs, args); !ok {
		return status, false
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(fs.Output(), "threatcard %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// usageError tells the user what is wrong with the command line and where
// to read how it goes, and returns the usage exit status, 2.
func usageError(stderr io.Writer, name, msg string) int {
	fmt.Fprintf(stderr, "threatcard %s: %s\n", name, msg)
	fmt.Fprintf(stderr, "Run 'threatcard %s -h' for usage.\n", name)
	return 2
}
