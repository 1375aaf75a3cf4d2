package deploy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/adapters/sns"
)

// functionDirs maps each function of template.yaml to its program under
// cmd/. A function added to the template without a row here fails
// TestEveryFunctionHasExactlyTheIAMActionsItsAdaptersCall.
var functionDirs = map[string]string{
	"CatalogFunction":     "catalog",
	"OrdersFunction":      "orders",
	"ThumbnailerFunction": "thumbnailer",
	"AuthFunction":        "auth",
	"NotifierFunction":    "notifier",
	"ProjectorFunction":   "projector",
}

// platformActions are actions Lambda itself performs with a function's role
// rather than the function's code: sending a failed event or batch to the
// function's on-failure destination queue. The stream read permissions of a
// DynamoDB event source and the logs permissions are added by SAM (managed
// policies AWSLambdaDynamoDBExecutionRole, AWSLambdaBasicExecutionRole) and
// are not in the template's statements.
var platformActions = map[string][]string{
	"ThumbnailerFunction": {"sqs:SendMessage"}, // ThumbnailerInvokeConfig's on-failure queue
	"NotifierFunction":    {"sqs:SendMessage"}, // the stream event's on-failure queue
	"ProjectorFunction":   {"sqs:SendMessage"}, // the stream event's on-failure queue
}

// localPorts are ports whose adapters make no AWS call (adapters/system,
// adapters/imaging).
var localPorts = []string{"Clock", "IDGenerator", "ThumbnailRenderer"}

// adapterActions is every adapter's IAM table, keyed by "Port.Method" of
// the app port it implements.
func adapterActions() map[string][]string {
	all := map[string][]string{}
	for _, table := range []map[string][]string{dynamodb.IAMActions, s3.IAMActions, sns.IAMActions, cognito.IAMActions} {
		maps.Copy(all, table)
	}
	return all
}

// TestEveryFunctionHasExactlyTheIAMActionsItsAdaptersCall: for each function
// of the template, the use cases its program builds (app.New… in
// cmd/<function>/) call port methods (read from app/'s source); the adapters'
// IAM tables name the actions those methods need; the function's inline
// policy statements allow exactly those actions (plus platformActions), no
// wildcard action and no "*" resource. SAM policy templates and managed
// policies are refused: they expand to action lists this test cannot compare.
func TestEveryFunctionHasExactlyTheIAMActionsItsAdaptersCall(t *testing.T) {
	tmpl := loadTemplate(t)
	calls := portCalls(t, "../app")
	actions := adapterActions()
	functions := tmpl.resourcesOfType("AWS::Serverless::Function")
	slices.Sort(functions)
	for _, fn := range functions {
		t.Run(fn, func(t *testing.T) {
			dir, ok := functionDirs[fn]
			if !ok {
				t.Fatalf("%s is not in functionDirs: add the program under cmd/ that it runs", fn)
			}
			want := map[string]bool{}
			for _, uc := range useCasesBuiltBy(t, filepath.Join("..", "cmd", dir), calls) {
				for _, method := range calls[uc] {
					if port, _, _ := strings.Cut(method, "."); slices.Contains(localPorts, port) {
						continue
					}
					table, ok := actions[method]
					if !ok {
						t.Errorf("use case %s calls %s, which no adapter's IAM table lists", uc, method)
					}
					for _, a := range table {
						want[a] = true
					}
				}
			}
			for _, a := range platformActions[fn] {
				want[a] = true
			}
			got := functionActions(tmpl.resource(fn, "AWS::Serverless::Function").withT(t))
			diff(t, fn+" IAM actions", slices.Sorted(maps.Keys(want)), got)
		})
	}
}

// functionActions returns the actions a function's inline policies allow,
// sorted and deduplicated, failing the test on anything it cannot compare
// or that is too broad.
func functionActions(props value) []string {
	t := props.t
	t.Helper()
	set := map[string]bool{}
	if !props.has("Policies") {
		return nil
	}
	for _, policy := range props.get("Policies").list() {
		m, ok := policy.v.(map[string]any)
		if !ok || len(m) != 1 || !policy.has("Statement") {
			t.Errorf("%s: want an inline policy {Statement: […]}, not a managed policy or SAM policy template (%v)", policy.path, policy.v)
			continue
		}
		for _, st := range policy.get("Statement").list() {
			if effect := st.get("Effect").str(); effect != "Allow" {
				t.Errorf("%s: Effect %s, want Allow", st.path, effect)
			}
			for _, a := range stringOrList(st.get("Action")) {
				if strings.ContainsAny(a, "*?") {
					t.Errorf("%s: wildcard action %s", st.path, a)
				}
				set[a] = true
			}
			res := st.get("Resource")
			for _, r := range append([]any{res.v}, listOrNil(res.v)...) {
				if r == "*" {
					t.Errorf("%s: Resource \"*\"", res.path)
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func stringOrList(v value) []string {
	if s, ok := v.v.(string); ok {
		return []string{s}
	}
	var out []string
	for _, item := range v.list() {
		out = append(out, item.str())
	}
	return out
}

func listOrNil(v any) []any {
	l, _ := v.([]any)
	return l
}

// withT returns v reporting to t.
func (v value) withT(t *testing.T) value {
	v.t = t
	return v
}

// newUseCase is a constructor call app.NewX in a program's source.
var newUseCase = regexp.MustCompile(`\bapp\.New([A-Z]\w*)\b`)

// useCasesBuiltBy returns the use cases (app types with port fields) whose
// constructors the program in dir names.
func useCasesBuiltBy(t *testing.T, dir string, calls map[string][]string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, "_gen.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range newUseCase.FindAllStringSubmatch(string(src), -1) {
			if _, ok := calls[m[1]]; ok {
				set[m[1]] = true
			}
		}
	}
	if len(set) == 0 {
		t.Fatalf("%s builds no use case (no app.New… of a type with port fields)", dir)
	}
	return slices.Sorted(maps.Keys(set))
}

// portCalls reads the app package's source and returns, for each struct
// type with fields of an interface type declared in app (its ports), the
// port methods its methods call through those fields ("Port.Method",
// sorted). Calls through a port passed to a plain function are not seen;
// the use cases call their fields directly.
func portCalls(t *testing.T, dir string) map[string][]string {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	interfaces := map[string]bool{}
	structs := map[string]*ast.StructType{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				switch typ := ts.Type.(type) {
				case *ast.InterfaceType:
					interfaces[ts.Name.Name] = true
				case *ast.StructType:
					structs[ts.Name.Name] = typ
				}
			}
			return true
		})
	}
	// portFields[type][field] is the port a field holds.
	portFields := map[string]map[string]string{}
	for name, st := range structs {
		for _, field := range st.Fields.List {
			id, ok := field.Type.(*ast.Ident)
			if !ok || !interfaces[id.Name] {
				continue
			}
			for _, fn := range field.Names {
				if portFields[name] == nil {
					portFields[name] = map[string]string{}
				}
				portFields[name][fn.Name] = id.Name
			}
		}
	}
	sets := map[string]map[string]bool{}
	for typ := range portFields {
		sets[typ] = map[string]bool{}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List[0].Names) == 0 || fd.Body == nil {
				continue
			}
			recvType := fd.Recv.List[0].Type
			if star, ok := recvType.(*ast.StarExpr); ok {
				recvType = star.X
			}
			id, ok := recvType.(*ast.Ident)
			if !ok || portFields[id.Name] == nil {
				continue
			}
			recv := fd.Recv.List[0].Names[0].Name
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				method, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				field, ok := method.X.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, ok := field.X.(*ast.Ident); ok && x.Name == recv {
					if port, ok := portFields[id.Name][field.Sel.Name]; ok {
						sets[id.Name][port+"."+method.Sel.Name] = true
					}
				}
				return true
			})
		}
	}
	out := map[string][]string{}
	for typ, set := range sets {
		out[typ] = slices.Sorted(maps.Keys(set))
	}
	return out
}

// TestPortCallsSeesWhatTheThumbnailerCalls guards the source reading above
// with a use case whose calls are known.
func TestPortCallsSeesWhatTheThumbnailerCalls(t *testing.T) {
	want := []string{"BookRepository.Get", "BookRepository.Update", "Clock.Now", "ObjectStore.DeletePrefix",
		"ObjectStore.GetObject", "ObjectStore.PutObject", "ThumbnailRenderer.Render"}
	diff(t, "Thumbnails' port calls", want, portCalls(t, "../app")["Thumbnails"])
}
