package link

import (
	"reflect"
	"testing"
)

// FuzzDecode: no input panics; whatever decodes is a valid card that
// encodes, and the encoding decodes back to the same card.
func FuzzDecode(f *testing.F) {
	if s, err := Encode(handCard()); err == nil {
		f.Add(s)
	}
	for _, s := range []string{
		"", "v1", "v1&e=v0.8", "v1&e=card&c=7.5&f=0.2,0.2,0.1,0.3,0.1,0.3,0.1,0.1,0.8,0.7&thm=1&mf=0.85",
		"v1&e=v0.5&c=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N&thm=0.91",
		"v1&e=v0.8&d=AAAA", "v1&e=v0.8&c=%43VSS:4.0", "v2&e=v0.8",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Decode(s)
		if err != nil {
			if c != nil {
				t.Fatal("card returned with an error")
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("decoded card is invalid: %v", err)
		}
		enc, err := Encode(c)
		if err != nil {
			t.Fatalf("decoded card does not encode: %v", err)
		}
		back, err := Decode(enc)
		if err != nil || !reflect.DeepEqual(back, c) {
			t.Fatalf("re-encoded link %q decodes to %+v, %v", enc, back, err)
		}
	})
}
