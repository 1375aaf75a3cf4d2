package main

import (
	"bufio"
	"go/build"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// Paths from this package's directory: the local stack, the Dockerfile of its
// project images, the script that lists the programs provision.sh prebuilds
// (make up's offline path), and cmd/, one directory per program.
const (
	composePath    = "../../docker-compose.yml"
	dockerfilePath = "../../Dockerfile"
	functionsPath  = "../../deploy/local/functions.sh"
	cmdDir         = ".."
)

// composeFile is what these tests read of docker-compose.yml.
type composeFile struct {
	Services map[string]composeService `yaml:"services"`
}

type composeService struct {
	Image       string            `yaml:"image"`
	Build       *composeBuild     `yaml:"build"`
	PullPolicy  string            `yaml:"pull_policy"`
	Environment map[string]string `yaml:"environment"`
}

type composeBuild struct {
	Context    string            `yaml:"context"`
	Dockerfile string            `yaml:"dockerfile"`
	Target     string            `yaml:"target"`
	Args       map[string]string `yaml:"args"`
}

// loadCompose parses docker-compose.yml (anchors and merge keys included).
func loadCompose(t *testing.T) composeFile {
	t.Helper()
	data, err := os.ReadFile(composePath)
	if err != nil {
		t.Fatal(err)
	}
	var f composeFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", composePath, err)
	}
	if len(f.Services) == 0 {
		t.Fatalf("%s has no services", composePath)
	}
	return f
}

// variable matches ${NAME}, ${NAME:-default} and ${NAME-default}.
var variable = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}`)

// interpolate replaces every variable by its default ("" without one): the
// file as `docker compose` reads it on a machine that sets nothing.
func interpolate(s string) string {
	return variable.ReplaceAllString(s, "${2}")
}

// projectImage matches the image of a program of this repository, as
// provision.sh names it by default (deploy/local/functions.sh image_name).
var projectImage = regexp.MustCompile(`^bookshop/([a-z0-9-]+):dev$`)

// imageVar is the variable that names a program's image (functions.sh
// image_var): catalog → BOOKSHOP_CATALOG_IMAGE.
func imageVar(program string) string {
	return "BOOKSHOP_" + strings.ToUpper(strings.ReplaceAll(program, "-", "_")) + "_IMAGE"
}

// defaultTarget returns the last stage of a Dockerfile, the one
// `docker build` builds without --target.
func defaultTarget(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	from := regexp.MustCompile(`(?i)^FROM\s+\S+(?:\s+AS\s+(\S+))?\s*$`)
	last := ""
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if m := from.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			last = m[1]
		}
	}
	if last == "" {
		t.Fatalf("%s: the last stage has no name (FROM … AS <name>)", path)
	}
	return last
}

// stackPrograms returns BOOKSHOP_STACK_PROGRAMS of deploy/local/functions.sh:
// the programs whose images provision.sh builds without a registry.
func stackPrograms(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(functionsPath)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^BOOKSHOP_STACK_PROGRAMS=\(([^)]*)\)`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s does not set BOOKSHOP_STACK_PROGRAMS=(...)", functionsPath)
	}
	return strings.Fields(string(m[1]))
}

// TestComposeBuildsEveryProjectImage fails when a service of
// docker-compose.yml runs a project image (bookshop/<program>:dev) that
// `docker compose up --build` cannot build: every such service builds the
// Dockerfile's default target with FUNCTION=<program>, a main package under
// cmd/, and never pulls (make up's images are local; bookshop/* on a
// registry is not this project's). provision.sh must prebuild the program
// too, or `make up` would build it from the golang stage, which needs a
// registry.
func TestComposeBuildsEveryProjectImage(t *testing.T) {
	f := loadCompose(t)
	target := defaultTarget(t, dockerfilePath)
	prebuilt := stackPrograms(t)
	found := 0
	for _, name := range slices.Sorted(maps.Keys(f.Services)) {
		svc := f.Services[name]
		m := projectImage.FindStringSubmatch(interpolate(svc.Image))
		if m == nil {
			if svc.Build != nil {
				t.Errorf("service %s builds, but its image %q is not bookshop/<program>:dev", name, svc.Image)
			}
			continue
		}
		found++
		program := m[1]
		if v := variable.FindStringSubmatch(svc.Image); v != nil && v[1] != imageVar(program) {
			t.Errorf("service %s: image %q is named by %s, want %s (provision.sh's name for it)",
				name, svc.Image, v[1], imageVar(program))
		}
		if !slices.Contains(prebuilt, program) {
			t.Errorf("service %s runs %s, but %s's BOOKSHOP_STACK_PROGRAMS %v lacks %s: make up would need a registry",
				name, svc.Image, functionsPath, prebuilt, program)
		}
		if svc.PullPolicy != "never" {
			t.Errorf("service %s: pull_policy %q, want never (build when missing, never pull)", name, svc.PullPolicy)
		}
		b := svc.Build
		if b == nil {
			t.Errorf("service %s runs %s but has no build section", name, svc.Image)
			continue
		}
		if b.Context != "." || b.Dockerfile != "Dockerfile" || b.Target != target {
			t.Errorf("service %s builds context %q, dockerfile %q, target %q; "+
				"want \".\", \"Dockerfile\", %q (the default target)", name, b.Context, b.Dockerfile, b.Target, target)
		}
		if got := b.Args["FUNCTION"]; got != program {
			t.Errorf("service %s: build arg FUNCTION=%q for image %s, want %q", name, got, svc.Image, program)
		}
		pkg, err := build.ImportDir(filepath.Join(cmdDir, program), 0)
		if err != nil {
			t.Errorf("service %s builds cmd/%s: %v", name, program, err)
		} else if pkg.Name != "main" {
			t.Errorf("service %s builds cmd/%s, which is package %s, not a command", name, program, pkg.Name)
		}
	}
	if found == 0 {
		t.Fatalf("%s runs no bookshop/<program>:dev image", composePath)
	}
}

// TestComposeRunsEveryTemplateFunction fails when a function of
// deploy/template.yaml has no endpoint in the gateway's
// BOOKSHOP_FUNCTION_ENDPOINTS, or when an endpoint's host is not a compose
// service running that function's image. A function is named after its
// program: CatalogFunction runs cmd/catalog (the template's CatalogImageUri
// says --build-arg FUNCTION=catalog).
func TestComposeRunsEveryTemplateFunction(t *testing.T) {
	f := loadCompose(t)
	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	if len(tmpl.Functions) == 0 {
		t.Fatalf("%s declares no AWS::Serverless::Function", templatePath)
	}
	gateway, ok := f.Services["gateway"]
	if !ok {
		t.Fatalf("%s has no gateway service", composePath)
	}
	endpoints, err := parseEndpoints(interpolate(gateway.Environment["BOOKSHOP_FUNCTION_ENDPOINTS"]))
	if err != nil {
		t.Fatalf("gateway's BOOKSHOP_FUNCTION_ENDPOINTS: %v", err)
	}
	for _, fn := range tmpl.Functions {
		program := strings.ToLower(strings.TrimSuffix(fn, "Function"))
		want := "bookshop/" + program + ":dev"
		urls := endpoints[fn]
		if len(urls) == 0 {
			t.Errorf("%s: the gateway's BOOKSHOP_FUNCTION_ENDPOINTS has no endpoint for it", fn)
		}
		for _, u := range urls {
			pu, err := url.Parse(u)
			if err != nil {
				t.Errorf("%s: endpoint %q: %v", fn, u, err)
				continue
			}
			svc, ok := f.Services[pu.Hostname()]
			if !ok {
				t.Errorf("%s: endpoint %s names no compose service", fn, u)
				continue
			}
			if got := interpolate(svc.Image); got != want {
				t.Errorf("%s: endpoint %s runs image %s, want %s", fn, u, got, want)
			}
		}
	}
	for _, fn := range slices.Sorted(maps.Keys(endpoints)) {
		if !slices.Contains(tmpl.Functions, fn) {
			t.Errorf("the gateway's BOOKSHOP_FUNCTION_ENDPOINTS lists %s, which %s does not declare", fn, templatePath)
		}
	}
}
