package ui

import "net/url"

// MaxFragmentBytes caps the fragment the page reads. The cap is checked
// before any decoding, so that an oversized link costs nothing.
const MaxFragmentBytes = 8 << 10

// linkState is what the page shows for a link. It is a placeholder: the
// calculator replaces it with the card that scoring/link decodes.
type linkState struct {
	Fragment string // the fragment, percent-decoded, shown as text
}

// decoder turns a link's fragment into the page's state. The page holds one
// so that tests (and later the calculator) can supply their own.
type decoder func(fragment string) (linkState, error)

// decodeFragment is the placeholder decoder: it accepts any fragment within
// the size cap.
func decodeFragment(fragment string) (linkState, error) {
	return linkState{Fragment: fragment}, nil
}

// fragmentOf returns the fragment of u, checking its length first. The raw
// (still escaped) form is measured, as that is what the link carries.
func fragmentOf(u *url.URL) (string, error) {
	if u == nil {
		return "", &UnreadableURLError{}
	}
	if n := len(u.EscapedFragment()); n > MaxFragmentBytes {
		return "", &FragmentTooLongError{Length: n, Max: MaxFragmentBytes}
	}
	return u.Fragment, nil
}
