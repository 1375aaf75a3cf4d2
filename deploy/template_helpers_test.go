package deploy

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// templatePath is the SAM template, relative to this package.
const templatePath = "template.yaml"

// value is a part of the template decoded into plain values (map[string]any,
// []any, string, bool, int, float64), with where it sits for error messages.
// Short-form intrinsics keep their reference in long form: !Ref X is
// {"Ref": "X"}, !GetAtt A.B is {"Fn::GetAtt": ["A", "B"]}, !Sub s is
// {"Fn::Sub": s}, any other !Name v is {"Fn::Name": v}; the tests compare
// what the template names, not values resolved for a deployment.
type value struct {
	t    *testing.T
	path string
	v    any
}

// loadTemplate reads and decodes template.yaml.
func loadTemplate(t *testing.T) value {
	t.Helper()
	data, err := os.ReadFile(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", templatePath, err)
	}
	v, err := plain(&doc)
	if err != nil {
		t.Fatalf("%s: %v", templatePath, err)
	}
	return value{t: t, path: templatePath, v: v}
}

// plain decodes n (see value).
func plain(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) != 1 {
			return nil, fmt.Errorf("line %d: %d documents, want 1", n.Line, len(n.Content))
		}
		return plain(n.Content[0])
	case yaml.AliasNode:
		return plain(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := plain(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return intrinsic(n.Tag, m), nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := plain(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return intrinsic(n.Tag, l), nil
	case yaml.ScalarNode:
		if isIntrinsic(n.Tag) {
			return intrinsic(n.Tag, n.Value), nil
		}
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return v, nil
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node kind %d", n.Line, n.Kind)
}

// isIntrinsic reports whether tag is a CloudFormation short form (!Ref…), not
// a YAML core tag (!!str…).
func isIntrinsic(tag string) bool {
	return strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!")
}

func intrinsic(tag string, v any) any {
	if !isIntrinsic(tag) {
		return v
	}
	name := strings.TrimPrefix(tag, "!")
	switch name {
	case "Ref", "Condition":
		return map[string]any{name: v}
	case "GetAtt":
		if s, ok := v.(string); ok {
			resource, attribute, _ := strings.Cut(s, ".")
			v = []any{resource, attribute}
		}
	}
	return map[string]any{"Fn::" + name: v}
}

// ref, getAtt and sub build the long forms the template's short forms decode to.
func ref(name string) any { return map[string]any{"Ref": name} }
func getAtt(resource, attribute string) any {
	return map[string]any{"Fn::GetAtt": []any{resource, attribute}}
}
func sub(s string) any { return map[string]any{"Fn::Sub": s} }

// get returns the value under key; the test stops when there is none.
func (v value) get(key string) value {
	v.t.Helper()
	m, ok := v.v.(map[string]any)
	if !ok {
		v.t.Fatalf("%s is %T, not a map", v.path, v.v)
	}
	child, ok := m[key]
	if !ok {
		v.t.Fatalf("%s has no %s", v.path, key)
	}
	return value{t: v.t, path: v.path + "." + key, v: child}
}

// has reports whether v is a map with key.
func (v value) has(key string) bool {
	m, ok := v.v.(map[string]any)
	_, found := m[key]
	return ok && found
}

// list returns v's items; the test stops when v is not a list.
func (v value) list() []value {
	v.t.Helper()
	l, ok := v.v.([]any)
	if !ok {
		v.t.Fatalf("%s is %T, not a list", v.path, v.v)
	}
	out := make([]value, len(l))
	for i, item := range l {
		out[i] = value{t: v.t, path: fmt.Sprintf("%s[%d]", v.path, i), v: item}
	}
	return out
}

// str returns v as a string; the test stops when it is something else.
func (v value) str() string {
	v.t.Helper()
	s, ok := v.v.(string)
	if !ok {
		v.t.Fatalf("%s is %T (%v), not a string", v.path, v.v, v.v)
	}
	return s
}

// resource returns the properties of the resource with logical id id,
// checking its type.
func (v value) resource(id, typ string) value {
	v.t.Helper()
	r := v.get("Resources").get(id)
	if got := r.get("Type").str(); got != typ {
		v.t.Fatalf("%s is a %s, want %s", id, got, typ)
	}
	return r.get("Properties")
}

// resourcesOfType returns the logical ids of the resources of type typ.
func (v value) resourcesOfType(typ string) []string {
	v.t.Helper()
	var ids []string
	for id, r := range v.get("Resources").v.(map[string]any) {
		if m, ok := r.(map[string]any); ok && m["Type"] == typ {
			ids = append(ids, id)
		}
	}
	return ids
}
