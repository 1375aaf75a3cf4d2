package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dryRun is what `deploy.sh --dry-run` printed: its command lines (the
// `+ ` lines, split into words as the shell would) and its whole output.
type dryRun struct {
	commands [][]string
	output   string
}

// runDryRun runs deploy.sh --dry-run with args, with stand-ins for aws,
// docker and sam first on PATH that fail the test if the script calls them.
func runDryRun(t *testing.T, args ...string) dryRun {
	t.Helper()
	// Read here so that `go test` caches results by the script's content too.
	if _, err := os.ReadFile("deploy.sh"); err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	calls := filepath.Join(bin, "calls")
	for _, tool := range []string{"aws", "docker", "sam"} {
		stub := "#!/bin/sh\necho \"$0 $*\" >> '" + calls + "'\nexit 97\n"
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(stub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") && !strings.HasPrefix(kv, "BOOKSHOP_") && !strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	cmd := exec.Command("bash", append([]string{"deploy.sh", "--dry-run"}, args...)...)
	cmd.Env = append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("deploy.sh --dry-run %v: %v\n%s\n%s", args, err, out, stderr)
	}
	if data, err := os.ReadFile(calls); err == nil {
		t.Errorf("the dry run called:\n%s", data)
	}
	run := dryRun{output: string(out)}
	for line := range strings.Lines(string(out)) {
		if rest, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "+ "); ok {
			run.commands = append(run.commands, shellWords(t, rest))
		}
	}
	return run
}

// shellWords splits a command line as deploy.sh's quote writes it: words
// separated by spaces, single-quoted where needed ('\” for a quote).
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var word strings.Builder
	inWord, quoted, escaped := false, false, false
	for _, r := range line {
		switch {
		case escaped:
			word.WriteRune(r)
			escaped = false
		case r == '\'':
			quoted = !quoted
			inWord = true
		case r == '\\' && !quoted:
			escaped, inWord = true, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("unbalanced quotes in %q", line)
	}
	if inWord {
		words = append(words, word.String())
	}
	return words
}

// find returns the index of the first command from index from whose words
// start with prefix, or -1.
func (r dryRun) find(from int, prefix ...string) int {
	for i := from; i < len(r.commands); i++ {
		if len(r.commands[i]) >= len(prefix) && slices.Equal(r.commands[i][:len(prefix)], prefix) {
			return i
		}
	}
	return -1
}

// count returns how many commands start with prefix.
func (r dryRun) count(prefix ...string) int {
	n := 0
	for i := r.find(0, prefix...); i >= 0; i = r.find(i+1, prefix...) {
		n++
	}
	return n
}

// flag returns the word after name in command i ("" when absent).
func (r dryRun) flag(i int, name string) string {
	c := r.commands[i]
	if j := slices.Index(c, name); j >= 0 && j+1 < len(c) {
		return c[j+1]
	}
	return ""
}

// templateFunctions returns the commands under cmd/ whose images the
// template's functions run, by their ImageUri parameter.
func templateFunctions(t *testing.T) map[string]string {
	t.Helper()
	tmpl := loadTemplate(t)
	out := map[string]string{}
	for _, id := range tmpl.resourcesOfType("AWS::Serverless::Function") {
		parameter := tmpl.resource(id, "AWS::Serverless::Function").get("ImageUri").get("Ref").str()
		out[parameter] = strings.ToLower(strings.TrimSuffix(parameter, "ImageUri"))
	}
	if len(out) == 0 {
		t.Fatal("the template has no functions")
	}
	return out
}

// webDist writes a built web app like adapters/webui/dist.
func webDist(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"index.html":              `<!doctype html><script type="module" src="/assets/app-3f9a1c2b.js"></script>`,
		"assets/app-3f9a1c2b.js":  "export {}",
		"assets/app-5d6e7f80.css": "body{}",
		"favicon.ico":             "icon",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const registry = "<account-id>.dkr.ecr.eu-west-1.amazonaws.com"

func TestDeployDryRunBuildsPushesAndDeploysEveryFunction(t *testing.T) {
	run := runDryRun(t, "--region", "eu-west-1", "--stack", "shop-test", "--admin-email", "admin@example.com",
		"--tag", "t1", "--web-dir", webDist(t), "--deployer", "cloudformation",
		"--allowed-origins", "https://a.example,https://b.example")
	functions := templateFunctions(t)

	deploy := run.find(0, "aws", "cloudformation", "deploy")
	if deploy < 0 {
		t.Fatalf("no aws cloudformation deploy in:\n%s", run.output)
	}
	if login := run.find(0, "aws", "ecr", "get-login-password"); login < 0 || !strings.Contains(strings.Join(run.commands[login], " "),
		"| docker login --username AWS --password-stdin "+registry) {
		t.Errorf("no ECR login piped into docker login in:\n%s", run.output)
	}
	for parameter, fn := range functions {
		repository := registry + "/shop-test-" + fn
		create := run.find(0, "aws", "ecr", "describe-repositories", "--repository-names", "shop-test-"+fn)
		if create < 0 || !slices.Contains(run.commands[create], "create-repository") {
			t.Errorf("%s: no describe-repositories || create-repository for shop-test-%s", fn, fn)
		}
		build := []string{"docker", "build", "--platform", "linux/amd64", "--build-arg", "FUNCTION=" + fn, "--tag", repository + ":t1", "."}
		if n := run.count(build...); n != 1 {
			t.Errorf("%s: %d × %v, want 1", fn, n, build)
		}
		b := run.find(0, build...)
		p := run.find(0, "docker", "push", repository+":t1")
		if b < 0 || p < b || p > deploy || b < create {
			t.Errorf("%s: create repository (%d), build (%d), push (%d), deploy (%d) out of order", fn, create, b, p, deploy)
		}
		if want := parameter + "=" + repository + ":t1"; !slices.Contains(run.commands[deploy], want) {
			t.Errorf("deploy does not pass %s", want)
		}
	}
	if n := run.count("docker", "build"); n != len(functions) {
		t.Errorf("%d docker builds for %d functions", n, len(functions))
	}

	d := run.commands[deploy]
	for _, want := range [][]string{
		{"--template-file", "deploy/template.yaml"}, {"--stack-name", "shop-test"}, {"--region", "eu-west-1"},
		{"--capabilities", "CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"},
	} {
		if i := slices.Index(d, want[0]); i < 0 || !slices.Equal(d[i:min(i+len(want), len(d))], want) {
			t.Errorf("deploy lacks %v: %v", want, d)
		}
	}
	parameters := map[string]string{}
	for _, w := range d[slices.Index(d, "--parameter-overrides")+1:] {
		if strings.HasPrefix(w, "--") {
			break
		}
		k, v, _ := strings.Cut(w, "=")
		parameters[k] = v
	}
	for name := range loadTemplate(t).get("Parameters").v.(map[string]any) {
		if _, ok := parameters[name]; !ok {
			t.Errorf("deploy does not pass parameter %s (a new stack needs them all): %v", name, parameters)
		}
	}
	for k, want := range map[string]string{
		"AdminEmail": "admin@example.com", "CoversBucketName": "shop-test-covers-<account-id>-eu-west-1",
		"CursorKey": "****", "AllowedOrigins": "https://a.example,https://b.example",
	} {
		if parameters[k] != want {
			t.Errorf("parameter %s = %q, want %q", k, parameters[k], want)
		}
	}
	for _, want := range []string{"Shop:      <ShopUrl>", "Dashboard: <DashboardUrl>"} {
		if !strings.Contains(run.output, want) {
			t.Errorf("the summary lacks %q:\n%s", want, run.output)
		}
	}
}

func TestDeployDryRunUploadsTheWebAppWithCacheHeadersThenInvalidatesIndexHTML(t *testing.T) {
	web := webDist(t)
	run := runDryRun(t, "--region", "eu-west-1", "--admin-email", "admin@example.com", "--tag", "t1", "--web-dir", web)
	deploy := max(run.find(0, "aws", "cloudformation", "deploy"), run.find(0, "sam", "deploy"))

	assets := run.find(0, "aws", "s3", "sync", web+"/assets", "s3://<WebBucketName>/assets")
	if assets < 0 {
		t.Fatalf("no sync of the assets in:\n%s", run.output)
	}
	if got := run.flag(assets, "--cache-control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("assets Cache-Control %q", got)
	}
	if slices.Contains(run.commands[assets], "--delete") {
		t.Error("the assets sync deletes: pages already open would lose their scripts")
	}
	rest := run.find(0, "aws", "s3", "sync", web, "s3://<WebBucketName>")
	if rest < 0 {
		t.Fatalf("no sync of the other files in:\n%s", run.output)
	}
	c := strings.Join(run.commands[rest], " ")
	for _, want := range []string{"--delete", "--exclude assets/*", "--exclude index.html", "--cache-control no-cache"} {
		if !strings.Contains(c, want) {
			t.Errorf("the sync of the other files lacks %s: %s", want, c)
		}
	}
	index := run.find(0, "aws", "s3", "cp", web+"/index.html", "s3://<WebBucketName>/index.html")
	if index < 0 {
		t.Fatalf("no upload of index.html in:\n%s", run.output)
	}
	if got := run.flag(index, "--cache-control"); got != "no-cache" {
		t.Errorf("index.html Cache-Control %q", got)
	}
	if got := run.flag(index, "--content-type"); !strings.HasPrefix(got, "text/html") {
		t.Errorf("index.html Content-Type %q", got)
	}
	invalidate := run.find(0, "aws", "cloudfront", "create-invalidation", "--distribution-id", "<DistributionId>", "--paths", "/index.html")
	if invalidate < 0 {
		t.Fatalf("no invalidation of /index.html in:\n%s", run.output)
	}
	if !(deploy < assets && assets < rest && rest < index && index < invalidate) {
		t.Errorf("order: deploy %d, assets %d, other files %d, index.html %d, invalidation %d; want that order", deploy, assets, rest, index, invalidate)
	}
}

func TestDeployDryRunWithSAMNamesEachFunctionsRepository(t *testing.T) {
	run := runDryRun(t, "--region", "eu-west-1", "--admin-email", "admin@example.com", "--tag", "t1", "--deployer", "sam")
	i := run.find(0, "sam", "deploy")
	if i < 0 {
		t.Fatalf("no sam deploy in:\n%s", run.output)
	}
	var repositories []string
	for j, w := range run.commands[i] {
		if w == "--image-repositories" {
			repositories = append(repositories, run.commands[i][j+1])
		}
	}
	tmpl := loadTemplate(t)
	var want []string
	for _, id := range tmpl.resourcesOfType("AWS::Serverless::Function") {
		parameter := tmpl.resource(id, "AWS::Serverless::Function").get("ImageUri").get("Ref").str()
		want = append(want, id+"="+registry+"/bookshop-"+strings.ToLower(strings.TrimSuffix(parameter, "ImageUri")))
	}
	slices.Sort(want)
	slices.Sort(repositories)
	diff(t, "--image-repositories", want, repositories)
	if run.find(0, "aws", "cloudformation", "deploy") >= 0 {
		t.Error("deployed twice")
	}
}

func TestDeployDryRunNeverPrintsTheCursorKey(t *testing.T) {
	const key = "0123456789abcdef-not-for-logs"
	run := runDryRun(t, "--region", "eu-west-1", "--admin-email", "admin@example.com", "--tag", "t1", "--cursor-key", key)
	if strings.Contains(run.output, key) {
		t.Errorf("the output shows the cursor key:\n%s", run.output)
	}
	if !strings.Contains(run.output, "CursorKey=****") {
		t.Errorf("the deploy does not pass CursorKey:\n%s", run.output)
	}
}

func TestDeployRefusesNamesAWSWouldRefuse(t *testing.T) {
	long := strings.Repeat("s", 53)
	tests := map[string][]string{
		"a stack name CloudFront's 64-character names cannot hold": {"--stack", long},
		"a stack name that is not one":                             {"--stack", "9shop"},
		"a default covers bucket name over 63 characters":          {"--stack", strings.Repeat("s", 40)},
	}
	for name, args := range tests {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command("bash", append([]string{"deploy.sh", "--dry-run", "--region", "eu-west-1", "--tag", "t1"}, args...)...)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Errorf("deploy.sh %v succeeded:\n%s", args, out)
			}
		})
	}
}

func TestDeployHelp(t *testing.T) {
	out, err := exec.Command("bash", "deploy.sh", "--help").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Usage:", "--dry-run", "--region", "--admin-email"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("--help lacks %s:\n%s", want, out)
		}
	}
}

func TestDeployScriptIsShellcheckClean(t *testing.T) {
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Skip("shellcheck is not installed (apt-get install -y shellcheck)")
	}
	if out, err := exec.Command("shellcheck", "deploy.sh").CombinedOutput(); err != nil {
		t.Errorf("shellcheck deploy.sh: %v\n%s", err, out)
	}
}

// TestDeployUploadsTheTemplateThroughS3: `aws cloudformation deploy` and
// `sam deploy` send a template of over 51,200 bytes (template.yaml is, with
// its dashboard) only through S3, so both deployers get the stack's private
// template bucket, created when missing.
func TestDeployUploadsTheTemplateThroughS3(t *testing.T) {
	const bucket = "shop-test-templates-<account-id>-eu-west-1"
	for _, deployer := range []string{"cloudformation", "sam"} {
		run := runDryRun(t, "--region", "eu-west-1", "--stack", "Shop-Test", "--admin-email", "admin@example.com",
			"--tag", "t1", "--deployer", deployer)
		deploy := max(run.find(0, "aws", "cloudformation", "deploy"), run.find(0, "sam", "deploy"))
		if deploy < 0 {
			t.Fatalf("%s: no deploy in:\n%s", deployer, run.output)
		}
		if got := run.flag(deploy, "--s3-bucket"); got != bucket {
			t.Errorf("%s: --s3-bucket %q, want %q", deployer, got, bucket)
		}
		head := run.find(0, "aws", "s3api", "head-bucket", "--bucket", bucket)
		if head < 0 || head > deploy {
			t.Fatalf("%s: the template bucket is not ensured before the deploy:\n%s", deployer, run.output)
		}
		ensure := strings.Join(run.commands[head], " ")
		for _, want := range []string{"create-bucket --bucket " + bucket, "LocationConstraint=eu-west-1",
			"RestrictPublicBuckets=true", `"Expiration":{"Days":30}`} {
			if !strings.Contains(ensure, want) {
				t.Errorf("%s: the template bucket's creation lacks %s: %s", deployer, want, ensure)
			}
		}
	}
}
