package batch

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// BenchmarkRun10k scores 10,000 lines of mixed editions and CVSS forms.
func BenchmarkRun10k(b *testing.B) {
	lines := []string{
		`{"cvss_score":9.4,"factors":[1,1,1,1,1,1,0.5,1,1,0.5]}`,
		`{"edition":"v0.8","cvss":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H","factors":["1","1","1","1","1","1","0.5","1","1","0.5"],"thm":"0.97","mf":"0.83"}`,
		`{"edition":"v0.5","cvss_score":"5.3","factors":[1,1,1,1,0.5,0,0,0,0,0],"thm":0.91}`,
		`{"edition":"card","cvss_score":"8.5","factors":[0.2,0.2,0.1,0.3,0.1,0.3,0.1,0.1,0.8,0.7],"thm":1.1,"mf":0.85}`,
	}
	var in strings.Builder
	for i := range 10_000 {
		in.WriteString(lines[i%len(lines)])
		in.WriteByte('\n')
	}
	data := in.String()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sum, err := Run(strings.NewReader(data), io.Discard)
		if err != nil || sum.Failed != 0 || sum.Lines != 10_000 {
			b.Fatal(sum, err)
		}
	}
}

func BenchmarkScoreLine(b *testing.B) {
	line := []byte(`{"cvss_score":9.4,"factors":[1,1,1,1,1,1,0.5,1,1,0.5],"thm":0.97,"mf":1}`)
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		r, err := ScoreLine(line)
		if err != nil {
			b.Fatal(err)
		}
		out.Reset()
		out.Write(AppendResult(nil, &r))
	}
}
