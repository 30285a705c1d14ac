// Command gen-go-json writes test-vectors/rust-only/go-json.json: strings and CorePass
// message structs, with the bytes Go's own encoding/json produces for them
// (json.Marshal, and json.NewEncoder(w).Encode with its trailing newline; HTML
// escaping on, the default of both). kycrypt's Go encoder (serde structs and a
// Go-escaping serde_json Formatter) must reproduce them byte for byte
// (tests/go_json.rs).
//
// Standard library only. Deterministic for a given -seed and Go version:
//
//	cd scripts/gen-vectors/go-json && GOTOOLCHAIN=local go run . -seed 1 -out ../../../test-vectors/rust-only/go-json.json
package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"runtime"
	"unicode/utf8"
)

// Info, statusMessage, dataMessage, errorCompact and errorGo are the shapes
// kycrypt rebuilds for the Connector v1 callbacks (src/corepass/callback/body.rs).
type Info struct {
	FieldID    string `json:"fieldID"`
	FieldValue string `json:"fieldValue"`
	Pepper     string `json:"pepper"`
}

type statusMessage struct {
	User       string   `json:"user"`
	Fields     []string `json:"fields"`
	Status     string   `json:"status"`
	Expiration int64    `json:"expiration"`
	Deadline   int64    `json:"deadline"`
	// kycrypt writes tx_hash exactly when the body has one (even ""): a pointer
	// with omitempty is that rule in Go.
	TxHash *string `json:"tx_hash,omitempty"`
}

type dataMessage struct {
	User       string
	Infos      []Info
	Deadline   int64
	Expiration int64
}

type deadlineMessage struct{ Deadline int64 }

type errorCompact struct {
	User       string   `json:"user"`
	Items      []string `json:"items"`
	Error      string   `json:"error"`
	Expiration int64    `json:"expiration"`
	Deadline   int64    `json:"deadline"`
}

type errorGo struct {
	User       string
	Items      []string
	Error      string
	Deadline   int64
	Expiration int64
}

type vcase struct {
	ID      string            `json:"id"`
	Comment string            `json:"comment,omitempty"`
	Source  string            `json:"source"`
	Op      string            `json:"op"`
	Inputs  any               `json:"inputs"`
	Expect  string            `json:"expected"`
	Output  map[string]string `json:"output"`
}

const source = "go-encoding-json"

var (
	rng   *rand.Rand
	cases []vcase
)

// goOutput is what Go writes for v: json.Marshal and json.Encoder.Encode.
func goOutput(v any) map[string]string {
	m, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		panic(err)
	}
	for _, b := range [][]byte{m, buf.Bytes()} {
		if !utf8.Valid(b) {
			panic("Go wrote invalid UTF-8") // the file stores the output as text
		}
	}
	return map[string]string{"marshal": string(m), "encode": buf.String()}
}

func add(id, comment, op string, inputs any, v any) {
	cases = append(cases, vcase{id, comment, source, op, inputs, "valid", goOutput(v)})
}

func hx(s string) string { return hex.EncodeToString([]byte(s)) }

// hexList is a []string input: null for a nil slice, else hex strings.
func hexList(l []string) any {
	if l == nil {
		return nil
	}
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = hx(s)
	}
	return out
}

func addString(id, comment, s string) {
	add(id, comment, "go_json.string", map[string]any{"value_hex": hx(s)}, s)
}

// special are the characters Go escapes, and neighbours that it must not.
var special = []rune{
	'"', '\\', '/', '<', '>', '&', '\'', '\b', '\f', '\n', '\r', '\t', 0, 0x1f, 0x7f,
	0x80, 0x2028, 0x2029, 0x2027, 0x202a, 0xfffd, 0xfeff, 0xffff, 0x10ffff,
}

// scalar is a random Unicode scalar value: mostly BMP, some astral; never a surrogate.
func scalar() rune {
	for {
		var r rune
		switch rng.Intn(4) {
		case 0:
			r = rune(rng.Intn(0x800))
		case 1, 2:
			r = rune(rng.Intn(0x10000))
		default:
			r = rune(rng.Intn(0x110000))
		}
		if r < 0xd800 || r > 0xdfff {
			return r
		}
	}
}

// length is mostly short: 0-8 half the time, else 0-40.
func length() int {
	if rng.Intn(2) == 0 {
		return rng.Intn(9)
	}
	return rng.Intn(41)
}

// randString: ascii-heavy (printable ASCII with specials and some others) or full-range.
func randString(asciiHeavy bool) string {
	n := length()
	rs := make([]rune, 0, n)
	for i := 0; i < n; i++ {
		p := rng.Intn(100)
		switch {
		case asciiHeavy && p < 75:
			rs = append(rs, rune(0x20+rng.Intn(0x5f)))
		case asciiHeavy && p < 85, !asciiHeavy && p < 10:
			rs = append(rs, special[rng.Intn(len(special))])
		case p < 90 || !asciiHeavy && p < 20:
			rs = append(rs, rune(rng.Intn(0x80))) // any ASCII, controls included
		default:
			rs = append(rs, scalar())
		}
	}
	return string(rs)
}

// invalidSeqs are byte sequences that are not valid UTF-8.
var invalidSeqs = []string{
	"\x80", "\xbf", "\xc0", "\xc1\xbf", "\xc0\xaf", "\xc2", "\xe2\x82", "\xe0\x80\xaf",
	"\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x80\x80\xaf", "\xf4\x90\x80\x80", "\xf5", "\xf8",
	"\xfe", "\xff", "\xf0\x9f\x98", "\xf0\x9f", "\xe2\x28\xa1", "\xc3\x28",
}

// randInvalid is a random string with invalid byte sequences spliced in.
func randInvalid() string {
	b := []byte(randString(rng.Intn(2) == 0))
	for k := 1 + rng.Intn(3); k > 0; k-- {
		var bad string
		if rng.Intn(3) == 0 {
			bad = string([]byte{byte(0x80 + rng.Intn(0x80))})
		} else {
			bad = invalidSeqs[rng.Intn(len(invalidSeqs))]
		}
		i := rng.Intn(len(b) + 1)
		b = append(b[:i], append([]byte(bad), b[i:]...)...)
	}
	if utf8.Valid(b) { // a random byte can complete a sequence
		b = append(b, 0xff)
	}
	return string(b)
}

// anyString is a string for struct members and lists: valid UTF-8, as every
// string kycrypt encodes is (invalid UTF-8 has its own go_json.string cases).
func anyString() string { return randString(rng.Intn(3) != 0) }

// strList is a nil slice, an empty one, or some strings.
func strList() []string {
	switch rng.Intn(6) {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	l := make([]string, rng.Intn(5))
	for i := range l {
		l[i] = anyString()
	}
	return l
}

// int64s: 0, extremes, small, unix-time-like, and any.
func randInt64() int64 {
	switch rng.Intn(8) {
	case 0:
		return []int64{0, 1, -1, math.MaxInt64, math.MinInt64, math.MaxInt32, 1 << 53, 1<<53 + 1}[rng.Intn(8)]
	case 1:
		return int64(rng.Intn(1000))
	case 2, 3, 4:
		return 1_600_000_000 + rng.Int63n(200_000_000)
	case 5:
		return -rng.Int63()
	default:
		return rng.Int63()
	}
}

func fixedStrings() {
	for c := 0; c < 0x20; c++ {
		addString(fmt.Sprintf("ctl-%02x", c), "control character alone", string(rune(c)))
		addString(fmt.Sprintf("ctl-%02x-embedded", c), "control character embedded", "a"+string(rune(c))+"é")
	}
	addString("del", "DEL is not escaped", "\x7f")
	addString("del-embedded", "DEL is not escaped", "a\x7fb")
	for i, s := range []string{"<", ">", "&", "<script>alert(1)</script>", "a&amp;b", "<<>>&&"} {
		addString(fmt.Sprintf("html-%d", i), "HTML escaping (on by default)", s)
	}
	for i, s := range []string{"\u2028", "\u2029", "a\u2028b\u2029c", "\u2027\u202a", "\ufffd", "x\ufffdy"} {
		addString(fmt.Sprintf("sep-fffd-%d", i), "U+2028/9 escaped, neighbours and U+FFFD literal", s)
	}
	for i, s := range []string{"", "\"", "\\", "\\\"", "\"\\\"", "/", "'", "\\u0041", "a\"b\\c/d"} {
		addString(fmt.Sprintf("quote-%d", i), "quotes, backslashes, slash, empty", s)
	}
	for i, r := range []rune{0x7e, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfeff, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10ffff} {
		addString(fmt.Sprintf("boundary-%d", i), "UTF-8 length boundaries", string(r))
	}
	all := make([]byte, 128)
	for i := range all {
		all[i] = byte(i)
	}
	addString("all-ascii", "every ASCII byte in order", string(all))
	for i, s := range invalidSeqs {
		addString(fmt.Sprintf("invalid-%d", i), "invalid UTF-8: one U+FFFD per byte", s)
		addString(fmt.Sprintf("invalid-%d-embedded", i), "invalid UTF-8 embedded", "<"+s+"é")
	}
	for b := 0x80; b <= 0xff; b++ {
		addString(fmt.Sprintf("byte-%02x", b), "lone high byte", string([]byte{byte(b)}))
	}
}

func lists() {
	fixed := []struct {
		id string
		v  [][]string
	}{
		{"lists-nil", nil},
		{"lists-empty", [][]string{}},
		{"lists-nil-inner", [][]string{nil}},
		{"lists-empty-inner", [][]string{{}}},
		{"lists-mixed", [][]string{nil, {}, {""}, {"<a>", "\b"}}},
	}
	for _, f := range fixed {
		add(f.id, "[][]string: nil vs empty slices", "go_json.string_lists", map[string]any{"value": listsInput(f.v)}, f.v)
	}
	for i := 0; i < 300; i++ {
		var v [][]string
		if rng.Intn(8) != 0 {
			v = make([][]string, rng.Intn(4))
			for j := range v {
				v[j] = strList()
			}
		}
		add(fmt.Sprintf("lists-%04d", i), "", "go_json.string_lists", map[string]any{"value": listsInput(v)}, v)
	}
}

func listsInput(v [][]string) any {
	if v == nil {
		return nil
	}
	out := make([]any, len(v))
	for i, l := range v {
		out[i] = hexList(l)
	}
	return out
}

func structs(n int) {
	for i := 0; i < n; i++ {
		m := statusMessage{anyString(), strList(), anyString(), randInt64(), randInt64(), nil}
		in := map[string]any{"user_hex": hx(m.User), "fields": hexList(m.Fields), "status_hex": hx(m.Status),
			"expiration": m.Expiration, "deadline": m.Deadline}
		if rng.Intn(2) == 0 {
			tx := anyString()
			m.TxHash = &tx
			in["tx_hash_hex"] = hx(tx)
		}
		add(fmt.Sprintf("status-%04d", i), "", "go_json.corepass_status", in, m)
	}
	for i := 0; i < n; i++ {
		d := dataMessage{User: anyString(), Deadline: randInt64(), Expiration: randInt64()}
		var infos []any
		if rng.Intn(6) != 0 {
			d.Infos = make([]Info, rng.Intn(4))
			infos = []any{}
			for j := range d.Infos {
				d.Infos[j] = Info{anyString(), anyString(), anyString()}
				infos = append(infos, map[string]string{"field_id_hex": hx(d.Infos[j].FieldID),
					"field_value_hex": hx(d.Infos[j].FieldValue), "pepper_hex": hx(d.Infos[j].Pepper)})
			}
		}
		in := map[string]any{"user_hex": hx(d.User), "infos": infos, "deadline": d.Deadline, "expiration": d.Expiration}
		add(fmt.Sprintf("data-%04d", i), "", "go_json.corepass_data", in, d)
	}
	for i := 0; i < n/4; i++ {
		d := randInt64()
		add(fmt.Sprintf("deadline-%04d", i), "", "go_json.corepass_deadline", map[string]any{"deadline": d}, deadlineMessage{d})
	}
	for i := 0; i < n; i++ {
		c := errorCompact{anyString(), strList(), anyString(), randInt64(), randInt64()}
		in := map[string]any{"user_hex": hx(c.User), "items": hexList(c.Items), "error_hex": hx(c.Error),
			"expiration": c.Expiration, "deadline": c.Deadline}
		add(fmt.Sprintf("error-compact-%04d", i), "", "go_json.corepass_error_compact", in, c)
		g := errorGo{c.User, c.Items, c.Error, c.Deadline, c.Expiration}
		add(fmt.Sprintf("error-go-%04d", i), "", "go_json.corepass_error_go", in, g)
	}
}

func main() {
	seed := flag.Int64("seed", 1, "math/rand seed")
	out := flag.String("out", "", "output file (default stdout)")
	nStrings := flag.Int("strings", 9000, "random string cases")
	nStructs := flag.Int("structs", 400, "random cases per CorePass struct shape")
	flag.Parse()
	rng = rand.New(rand.NewSource(*seed))

	fixedStrings()
	for i := 0; i < *nStrings; i++ {
		var s, kind string
		switch p := rng.Intn(10); {
		case p < 5:
			s, kind = randString(true), "ascii-heavy"
		case p < 9:
			s, kind = randString(false), "full-range"
		default:
			s, kind = randInvalid(), "invalid-utf8"
		}
		addString(fmt.Sprintf("str-%05d", i), kind, s)
	}
	lists()
	structs(*nStructs)

	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			panic(err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	head := struct {
		Schema      string            `json:"schema"`
		Name        string            `json:"name"`
		Description string            `json:"description"`
		Sources     map[string]string `json:"sources"`
	}{
		Schema: "kycrypt-vectors/1",
		Name:   "go-json",
		Description: "Go encoding/json output (json.Marshal; json.NewEncoder(w).Encode, trailing newline; HTML escaping on) " +
			"for strings and the CorePass Connector v1 signed message structs. Inputs are hex of Go string bytes (only go_json.string inputs may be invalid UTF-8: " +
			"Go writes one \\ufffd per invalid byte); output {marshal, encode} is Go's bytes as text. Ops: go_json.string {value_hex}; " +
			"go_json.string_lists {value: null | [null | [hex]]} ([][]string, null = nil slice); go_json.corepass_status {user_hex, fields, " +
			"status_hex, expiration, deadline, tx_hash_hex?}; go_json.corepass_data {user_hex, infos: null | [{field_id_hex, field_value_hex, " +
			"pepper_hex}], deadline, expiration}; go_json.corepass_deadline {deadline}; go_json.corepass_error_compact and " +
			"go_json.corepass_error_go {user_hex, items, error_hex, expiration, deadline}. Integers are int64. " +
			fmt.Sprintf("Seed %d.", *seed),
		Sources: map[string]string{
			source: fmt.Sprintf("generated by scripts/gen-vectors/go-json/main.go with Go %s encoding/json (json.Marshal and json.Encoder)", runtime.Version()),
		},
	}
	enc := func(v any) []byte {
		var b bytes.Buffer
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			panic(err)
		}
		return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	}
	h := enc(head)
	bw.Write(h[:len(h)-1])
	bw.WriteString(",\"cases\":[\n")
	for i, c := range cases {
		bw.Write(enc(c))
		if i+1 < len(cases) {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("]}\n")
}
