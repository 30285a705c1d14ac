// Command corepass-peer is the interop stage's Go peer (tests/interop/corepass_go.rs, issue 14
// item 5). It plays a CorePass Connector v1: fresh Ed448 keys from Cloudflare CIRCL
// (sign/ed448, pure Ed448, empty context), SHA3-256 from golang.org/x/crypto/sha3 and JSON
// from Go's own encoding/json, composed exactly as src/corepass/callback.rs documents (from the
// CorePass Connector docs, test-vectors/sources/corepass-kyc-transfer-authorization.txt, and go-core):
//
//   - status callback: message = SHA3-256(json.Marshal(struct{user, fields, status,
//     expiration, deadline, tx_hash omitempty})), in that order;
//   - data callback, full coverage: message = SHA3-256(json.Encoder output of
//     struct{User; Infos; Deadline; Expiration}) (trailing newline included);
//   - data callback, deadline only: message = the json.Encoder output of
//     struct{Deadline}, `{"Deadline":N}` and a newline, unhashed;
//   - signature = base64(Ed448 signature (114) || signer public key (57));
//   - Core address (go-core PubkeyToAddress): prefix || checksum || SHA3-256(pub)[12:32],
//     checksum = 98 - (n mod 97), n the decimal number made from
//     UPPER(hex(addr20) || hex(prefix) || "00") with A..F read as 10..15.
//
// Reads {"tasks":[...]} on stdin and writes {"results":[...]} on stdout, in task order. It
// only reports what it built; the Rust driver decides.
//
//	{op:"keygen", name}                         -> {seed, pub, address:{mainnet,devin,other}} (hex)
//	{op:"address", pub}                         -> {address:{mainnet,devin,other}}
//	{op:"status", key, [embed], user, fields, status, expiration, deadline, [tx_hash]}
//	                                            -> {body, message, signature}
//	{op:"data", key, [embed], form:"full"|"deadline", user, infos, deadline, expiration}
//	                                            -> {body, message, signature}
//
// key names a key made by an earlier keygen task of the same run; embed (optional) names
// the key whose public half is written after the signature (default: the signer's), to
// build a signature that claims another signer. body is the callback as the Connector
// would send it (json.Marshal, so with Go's HTML escaping); message is the signed bytes, hex.
// A failure becomes {id, ok:false, error}.
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"strconv"
	"strings"

	"github.com/cloudflare/circl/sign/ed448"
	"golang.org/x/crypto/sha3"
)

// Info is one transferred item of a data callback, as the Connector's body names its members.
type Info struct {
	FieldID    string `json:"fieldID"`
	FieldValue string `json:"fieldValue"`
	Pepper     string `json:"pepper"`
}

// statusMessage is the signed form of a status callback (the spec's field order).
type statusMessage struct {
	User       string   `json:"user"`
	Fields     []string `json:"fields"`
	Status     string   `json:"status"`
	Expiration int64    `json:"expiration"`
	Deadline   int64    `json:"deadline"`
	TxHash     string   `json:"tx_hash,omitempty"`
}

// statusBody is the POSTed status callback (member order of the upstream samples).
type statusBody struct {
	User       string   `json:"user"`
	Fields     []string `json:"fields"`
	Status     string   `json:"status"`
	Expiration int64    `json:"expiration"`
	Deadline   int64    `json:"deadline"`
	Signature  string   `json:"signature"`
	TxHash     string   `json:"tx_hash,omitempty"`
}

// dataBody is the data callback's fields, collected as JSON.
type dataBody struct {
	User       string `json:"user"`
	Infos      []Info `json:"infos"`
	Deadline   int64  `json:"deadline"`
	Expiration int64  `json:"expiration"`
	Signature  string `json:"signature"`
}

type task struct {
	ID         json.RawMessage `json:"id"`
	Op         string          `json:"op"`
	Name       string          `json:"name"`
	Pub        string          `json:"pub"`
	Key        string          `json:"key"`
	Embed      string          `json:"embed"`
	Form       string          `json:"form"`
	User       string          `json:"user"`
	Fields     []string        `json:"fields"`
	Status     string          `json:"status"`
	Expiration int64           `json:"expiration"`
	Deadline   int64           `json:"deadline"`
	TxHash     string          `json:"tx_hash"`
	Infos      []Info          `json:"infos"`
}

type keyPair struct {
	pub  ed448.PublicKey
	priv ed448.PrivateKey
}

var keys = map[string]keyPair{}

func main() {
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	var req struct {
		Tasks []task `json:"tasks"`
	}
	if err := json.Unmarshal(in, &req); err != nil {
		fail(err)
	}
	results := make([]map[string]any, 0, len(req.Tasks))
	for _, t := range req.Tasks {
		r, err := run(t)
		if err != nil {
			r = map[string]any{"ok": false, "error": err.Error()}
		} else {
			r["ok"] = true
		}
		r["id"] = t.ID
		results = append(results, r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(map[string]any{"results": results}); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "corepass-peer:", err)
	os.Exit(1)
}

func run(t task) (map[string]any, error) {
	switch t.Op {
	case "keygen":
		pub, priv, err := ed448.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		keys[t.Name] = keyPair{pub, priv}
		return map[string]any{
			"seed":    hex.EncodeToString(priv.Seed()),
			"pub":     hex.EncodeToString(pub),
			"address": addresses(pub),
		}, nil
	case "address":
		pub, err := hex.DecodeString(t.Pub)
		if err != nil {
			return nil, err
		}
		return map[string]any{"address": addresses(pub)}, nil
	case "status":
		msg, err := json.Marshal(statusMessage{t.User, t.Fields, t.Status, t.Expiration, t.Deadline, t.TxHash})
		if err != nil {
			return nil, err
		}
		digest := sha3.Sum256(msg)
		sig, err := sign(t, digest[:])
		if err != nil {
			return nil, err
		}
		body, err := json.Marshal(statusBody{t.User, t.Fields, t.Status, t.Expiration, t.Deadline, sig, t.TxHash})
		return result(body, msg, sig), err
	case "data":
		var signed []byte
		msg := new(bytes.Buffer)
		switch t.Form {
		case "full":
			if err := json.NewEncoder(msg).Encode(struct {
				User       string
				Infos      []Info
				Deadline   int64
				Expiration int64
			}{t.User, t.Infos, t.Deadline, t.Expiration}); err != nil {
				return nil, err
			}
			digest := sha3.Sum256(msg.Bytes())
			signed = digest[:]
		case "deadline":
			if err := json.NewEncoder(msg).Encode(struct{ Deadline int64 }{t.Deadline}); err != nil {
				return nil, err
			}
			signed = msg.Bytes()
		default:
			return nil, fmt.Errorf("unknown data form %q", t.Form)
		}
		sig, err := sign(t, signed)
		if err != nil {
			return nil, err
		}
		body, err := json.Marshal(dataBody{t.User, t.Infos, t.Deadline, t.Expiration, sig})
		return result(body, msg.Bytes(), sig), err
	default:
		return nil, fmt.Errorf("unknown op %q", t.Op)
	}
}

func result(body, msg []byte, sig string) map[string]any {
	return map[string]any{"body": string(body), "message": hex.EncodeToString(msg), "signature": sig}
}

// sign returns base64(Ed448(key, msg) || embedded public key), go-core's crypto.Sign layout.
func sign(t task, msg []byte) (string, error) {
	k, ok := keys[t.Key]
	if !ok {
		return "", fmt.Errorf("no key %q", t.Key)
	}
	embed := k
	if t.Embed != "" {
		if embed, ok = keys[t.Embed]; !ok {
			return "", fmt.Errorf("no key %q", t.Embed)
		}
	}
	sig := ed448.Sign(k.priv, msg, "")
	return base64.StdEncoding.EncodeToString(append(sig, embed.pub...)), nil
}

func addresses(pub []byte) map[string]string {
	return map[string]string{
		"mainnet": coreAddress(pub, 0xcb),
		"devin":   coreAddress(pub, 0xab),
		"other":   coreAddress(pub, 0xce),
	}
}

// coreAddress is go-core's PubkeyToAddress for the network prefix.
func coreAddress(pub []byte, prefix byte) string {
	h := sha3.Sum256(pub)
	addr20 := h[12:]
	s := strings.ToUpper(hex.EncodeToString(addr20) + hex.EncodeToString([]byte{prefix}) + "00")
	var digits strings.Builder
	for _, c := range s {
		if c >= 'A' && c <= 'F' {
			digits.WriteString(strconv.Itoa(int(c-'A') + 10))
		} else {
			digits.WriteRune(c)
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	if !ok {
		fail(fmt.Errorf("not a number: %s", digits.String()))
	}
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%02x%02d%x", prefix, check, addr20)
}
