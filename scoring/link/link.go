// Package link turns a card into the URL fragment that carries it, and
// back. A link holds the whole card, so it needs no server, works offline
// and never sends the card anywhere: browsers do not send fragments.
//
// Format 1 is a version mark and key=value parts joined by '&'. Encode
// writes them in this order, each present only when the card has it:
//
//	v1                 the format version; always first
//	e=v0.8             the AIVSS edition id
//	c=CVSS:4.0/AV:N/…  the CVSS v4.0 vector, or c=7.5, a bare base score
//	f=0.5,1,0,,…       the ten factor values in the edition's order; an empty entry is unset
//	thm=0.97           the threat multiplier
//	mf=1               the mitigation factor
//	d=…                the text (title, summary, layers, threats): DEFLATE with
//	                   the format's preset dictionary, then unpadded base64url
//
// The scoring parts stay readable in a ticket, and come before the text, so
// that a link cut short in a ticket loses text, never a score (see
// TruncatedError). Decimals are written in their shortest form ("0.5",
// "1", "0.97").
//
// One card, one link: Encode writes exactly one fragment for a card, so
// Encode(Decode(s)) == s for every link Encode wrote. Decode also reads the
// other spellings of a card that a person or a tool may produce, as long
// as they mean one card and no other: the parts after v1 in any order
// (each at most once); any character of e, c, f, thm and mf
// percent-escaped ("v0%2E8"); numbers with more digits than needed ("1.00",
// "09.3", and "9" for the CVSS score 9.0); a CVSS vector with Not Defined
// (X) metrics written out; f= with every entry empty (no factors). Names
// are what their specifications make them, case included: "V1", "E=",
// "V0.8" and "cvss:4.0/" are refused, and so are CVSS metrics out of the
// CVSS v4.0 order, as everywhere in threatcard. A caller that decodes a
// link it did not write should put Canonical's fragment in its place at
// once, so that every copy of a card is the same link.
//
// A new layout is a new version; old versions keep decoding.
package link

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// The lengths of a link, counted in bytes of fragment without '#' (a
// fragment Encode writes is ASCII, so bytes are characters). README.md,
// "How long a link may be", gives the evidence behind them.
const (
	// TicketSafe is the length a card's link should stay within to be
	// pasted whole into the tickets and chats a card is shared in (GitHub,
	// GitLab, Jira, Slack, Microsoft Teams) and shown whole in a browser's
	// address bar. A card may grow past it: its link still works, but the
	// app warns that it may not survive a paste. It is also the old hard
	// cap, so every link shared before stays within it.
	TicketSafe = 8 << 10

	// MaxFragment is the longest fragment Decode reads and Encode writes.
	// It is above the longest link any valid card can need, whatever its
	// text: text data of at most 242,241 bytes (see MaxText), which DEFLATE
	// writes in at most 9 bits a byte, as base64url some 364,000
	// characters (TestLongestCardFitsInALink). So Encode never refuses a
	// valid card. It is well below the longest URL a browser opens
	// (Firefox 1 MiB, Chrome 2 MiB).
	MaxFragment = 384 << 10

	// MaxText is the most text Decode inflates d= to: the text data of
	// the largest valid card (card.MaxTotalText characters of up to four
	// UTF-8 bytes, 240,000 bytes, and at most 2,241 bytes of record tags
	// and lengths), rounded up. It keeps a small link from inflating to a
	// large allocation.
	MaxText = 256 << 10
)

// Version is the format Encode writes.
const Version = 1

var b64 = base64.RawURLEncoding.Strict()

// Encode returns the fragment (without '#') that carries c. It fails only
// when c breaks a card limit or rule (see card.Validate) or has inputs its
// edition does not take. A valid card's link is at most MaxFragment bytes;
// a link longer than TicketSafe is valid, but may not survive a paste.
func Encode(c *card.Card) (string, error) {
	if err := c.Validate(); err != nil {
		return "", err
	}
	ed, err := aivss.Lookup(c.AIVSS.Edition)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	sb.WriteString("v1&e=")
	sb.WriteString(ed.ID)
	in := &c.AIVSS
	if in.CVSSVector != "" {
		sb.WriteString("&c=")
		sb.WriteString(in.CVSSVector)
	} else if in.CVSSScore.Set {
		sb.WriteString("&c=")
		sb.WriteString(in.CVSSScore.Value.Format(1))
	}
	any := false
	for _, f := range in.Factors {
		any = any || f.Set
	}
	if any {
		sb.WriteString("&f=")
		for i, f := range in.Factors {
			if i > 0 {
				sb.WriteByte(',')
			}
			if f.Set {
				sb.WriteString(f.Value.Format(0))
			}
		}
	}
	if in.ThM.Set {
		sb.WriteString("&thm=")
		sb.WriteString(in.ThM.Value.Format(0))
	}
	if in.MF.Set {
		sb.WriteString("&mf=")
		sb.WriteString(in.MF.Value.Format(0))
	}
	if hasText(c) {
		sb.WriteString("&d=")
		sb.WriteString(b64.EncodeToString(deflate(marshalText(c))))
	}
	if sb.Len() > MaxFragment {
		// Not expected: MaxFragment is above the longest link of a valid card.
		return "", errorf("link", -1, "the card needs a link of %d characters, longer than the %d a link may have; shorten its text", sb.Len(), MaxFragment)
	}
	return sb.String(), nil
}

// Canonical returns the fragment (without '#') that Encode writes for the
// card fragment carries: the one spelling of that card. fragment is read
// as Decode reads it (a bare fragment, with '#', or a whole URL), so every
// spelling Decode accepts gives the same result, and Canonical(l) == l for
// every link Encode wrote. A link opened from elsewhere should be
// replaced with this fragment at once; a program comparing links should
// compare these.
//
// The error is Decode's, a *TruncatedError included: a cut link has no
// canonical form, since the text it carried is lost.
func Canonical(fragment string) (string, error) {
	c, err := Decode(fragment)
	if err != nil {
		return "", err
	}
	return Encode(c)
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := deflaters.Get().(*flate.Writer)
	if w == nil {
		var err error
		w, err = flate.NewWriterDict(&buf, flate.BestCompression, dictionaryV1)
		if err != nil {
			panic(err) // only for a bad level, which is a constant here
		}
	} else {
		w.Reset(&buf) // the same as a new writer, dictionary included
	}
	w.Write(b)
	w.Close()
	deflaters.Put(w)
	return buf.Bytes()
}

// deflaters keeps DEFLATE writers for reuse: a new one allocates 820 KB,
// which the app would otherwise do, and collect, on every keystroke in a
// card with text (Encode of the example card: 839 KB → 12 KB, 94 → 53 µs).
var deflaters sync.Pool

// inflate decompresses d=, refusing more than MaxText bytes of output.
// When the compressed data stops before its end, the error wraps
// io.ErrUnexpectedEOF and out holds the text inflated until then.
func inflate(b []byte) (out []byte, _ *Error) {
	r := flate.NewReaderDict(bytes.NewReader(b), dictionaryV1)
	out, err := io.ReadAll(io.LimitReader(r, MaxText+1))
	if err != nil {
		msg := "the compressed text is corrupt"
		if errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "the compressed text stops before its end"
		}
		return out, &Error{Part: "d", Pos: -1, Msg: msg, Err: err}
	}
	if len(out) > MaxText {
		return nil, errorf("d", -1, "the text is longer than %d KiB once uncompressed; no card has that much", MaxText>>10)
	}
	// DEFLATE data may be followed by bytes the reader never looks at;
	// a canonical link has none.
	if rest, _ := io.ReadAll(io.LimitReader(r, 1)); len(rest) != 0 {
		return nil, errorf("d", -1, "data after the end of the compressed text")
	}
	return out, nil
}

// parts lists the parts after the version mark in the order Encode writes
// them.
var parts = []string{"e", "c", "f", "thm", "mf", "d"}

// Decode returns the card that fragment carries. fragment may start with
// '#', or be a whole URL, whose fragment is then used; it may be any
// spelling of a card the package documentation lists.
//
// On error the card is nil. The error is a *TruncatedError when the link
// was cut short inside its text (the error then holds the card of its
// intact scoring parts), and otherwise an *Error naming the part that is
// wrong.
func Decode(fragment string) (*card.Card, error) {
	if i := strings.IndexByte(fragment, '#'); i >= 0 {
		fragment = fragment[i+1:]
	}
	if len(fragment) > MaxFragment {
		return nil, errorf("link", -1, "the link has %d characters; a link has at most %d", len(fragment), MaxFragment)
	}
	if fragment == "" {
		return nil, errorf("link", -1, "empty link: it carries no card")
	}
	// A link has at most 1+len(parts) fields; anything after them is
	// left in the last, which is then a repeated or unknown part.
	fields := strings.SplitN(fragment, "&", len(parts)+2)
	if v := fields[0]; v != "v1" {
		if len(v) > 1 && v[0] == 'v' && strings.Trim(v[1:], "0123456789") == "" {
			return nil, errorf("version", -1, "unknown link format version %s; this threatcard reads version 1", v[1:])
		}
		return nil, errorf("version", 0, "a threatcard link starts with its version, v1; this one starts %q", clip(v))
	}
	c := &card.Card{}
	pos := len(fields[0]) + 1
	values := map[string]string{}
	last := ""
	for _, f := range fields[1:] {
		key, val, ok := strings.Cut(f, "=")
		if !ok {
			return nil, errorf("link", pos, "part %q has no '='; the parts after v1 are name=value", clip(f))
		}
		if indexOf(parts, key) < 0 {
			return nil, errorf("link", pos, "unknown part %q; the parts are e, c, f, thm, mf and d", clip(key))
		}
		if _, dup := values[key]; dup {
			return nil, errorf(key, -1, "part %s appears twice", key)
		}
		if key != "d" && strings.Contains(val, "%") {
			u, err := url.PathUnescape(val)
			if err != nil {
				msg := "a '%' not followed by two hexadecimal digits"
				if ee, ok := errors.AsType[url.EscapeError](err); ok {
					msg = quote(string(ee)) + " is not a percent-escape: '%' is followed by two hexadecimal digits"
				}
				return nil, &Error{Part: key, Pos: -1, Msg: msg, Err: err}
			}
			val = u
		}
		values[key] = val
		last = key
		pos += len(f) + 1
	}
	e, ok := values["e"]
	if !ok {
		return nil, errorf("e", -1, "the link names no AIVSS edition (e=)")
	}
	ed, err := aivss.Lookup(e)
	if err != nil || e == "" {
		return nil, &Error{Part: "e", Pos: -1, Msg: "unknown AIVSS edition " + quote(e), Err: err}
	}
	c.AIVSS.Edition = ed.ID
	if err := decodeInputs(ed, values, &c.AIVSS); err != nil {
		return nil, err
	}
	if d, ok := values["d"]; ok {
		if err := decodeText(d, c); err != nil {
			if last == "d" && cutShort(d, ed.ID) {
				return nil, truncated(c.AIVSS, values)
			}
			return nil, err
		}
	}
	if err := c.Validate(); err != nil {
		part, msg := partOf(err)
		return nil, &Error{Part: part, Pos: -1, Msg: msg, Err: err}
	}
	return c, nil
}

// truncated returns the error for a link cut short inside d=, whose
// scoring parts gave in: a *TruncatedError, or the *Error of a scoring
// part that is wrong after all (the cut does not excuse it).
func truncated(in card.Inputs, values map[string]string) error {
	c := &card.Card{AIVSS: in}
	if err := c.Validate(); err != nil {
		part, msg := partOf(err)
		return &Error{Part: part, Pos: -1, Msg: msg, Err: err}
	}
	var intact []string
	for _, p := range parts[:len(parts)-1] {
		if _, ok := values[p]; ok {
			intact = append(intact, p)
		}
	}
	return &TruncatedError{Card: c, Intact: intact, Err: &Error{
		Part: "d", Pos: -1, Err: io.ErrUnexpectedEOF,
		Msg: "the link is cut short inside its text, which is lost",
	}}
}

// decodeText reads part d into c's text fields.
func decodeText(d string, c *card.Card) *Error {
	raw, err := b64.DecodeString(d)
	if err != nil {
		at := -1
		msg := "not base64url"
		if ce, ok := errors.AsType[base64.CorruptInputError](err); ok {
			at = int(ce)
			if at < len(d) && !isBase64URL(d[at]) {
				msg = fmt.Sprintf("%q is not a base64url character (A–Z, a–z, 0–9, '-' and '_' are)", d[at:at+1])
			} else {
				msg = "the base64url text ends in a broken group of characters"
			}
		}
		return &Error{Part: "d", Pos: at, Msg: msg, Err: err}
	}
	text, lerr := inflate(raw)
	if lerr != nil {
		return lerr
	}
	return unmarshalText(text, c)
}

// cutShort reports whether d is what a cut leaves of the text part of a
// card of the given edition: base64url characters only, whose bytes (every
// whole group of four characters, and the whole bytes of a last group of
// two or three) are the beginning of a DEFLATE stream that stops before
// its end, and whose text, as far as it goes, is the beginning of the text
// data of a valid card. A stream corrupt in the middle may also stop
// early, but seldom with text that passes the last check.
func cutShort(d, edition string) bool {
	for i := range len(d) {
		if !isBase64URL(d[i]) {
			return false
		}
	}
	n := len(d) / 4 * 4
	raw, err := b64.DecodeString(d[:n])
	if err != nil {
		return false
	}
	if len(d)-n >= 2 {
		// Not strict: the bits left over belong to a byte the cut split.
		b, err := base64.RawURLEncoding.DecodeString(d[n:])
		if err != nil {
			return false
		}
		raw = append(raw, b...)
	}
	text, lerr := inflate(raw)
	if lerr == nil || !errors.Is(lerr, io.ErrUnexpectedEOF) {
		return false
	}
	return textBeginning(text, edition)
}

func isBase64URL(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// decodeInputs reads the scoring parts into in.
func decodeInputs(ed *aivss.Edition, values map[string]string, in *card.Inputs) error {
	if v, ok := values["c"]; ok {
		switch {
		case v == "":
			return errorf("c", -1, "c= has no value; a card without CVSS has no c= part")
		case len(v) >= 5 && strings.EqualFold(v[:5], "CVSS:"):
			vec, err := cvss4.Parse(v)
			if err != nil {
				return &Error{Part: "c", Pos: -1, Msg: err.Error(), Err: err}
			}
			in.CVSSVector = vec.String()
		default:
			d, err := decimal.Parse(v)
			if err != nil {
				return &Error{Part: "c", Pos: -1, Err: err,
					Msg: "CVSS " + quote(v) + " is neither a CVSS v4.0 vector (CVSS:4.0/…) nor a score (0.0 to 10.0): " + numberProblem(err)}
			}
			in.CVSSScore = decimal.Some(d)
		}
	}
	if v, ok := values["f"]; ok {
		vals := strings.Split(v, ",")
		if len(vals) != card.NumFactors {
			return errorf("f", -1, "has %d of the %d factor values %s takes, comma-separated", len(vals), card.NumFactors, ed.Called)
		}
		for i, p := range vals {
			if p == "" {
				continue
			}
			d, err := decimal.Parse(p)
			if err != nil {
				return &Error{Part: "f", Pos: -1, Msg: ed.Factors[i].Name + " " + quote(p) + ": " + numberProblem(err), Err: err}
			}
			in.Factors[i] = decimal.Some(d)
		}
	}
	for _, k := range []string{"thm", "mf"} {
		v, ok := values[k]
		if !ok {
			continue
		}
		name := PartName(k)
		if v == "" {
			return errorf(k, -1, "%s= has no value; a card without %s has no %s= part", k, name, k)
		}
		d, err := decimal.Parse(v)
		if err != nil {
			return &Error{Part: k, Pos: -1, Msg: name + " " + quote(v) + ": " + numberProblem(err), Err: err}
		}
		if k == "thm" {
			in.ThM = decimal.Some(d)
		} else {
			in.MF = decimal.Some(d)
		}
	}
	return nil
}

// numberProblem says what is wrong with a number decimal.Parse refused.
func numberProblem(err error) string {
	if se, ok := errors.AsType[*decimal.SyntaxError](err); ok {
		return se.Msg
	}
	return err.Error()
}

// partOf names the link part that holds the card field a validation error
// is about, and says what is wrong in the link's terms.
func partOf(err error) (part, msg string) {
	if fe, ok := errors.AsType[*card.FieldError](err); ok && fe.Loc.Section == card.SectionAIVSS {
		switch fe.Loc.Input {
		case card.InputEdition:
			return "e", err.Error()
		case card.InputCVSSVector, card.InputCVSSScore:
			return "c", err.Error()
		case card.InputFactor:
			return "f", err.Error()
		case card.InputThM:
			return "thm", err.Error()
		case card.InputMF:
			return "mf", err.Error()
		}
	}
	return "d", err.Error()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// clip shortens text quoted in an error so that a huge link does not make
// a huge message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func quote(s string) string { return strconv.Quote(clip(s)) }
