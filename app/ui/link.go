package ui

import (
	"net/url"

	"github.com/threatcard/threatcard/scoring/link"
)

// MaxFragmentBytes caps the fragment the page reads: link.MaxFragment. The
// cap is checked before any decoding, so that an oversized link costs
// nothing.
const MaxFragmentBytes = link.MaxFragment

// fragmentOf returns the fragment of u as written in the address (still
// escaped: link.Decode reads escapes itself), checking its length first.
func fragmentOf(u *url.URL) (string, error) {
	if u == nil {
		return "", &UnreadableURLError{}
	}
	f := u.EscapedFragment()
	if n := len(f); n > MaxFragmentBytes {
		return "", &FragmentTooLongError{Length: n, Max: MaxFragmentBytes}
	}
	return f, nil
}
