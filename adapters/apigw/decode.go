package apigw

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/domain"
)

// MaxBodyBytes bounds a request body, measured after base64 decoding.
const MaxBodyBytes = 1 << 20

// schema lists the JSON fields of a request type, read once from its struct
// tags: `json:"name"` names a field, `apigw:"required"` makes it required.
type schema struct {
	fields   map[string]bool // name → required
	required []string        // in declaration order
}

func schemaOf[T any]() schema {
	t := reflect.TypeFor[T]()
	s := schema{fields: make(map[string]bool, t.NumField())}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			panic("apigw: field " + f.Name + " of " + t.Name() + " needs a JSON name")
		}
		req := f.Tag.Get("apigw") == "required"
		s.fields[name] = req
		if req {
			s.required = append(s.required, name)
		}
	}
	return s
}

// decodeJSON strictly decodes the request body, one JSON object described by
// s, into dst. Oversized bodies are errPayloadTooLarge, other media types
// errUnsupportedMediaType, unparsable bodies errMalformedRequest; field
// problems (unknown, repeated, null, missing or mistyped fields) are
// reported together as a *domain.ValidationError.
func decodeJSON(req *events.APIGatewayV2HTTPRequest, s schema, dst any) error {
	body, err := requestBody(req)
	if err != nil {
		return err
	}
	if err := checkContentType(headerValue(req.Headers, "content-type")); err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return &requestError{kind: errMalformedRequest, detail: "The request body is empty; send a JSON object."}
	}
	fields, err := checkFields(body, s)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, dst); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || te.Field == "" {
			return malformed(err)
		}
		fields = append(fields, domain.FieldError{Field: te.Field, Message: typeMessage(te.Type)})
	}
	if len(fields) > 0 {
		return &domain.ValidationError{Fields: fields}
	}
	return nil
}

// requestBody returns the body's bytes, decoding base64 when API Gateway
// encoded it, and enforces MaxBodyBytes on the decoded length without
// decoding a body that is certainly too large.
func requestBody(req *events.APIGatewayV2HTTPRequest) ([]byte, error) {
	tooLarge := &requestError{kind: errPayloadTooLarge, detail: fmt.Sprintf("The request body exceeds %d bytes.", MaxBodyBytes)}
	b := req.Body
	if !req.IsBase64Encoded {
		if len(b) > MaxBodyBytes {
			return nil, tooLarge
		}
		return []byte(b), nil
	}
	if base64.StdEncoding.DecodedLen(len(b))-2 > MaxBodyBytes {
		return nil, tooLarge
	}
	body, err := base64.StdEncoding.DecodeString(b)
	if err != nil {
		return nil, &requestError{kind: errMalformedRequest, detail: "The request body is not valid base64 although isBase64Encoded is set."}
	}
	if len(body) > MaxBodyBytes {
		return nil, tooLarge
	}
	return body, nil
}

// checkContentType accepts application/json with no charset or UTF-8.
func checkContentType(v string) error {
	mt, params, err := mime.ParseMediaType(v)
	if err == nil && mt == "application/json" {
		if cs, ok := params["charset"]; !ok || strings.EqualFold(cs, "utf-8") {
			return nil
		}
	}
	detail := "Send the request body as application/json."
	if v != "" {
		detail = fmt.Sprintf("Content-Type %q is not supported; send application/json.", v)
	}
	return &requestError{kind: errUnsupportedMediaType, detail: detail}
}

// checkFields walks the body's top-level object token by token, because
// encoding/json matches names case-insensitively, keeps the last of repeated
// names and silently turns null into a zero value. It reports unknown,
// repeated and null fields and missing required ones as field errors, and
// anything that is not exactly one JSON object as errMalformedRequest.
func checkFields(body []byte, s schema) ([]domain.FieldError, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	tok, err := dec.Token()
	if err != nil {
		return nil, malformed(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, &requestError{kind: errMalformedRequest, detail: "The request body must be a JSON object."}
	}
	var fields []domain.FieldError
	seen := make(map[string]bool, len(s.fields))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, malformed(err)
		}
		name, _ := tok.(string) // object keys are always strings
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, malformed(err)
		}
		_, known := s.fields[name]
		switch {
		case !utf8.ValidString(name):
			return nil, &requestError{kind: errMalformedRequest, detail: "The request body has a field name that is not valid UTF-8."}
		case !known:
			fields = append(fields, domain.FieldError{Field: name, Message: "is not a known field"})
		case seen[name]:
			fields = append(fields, domain.FieldError{Field: name, Message: "is given more than once"})
		case string(raw) == "null":
			fields = append(fields, domain.FieldError{Field: name, Message: "must not be null"})
		case !validText(raw):
			fields = append(fields, domain.FieldError{Field: name, Message: "must be valid UTF-8 text (no invalid bytes or unpaired surrogate escapes)"})
		}
		seen[name] = true
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, malformed(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &requestError{kind: errMalformedRequest, detail: "The request body has data after the JSON object."}
	}
	for _, name := range s.required {
		if !seen[name] {
			fields = append(fields, domain.FieldError{Field: name, Message: "is required"})
		}
	}
	return fields, nil
}

// validText reports whether a JSON value holds only valid UTF-8 and no
// unpaired surrogate escape (\ud800 alone): encoding/json silently turns
// both into U+FFFD, which would then be stored as if the client had sent it.
// raw is a well-formed JSON value.
func validText(raw []byte) bool {
	if !utf8.Valid(raw) {
		return false
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		i++ // the escaped character
		if raw[i] != 'u' {
			continue
		}
		r := hex4(raw[i+1:])
		i += 4
		switch {
		case 0xDC00 <= r && r <= 0xDFFF:
			return false // a low surrogate with no high one before it
		case 0xD800 <= r && r <= 0xDBFF:
			if i+6 >= len(raw) || raw[i+1] != '\\' || raw[i+2] != 'u' {
				return false
			}
			if lo := hex4(raw[i+3:]); lo < 0xDC00 || lo > 0xDFFF {
				return false
			}
			i += 6
		}
	}
	return true
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// malformed describes a JSON syntax error. The decoder's messages describe
// the client's input, so they are safe to show.
func malformed(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return &requestError{kind: errMalformedRequest, detail: fmt.Sprintf("The request body is not valid JSON: %s (at byte %d).", se.Error(), se.Offset)}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &requestError{kind: errMalformedRequest, detail: "The request body is not valid JSON: it ends too early."}
	default:
		return &requestError{kind: errMalformedRequest, detail: "The request body is not valid JSON."}
	}
}

// typeMessage says what a field must be, from the Go type it decodes into.
func typeMessage(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "must be an integer"
	case reflect.String:
		return "must be a string"
	case reflect.Bool:
		return "must be a boolean"
	default:
		return "has the wrong type"
	}
}
