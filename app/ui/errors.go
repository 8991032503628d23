package ui

import "fmt"

// PanicError is a Go panic that the page caught at one of its boundaries (a
// lifecycle hook, an event handler or Render) and turned into its error state,
// so that the WebAssembly runtime keeps running.
type PanicError struct {
	During string // what the page was doing, e.g. "reading the link"
	Value  any    // the value passed to panic
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("internal error while %s: %v", e.During, e.Value)
}

// FragmentTooLongError rejects a link whose fragment is longer than the page
// accepts; the length is checked before anything is decoded.
type FragmentTooLongError struct {
	Length int // bytes in the fragment
	Max    int // bytes accepted
}

func (e *FragmentTooLongError) Error() string {
	return fmt.Sprintf("the link's card data is %d bytes long; at most %d are accepted", e.Length, e.Max)
}

// UnreadableURLError reports that the browser's address could not be parsed.
type UnreadableURLError struct{}

func (e *UnreadableURLError) Error() string {
	return "the page's address could not be read"
}
