#!/usr/bin/env bash
# Deploys the shop to an AWS account: ECR repositories, one container image per Lambda function, the stack of
# deploy/template.yaml, the web app's files, and a CloudFront invalidation of index.html. Run from anywhere;
# `deploy/deploy.sh --help` lists the options. `--dry-run` prints every command instead of running it and calls
# neither AWS nor Docker (deploy/deploy_script_test.go checks its output).
#
# The functions come from the template: each parameter <Name>ImageUri is the image of cmd/<name> (lower case),
# used by the AWS::Serverless::Function whose ImageUri is !Ref <Name>ImageUri.
#
# Bash 3.2 (macOS) or later.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly TEMPLATE="deploy/template.yaml"
# Commands are logged to the script's stdout, also from inside $(…).
exec 3>&1

usage() {
  cat <<'EOF'
Usage: deploy/deploy.sh [options]          (also: make deploy DEPLOY_FLAGS='...')

Builds and pushes the Lambda images to ECR, deploys deploy/template.yaml (sam deploy when the SAM CLI is
installed, else aws cloudformation deploy), uploads the web app to the stack's bucket, invalidates /index.html
and prints the shop's URLs and its operations dashboard. Needs the AWS CLI with credentials, Docker, and
Git.

Options (environment variable, default):
  --region REGION          AWS region (AWS_REGION, AWS_DEFAULT_REGION, else `aws configure get region`)
  --stack NAME             stack name (BOOKSHOP_STACK, bookshop)
  --admin-email EMAIL      first administrator; Cognito emails a temporary password (BOOKSHOP_ADMIN_EMAIL;
                           required for a new stack, kept from the last deploy otherwise)
  --operator-email EMAIL   who gets the alarms (BOOKSHOP_OPERATOR_EMAIL; new stack: the admin email, kept
                           otherwise); SNS asks the address to confirm the subscription
  --covers-bucket NAME     covers bucket, globally unique (BOOKSHOP_COVERS_BUCKET; new stack:
                           <stack>-covers-<account>-<region>, kept from the last deploy otherwise)
  --allowed-origins LIST   extra CORS origins, comma-separated (BOOKSHOP_ALLOWED_ORIGINS; template default
                           "*" for a new stack, kept otherwise)
  --cursor-key KEY         secret of >= 16 bytes that signs listing cursors (BOOKSHOP_CURSOR_KEY; new stack:
                           32 random bytes, kept otherwise)
  --tag TAG                image tag (BOOKSHOP_IMAGE_TAG; the Git commit, plus -dirty-<UTC time> when the
                           work tree has changes)
  --repository-prefix P    ECR repositories are P-<function> (BOOKSHOP_REPOSITORY_PREFIX; the stack name in
                           lower case)
  --web-dir DIR            built web app: index.html and assets/ (BOOKSHOP_WEB_DIR, adapters/webui/dist;
                           skipped with a warning when it has no index.html)
  --go-tags TAGS           extra Go build tags for the images (BOOKSHOP_GO_TAGS; e.g. otlp links the
                           OpenTelemetry OTLP exporter, see cmd/internal/tracing)
  --deployer sam|cloudformation|auto
                           what deploys the template (BOOKSHOP_DEPLOYER, auto: sam when installed)
  --dry-run                print the commands instead of running them; no AWS or Docker call, stack outputs
                           shown as <placeholders>, the stack assumed new
  -h, --help               this text
EOF
}

die() {
  printf 'deploy: %s\n' "$*" >&2
  exit 1
}
note() { printf 'deploy: %s\n' "$*" >&2; }

region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
stack="${BOOKSHOP_STACK:-bookshop}"
admin_email="${BOOKSHOP_ADMIN_EMAIL:-}"
operator_email="${BOOKSHOP_OPERATOR_EMAIL:-}"
covers_bucket="${BOOKSHOP_COVERS_BUCKET:-}"
allowed_origins="${BOOKSHOP_ALLOWED_ORIGINS:-}"
cursor_key="${BOOKSHOP_CURSOR_KEY:-}"
tag="${BOOKSHOP_IMAGE_TAG:-}"
repository_prefix="${BOOKSHOP_REPOSITORY_PREFIX:-}"
web_dir="${BOOKSHOP_WEB_DIR:-}"
deployer="${BOOKSHOP_DEPLOYER:-auto}"
go_tags="${BOOKSHOP_GO_TAGS:-}"
dry_run=false

while (($# > 0)); do
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
    --dry-run) dry_run=true ;;
    --region | --stack | --admin-email | --operator-email | --covers-bucket | --allowed-origins | --cursor-key | --tag | \
      --repository-prefix | --web-dir | --deployer | --go-tags)
      (($# >= 2)) || die "$1 needs a value (see --help)"
      case "$1" in
        --region) region="$2" ;;
        --stack) stack="$2" ;;
        --admin-email) admin_email="$2" ;;
        --operator-email) operator_email="$2" ;;
        --covers-bucket) covers_bucket="$2" ;;
        --allowed-origins) allowed_origins="$2" ;;
        --cursor-key) cursor_key="$2" ;;
        --tag) tag="$2" ;;
        --repository-prefix) repository_prefix="$2" ;;
        --web-dir) web_dir="$2" ;;
        --deployer) deployer="$2" ;;
        --go-tags) go_tags="$2" ;;
      esac
      shift
      ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

# Secrets never printed: every occurrence in a logged command becomes ****.
secrets=()

# quote ARGS... prints ARGS as one shell command line, quoting what needs it.
quote() {
  local arg line="" q
  for arg in "$@"; do
    if [[ "${arg}" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      q="${arg}"
    else
      q="'${arg//\'/\'\\\'\'}'"
    fi
    line+="${line:+ }${q}"
  done
  for arg in ${secrets[@]+"${secrets[@]}"}; do
    line="${line//"${arg}"/****}"
  done
  printf '%s\n' "${line}"
}

# log LINE prints a command line as `+ LINE`.
log() { printf '+ %s\n' "$1" >&3; }

# run CMD... logs CMD and runs it; with --dry-run it only logs it.
run() {
  log "$(quote "$@")"
  "${dry_run}" || "$@"
}

# capture PLACEHOLDER CMD... prints CMD's output; with --dry-run it logs CMD and prints PLACEHOLDER.
capture() {
  local placeholder="$1"
  shift
  if "${dry_run}"; then
    log "$(quote "$@")"
    printf '%s\n' "${placeholder}"
    return 0
  fi
  "$@"
}

# A --web-dir given relative is relative to where the script was started; the default, to the repository.
if [[ -n "${web_dir}" && "${web_dir}" != /* ]]; then
  web_dir="${PWD}/${web_dir}"
fi
web_dir="${web_dir:-adapters/webui/dist}"
cd "${REPO_ROOT}"
[[ -f "${TEMPLATE}" ]] || die "no ${TEMPLATE}"
case "${deployer}" in
  auto) if command -v sam >/dev/null 2>&1; then deployer=sam; else deployer=cloudformation; fi ;;
  sam | cloudformation) ;;
  *) die "--deployer is sam, cloudformation or auto, not ${deployer}" ;;
esac
if ! "${dry_run}"; then
  for tool in aws docker git; do
    command -v "${tool}" >/dev/null 2>&1 || die "${tool} is not installed (see --help)"
  done
  [[ -n "${region}" ]] || region="$(aws configure get region || true)"
fi
if [[ -z "${region}" ]]; then
  "${dry_run}" || die "no region: pass --region or set AWS_REGION"
  region="<region>"
fi
# The template names CloudFront resources <stack>-spa-rewrite and the like, which allow 64 characters.
[[ "${stack}" =~ ^[A-Za-z][A-Za-z0-9-]{0,51}$ ]] ||
  die "stack name ${stack}: a letter, then letters, digits or hyphens, 52 characters at most"
stack_lc="$(tr '[:upper:]' '[:lower:]' <<<"${stack}")"
repository_prefix="${repository_prefix:-${stack_lc}}"

# Functions: "<Name>ImageUri <LogicalId>" for each function resource whose ImageUri is !Ref <Name>ImageUri.
function_lines=()
while IFS= read -r line; do function_lines+=("${line}"); done < <(awk '
  /^[A-Za-z]/ { section = $1 }
  section == "Resources:" && /^  [A-Za-z0-9]+:[[:space:]]*$/ { resource = $1; sub(/:$/, "", resource) }
  section == "Resources:" && $1 == "ImageUri:" && $2 == "!Ref" && $3 ~ /^[A-Za-z0-9]+ImageUri$/ { print $3, resource }
' "${TEMPLATE}")
((${#function_lines[@]} > 0)) || die "${TEMPLATE} has no function with ImageUri: !Ref <Name>ImageUri"
# Lambda runs the architecture of the template's Globals (x86_64 unless it says arm64).
platform=linux/amd64
if awk '/^Globals:/ { g = 1; next } /^[A-Za-z]/ { g = 0 } g && /Architectures:/ { print; exit }' "${TEMPLATE}" |
  grep -q arm64; then
  platform=linux/arm64
fi

if [[ -z "${tag}" ]]; then
  tag="$(git rev-parse --short=12 HEAD 2>/dev/null || echo build)"
  if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then
    tag+="-dirty-$(date -u +%Y%m%d%H%M%S)"
  fi
fi

account="$(capture '<account-id>' aws sts get-caller-identity --query Account --output text)"
url_suffix=amazonaws.com
[[ "${region}" == cn-* ]] && url_suffix=amazonaws.com.cn
registry="${account}.dkr.ecr.${region}.${url_suffix}"

# A new stack needs every parameter; an existing one keeps what is not given (the deploy commands reuse a
# parameter's previous value when it is left out).
new_stack=true
if "${dry_run}"; then
  capture '' aws cloudformation describe-stacks --stack-name "${stack}" --region "${region}" \
    --query 'Stacks[0].StackStatus' --output text >/dev/null
  note "dry run: assuming stack ${stack} does not exist yet"
else
  if status="$(aws cloudformation describe-stacks --stack-name "${stack}" --region "${region}" \
    --query 'Stacks[0].StackStatus' --output text 2>&1)"; then
    case "${status}" in
      ROLLBACK_COMPLETE) die "stack ${stack} failed to create and cannot be updated; delete it first:
  aws cloudformation delete-stack --stack-name ${stack} --region ${region}" ;;
      REVIEW_IN_PROGRESS) ;; # created by a change set never executed: still new
      *) new_stack=false ;;
    esac
  elif [[ "${status}" != *"does not exist"* ]]; then
    die "aws cloudformation describe-stacks: ${status}"
  fi
fi
if "${new_stack}"; then
  if [[ -z "${admin_email}" ]]; then
    "${dry_run}" || die "a new stack needs --admin-email (the first administrator)"
    admin_email="<admin email>"
  fi
  operator_email="${operator_email:-${admin_email}}"
  covers_bucket="${covers_bucket:-${stack_lc}-covers-${account}-${region}}"
  ((${#covers_bucket} <= 63)) || die "covers bucket name ${covers_bucket} is over 63 characters: pass --covers-bucket"
  cursor_key="${cursor_key:-$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')}"
fi
[[ -z "${cursor_key}" ]] || secrets+=("${cursor_key}")

echo "== ECR repositories and images (tag ${tag}, ${platform})"
run_login() {
  log "$(quote aws ecr get-login-password --region "${region}") | $(quote docker login --username AWS \
    --password-stdin "${registry}")"
  "${dry_run}" || aws ecr get-login-password --region "${region}" |
    docker login --username AWS --password-stdin "${registry}"
}
ensure_repository() {
  local name="$1"
  local describe=(aws ecr describe-repositories --repository-names "${name}" --region "${region}")
  local create=(aws ecr create-repository --repository-name "${name}" --region "${region}"
    --image-scanning-configuration scanOnPush=true)
  # Keeps the 10 newest images of each function: the one the stack runs and a few to roll back to.
  local lifecycle=(aws ecr put-lifecycle-policy --repository-name "${name}" --region "${region}"
    --lifecycle-policy-text '{"rules":[{"rulePriority":1,"description":"keep the 10 newest images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}}]}')
  if "${dry_run}"; then
    log "$(quote "${describe[@]}") >/dev/null 2>&1 || { $(quote "${create[@]}") && $(quote "${lifecycle[@]}"); }"
    return 0
  fi
  "${describe[@]}" >/dev/null 2>&1 && return 0
  run "${create[@]}" >/dev/null
  run "${lifecycle[@]}" >/dev/null
}

# BuildKit adds attestation manifests by default, which turn the pushed image into an index Lambda refuses.
export BUILDX_NO_DEFAULT_ATTESTATIONS=1
parameters=()
image_repositories=()
run_login
for line in "${function_lines[@]}"; do
  read -r parameter logical_id <<<"${line}"
  fn="$(tr '[:upper:]' '[:lower:]' <<<"${parameter%ImageUri}")"
  [[ -f "cmd/${fn}/main.go" ]] || die "${TEMPLATE} parameter ${parameter} names cmd/${fn}, which has no main.go"
  repository="${registry}/${repository_prefix}-${fn}"
  ensure_repository "${repository_prefix}-${fn}"
  run docker build --platform "${platform}" --build-arg "FUNCTION=${fn}" ${go_tags:+--build-arg "GO_TAGS=${go_tags}"} --tag "${repository}:${tag}" .
  run docker push "${repository}:${tag}"
  parameters+=("${parameter}=${repository}:${tag}")
  image_repositories+=(--image-repositories "${logical_id}=${repository}")
done

echo "== Stack ${stack} (${deployer}, ${region})"
# CloudFormation takes a template of over 51,200 bytes only from S3: a private bucket per stack and region holds
# the uploaded templates (sam and aws cloudformation deploy upload them), each kept 30 days.
template_bucket="${stack_lc}-templates-${account}-${region}"
((${#template_bucket} <= 63)) || die "template bucket name ${template_bucket} is over 63 characters: use a shorter --stack"
ensure_template_bucket() {
  local head=(aws s3api head-bucket --bucket "${template_bucket}" --region "${region}")
  local create=(aws s3api create-bucket --bucket "${template_bucket}" --region "${region}")
  [[ "${region}" == us-east-1 ]] || create+=(--create-bucket-configuration "LocationConstraint=${region}")
  local block=(aws s3api put-public-access-block --bucket "${template_bucket}" --region "${region}"
    --public-access-block-configuration
    "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
  local expire=(aws s3api put-bucket-lifecycle-configuration --bucket "${template_bucket}" --region "${region}"
    --lifecycle-configuration '{"Rules":[{"ID":"expire-templates","Status":"Enabled","Filter":{},"Expiration":{"Days":30}}]}')
  if "${dry_run}"; then
    log "$(quote "${head[@]}") >/dev/null 2>&1 || { $(quote "${create[@]}") && $(quote "${block[@]}") && $(quote "${expire[@]}"); }"
    return 0
  fi
  "${head[@]}" >/dev/null 2>&1 && return 0
  run "${create[@]}" >/dev/null
  run "${block[@]}"
  run "${expire[@]}"
}
ensure_template_bucket
[[ -z "${admin_email}" ]] || parameters+=("AdminEmail=${admin_email}")
[[ -z "${operator_email}" ]] || parameters+=("OperatorEmail=${operator_email}")
[[ -z "${covers_bucket}" ]] || parameters+=("CoversBucketName=${covers_bucket}")
[[ -z "${cursor_key}" ]] || parameters+=("CursorKey=${cursor_key}")
[[ -z "${allowed_origins}" ]] || parameters+=("AllowedOrigins=${allowed_origins}")
common=(--template-file "${TEMPLATE}" --stack-name "${stack}" --region "${region}"
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset
  --s3-bucket "${template_bucket}" --s3-prefix templates
  --parameter-overrides "${parameters[@]}")
if [[ "${deployer}" == sam ]]; then
  # The images are pushed already; SAM still wants a repository for each image function (the option is given
  # once per function).
  run sam deploy "${common[@]}" --no-confirm-changeset "${image_repositories[@]}"
else
  # The stack's Transform (AWS::Serverless) is expanded by CloudFormation itself.
  run aws cloudformation deploy "${common[@]}"
fi

# Stack outputs as "Key<TAB>Value" lines; placeholders <Key> in a dry run.
output_keys=(ShopUrl ApiUrl DashboardUrl DistributionId WebBucketName UserPoolId UserPoolClientId)
outputs="$(capture "$(for key in "${output_keys[@]}"; do printf '%s\t<%s>\n' "${key}" "${key}"; done)" \
  aws cloudformation describe-stacks --stack-name "${stack}" --region "${region}" \
  --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text)"
output() { awk -F '\t' -v key="$1" '$1 == key { print $2 }' <<<"${outputs}"; }
for key in "${output_keys[@]}"; do
  [[ -n "$(output "${key}")" ]] || die "stack ${stack} has no output ${key}"
done
shop_url="$(output ShopUrl)"

echo "== Web app (${web_dir})"
if [[ -f "${web_dir}/index.html" ]]; then
  bucket="s3://$(output WebBucketName)"
  # Versioned assets first, cached for good; old ones stay, so pages already open keep loading theirs.
  if [[ -d "${web_dir}/assets" ]]; then
    run aws s3 sync "${web_dir}/assets" "${bucket}/assets" --region "${region}" \
      --cache-control "public, max-age=31536000, immutable"
  fi
  # Other files (favicon…): revalidated on every use; files gone from the build are deleted, never assets/.
  run aws s3 sync "${web_dir}" "${bucket}" --region "${region}" --delete \
    --exclude "assets/*" --exclude "index.html" --cache-control "no-cache"
  # index.html last, once everything it references is there.
  run aws s3 cp "${web_dir}/index.html" "${bucket}/index.html" --region "${region}" \
    --cache-control "no-cache" --content-type "text/html; charset=utf-8"
  run aws cloudfront create-invalidation --distribution-id "$(output DistributionId)" --paths /index.html
else
  note "no ${web_dir}/index.html: the web app is not uploaded (build it, then run this again)"
fi

cat <<EOF

Shop:      ${shop_url}
API:       ${shop_url}/api (the HTTP API itself: $(output ApiUrl))
User pool: $(output UserPoolId) (web client $(output UserPoolClientId))
Dashboard: $(output DashboardUrl) (runbook: README.md, Deploying to AWS -> Operate)
EOF
if "${new_stack}"; then
  cat <<EOF
Cognito emails ${admin_email} a temporary password; the API signs in with permanent passwords only:
  aws cognito-idp admin-set-user-password --region ${region} --user-pool-id $(output UserPoolId) \\
    --username ${admin_email} --password '<password>' --permanent
EOF
fi
