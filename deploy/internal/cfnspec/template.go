package cfnspec

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// node is a part of a template with its line. Short-form intrinsics are in
// their long form: !Ref X is the mapping {Ref: X}, !GetAtt A.B is
// {Fn::GetAtt: [A, B]}, any other !Name v is {Fn::Name: v}.
type node struct {
	line  int
	kind  yaml.Kind // ScalarNode, MappingNode or SequenceNode
	tag   string    // of a scalar: !!str, !!int, !!float, !!bool, !!null
	value string    // of a scalar
	keys  []string  // of a mapping, in order
	m     map[string]*node
	items []*node // of a sequence
}

// get returns the value under key of a mapping, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != yaml.MappingNode {
		return nil
	}
	return n.m[key]
}

// intrinsicName returns the function name when n is an intrinsic function
// call: a mapping with one key that is Ref, Condition or Fn::Something.
func (n *node) intrinsicName() (string, bool) {
	if n == nil || n.kind != yaml.MappingNode || len(n.keys) != 1 {
		return "", false
	}
	k := n.keys[0]
	if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
		return k, true
	}
	return "", false
}

// parseTemplate decodes a YAML (or JSON) template.
func parseTemplate(data []byte) (*node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("want one YAML document")
	}
	return convert(doc.Content[0])
}

func convert(y *yaml.Node) (*node, error) {
	if y.Kind == yaml.AliasNode {
		return convert(y.Alias)
	}
	n := &node{line: y.Line, kind: y.Kind}
	switch y.Kind {
	case yaml.ScalarNode:
		n.value = y.Value
		n.tag = y.ShortTag()
	case yaml.MappingNode:
		n.m = map[string]*node{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := y.Content[i].Value
			if _, dup := n.m[k]; dup {
				return nil, fmt.Errorf("line %d: key %s repeated", y.Content[i].Line, k)
			}
			v, err := convert(y.Content[i+1])
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, k)
			n.m[k] = v
		}
	case yaml.SequenceNode:
		for _, c := range y.Content {
			v, err := convert(c)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
		}
	default:
		return nil, fmt.Errorf("line %d: unexpected YAML node kind %d", y.Line, y.Kind)
	}
	if tag := y.Tag; strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		return shortForm(strings.TrimPrefix(tag, "!"), n), nil
	}
	return n, nil
}

// shortForm turns !Name v into its long form.
func shortForm(name string, v *node) *node {
	if v.kind == yaml.ScalarNode {
		v.tag = "!!str"
	}
	key := "Fn::" + name
	switch name {
	case "Ref", "Condition":
		key = name
	case "GetAtt":
		if v.kind == yaml.ScalarNode {
			resource, attribute, _ := strings.Cut(v.value, ".")
			v = &node{line: v.line, kind: yaml.SequenceNode, items: []*node{
				{line: v.line, kind: yaml.ScalarNode, tag: "!!str", value: resource},
				{line: v.line, kind: yaml.ScalarNode, tag: "!!str", value: attribute},
			}}
		}
	}
	return &node{line: v.line, kind: yaml.MappingNode, keys: []string{key}, m: map[string]*node{key: v}}
}
