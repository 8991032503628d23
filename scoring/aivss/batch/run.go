package batch

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"

	"github.com/threatcard/threatcard/scoring/aivss"
)

// MaxLine is the longest input line Run reads, in bytes; a longer line is
// reported as an error and skipped.
const MaxLine = 64 << 10

// Summary counts what Run did.
type Summary struct {
	Lines  int // lines read
	Failed int // lines answered with an error
}

// ScoreLine parses and scores one JSON line.
func ScoreLine(line []byte) (aivss.Result, error) {
	r, err := ParseLine(line)
	if err != nil {
		return aivss.Result{}, err
	}
	return r.Score()
}

// Run reads JSON lines from in and writes one JSON line to out for each:
// the result, or {"error":"line N: …"}. A line's problem does not stop the
// run; the returned error is only a read or write failure. Output is
// buffered, and flushed whenever the input has nothing more buffered, so
// that a slow producer sees each answer without waiting.
func Run(in io.Reader, out io.Writer) (Summary, error) {
	var sum Summary
	br := bufio.NewReaderSize(in, MaxLine)
	bw := bufio.NewWriter(out)
	var buf []byte
	for {
		line, err := br.ReadSlice('\n')
		tooLong := errors.Is(err, bufio.ErrBufferFull)
		for errors.Is(err, bufio.ErrBufferFull) { // skip the rest of a long line
			_, err = br.ReadSlice('\n')
		}
		if err != nil && err != io.EOF {
			bw.Flush()
			return sum, err
		}
		if len(line) == 0 && !tooLong && err == io.EOF {
			break
		}
		sum.Lines++
		var res aivss.Result
		var lineErr error
		switch trimmed := bytes.TrimRight(line, "\r\n"); {
		case tooLong:
			lineErr = &FieldError{Msg: "longer than " + strconv.Itoa(MaxLine) + " bytes"}
		case len(bytes.TrimSpace(trimmed)) == 0:
			lineErr = &FieldError{Msg: "empty line; each line is one JSON object"}
		default:
			res, lineErr = ScoreLine(trimmed)
		}
		if lineErr != nil {
			sum.Failed++
			buf = AppendError(buf[:0], &LineError{Line: sum.Lines, Err: lineErr})
		} else {
			buf = AppendResult(buf[:0], &res)
		}
		buf = append(buf, '\n')
		if _, werr := bw.Write(buf); werr != nil {
			return sum, werr
		}
		if err == io.EOF {
			break
		}
		if br.Buffered() == 0 {
			if werr := bw.Flush(); werr != nil {
				return sum, werr
			}
		}
	}
	return sum, bw.Flush()
}
