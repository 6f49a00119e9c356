
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'datumctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'datumctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'datumctl' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'kubectl''s `--validate`, for the verbs that send whole manifests (apply, create, replace)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, '`get`''s output refinements beyond kubectl''s basic printers')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a policy in detail, with its ancestors'' status conditions')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Document the fields of the resource')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, '`delete`''s waiting and grace-period flags, as kubectl''s')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what apply would change')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check manifests offline against the embedded schema and its CEL rules')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run a local control plane that serves the project API')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage contexts in the datumctl config file')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Manage credentials for the current context')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to Datum Cloud (browser, device code, or a service-account key)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored credential of the current context')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the policy tools to an AI agent over the Model Context Protocol (stdio)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until policies meet a condition (every ancestor Accepted, a JSONPath value, deletion)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit a policy in $KUBE_EDITOR or $EDITOR and send the changes')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'kubectl''s `--validate`, for the verbs that send whole manifests (apply, create, replace)')
            [CompletionResult]::new('replace', 'replace', [CompletionResultType]::ParameterValue, 'kubectl''s `--validate`, for the verbs that send whole manifests (apply, create, replace)')
            [CompletionResult]::new('patch', 'patch', [CompletionResultType]::ParameterValue, 'The flags create, replace and patch share')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, '`label` and `annotate`: the same mechanism on two maps of metadata')
            [CompletionResult]::new('annotate', 'annotate', [CompletionResultType]::ParameterValue, '`label` and `annotate`: the same mechanism on two maps of metadata')
            [CompletionResult]::new('api-resources', 'api-resources', [CompletionResultType]::ParameterValue, 'Print the API resources the server supports')
            [CompletionResult]::new('api-versions', 'api-versions', [CompletionResultType]::ParameterValue, 'Print the API versions the server supports, as group/version')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client and server versions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'datumctl;apply' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name recorded by the server')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show what would be sent (client) or let the server check without persisting (server)')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Validate manifests before sending them (true/strict, warn, false/ignore)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many objects to send at once')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--server-side', '--server-side', [CompletionResultType]::ParameterName, 'Use server-side apply')
            [CompletionResult]::new('--force-conflicts', '--force-conflicts', [CompletionResultType]::ParameterName, 'With --server-side: take ownership of fields other managers own')
            [CompletionResult]::new('--show-managed-fields', '--show-managed-fields', [CompletionResultType]::ParameterName, 'With -o yaml|json: keep metadata.managedFields in the printed objects')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;get' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label selector (e.g. app=web,tier!=db)')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Label selector (e.g. app=web,tier!=db)')
            [CompletionResult]::new('--field-selector', '--field-selector', [CompletionResultType]::ParameterName, 'Field selector (metadata.name, metadata.namespace)')
            [CompletionResult]::new('--chunk-size', '--chunk-size', [CompletionResultType]::ParameterName, 'Fetch large lists in pages of this size (0 disables paging)')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Add a column for each of these label keys')
            [CompletionResult]::new('--label-columns', '--label-columns', [CompletionResultType]::ParameterName, 'Add a column for each of these label keys')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The template (or template file) for -o go-template, jsonpath and their -file forms; alone, it means -o go-template')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Sort the list by this JSONPath (e.g. ''{.metadata.name}'' or .spec.retry.numRetries)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List across all namespaces')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List across all namespaces')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After listing, watch for changes')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'After listing, watch for changes')
            [CompletionResult]::new('--watch-only', '--watch-only', [CompletionResultType]::ParameterName, 'Watch for changes without listing first')
            [CompletionResult]::new('--output-watch-events', '--output-watch-events', [CompletionResultType]::ParameterName, 'With --watch: print the event type with each object')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables')
            [CompletionResult]::new('--show-labels', '--show-labels', [CompletionResultType]::ParameterName, 'Add a LABELS column')
            [CompletionResult]::new('--ignore-not-found', '--ignore-not-found', [CompletionResultType]::ParameterName, 'Exit 0 when a named object does not exist')
            [CompletionResult]::new('--show-managed-fields', '--show-managed-fields', [CompletionResultType]::ParameterName, 'With -o yaml|json: keep metadata.managedFields in the printed objects')
            [CompletionResult]::new('--show-kind', '--show-kind', [CompletionResultType]::ParameterName, 'Print the resource type with each name (TYPE/NAME)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;describe' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Describe across all namespaces')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Describe across all namespaces')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;explain' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'With --recursive: stop after this many levels')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Mark fields that Datum Cloud restricts')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'The group/version to explain (the server''s preferred one when not given)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Print every field below the path, names and types only')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Use the embedded schema even when a server is configured')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;delete' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Delete every object matching this label selector')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Delete every object matching this label selector')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show what would be deleted')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the objects are gone before returning (--wait=false returns at once)')
            [CompletionResult]::new('--grace-period', '--grace-period', [CompletionResultType]::ParameterName, 'Seconds the object is given to terminate (negative: the server''s default)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long --wait waits (e.g. 30s, 5m; 0 waits a week, as kubectl)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Delete every policy in the namespace')
            [CompletionResult]::new('--ignore-not-found', '--ignore-not-found', [CompletionResultType]::ParameterName, 'Exit 0 when an object does not exist')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Signal the object to go at once (the same as --grace-period=1)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove the objects at once, without a grace period (needs --grace-period 0 or none)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;diff' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name for the dry-run apply')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--server-side', '--server-side', [CompletionResultType]::ParameterName, 'Compare against a server-side apply instead of a client-side one')
            [CompletionResult]::new('--force-conflicts', '--force-conflicts', [CompletionResultType]::ParameterName, 'With --server-side: take ownership of conflicting fields in the dry run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;validate' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Rules to validate against')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;serve' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory for the SQLite store (default: the user''s data directory)')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File of accepted bearer tokens, one per line: TOKEN[,PROJECT...]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM certificate chain to serve TLS with')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key to serve TLS with')
            [CompletionResult]::new('--client-ca-file', '--client-ca-file', [CompletionResultType]::ParameterName, 'PEM CA certificates: a client certificate they signed authenticates as its CN (groups: its O), for every project; clients without one still need a --token-file token')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Admission rules to enforce')
            [CompletionResult]::new('--no-status-writer', '--no-status-writer', [CompletionResultType]::ParameterName, 'Do not write status.ancestors as a gateway controller would')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;completion' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;config' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create or update a context')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List contexts')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the current context''s name')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file (tokens redacted), as YAML or with -o json')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Remove a context')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'datumctl;config;set-context' {
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the bearer token')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Admission profile of the server')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;config;use-context' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;config;get-contexts' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;config;current-context' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;config;view' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;config;delete-context' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;config;help' {
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create or update a context')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List contexts')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the current context''s name')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file (tokens redacted), as YAML or with -o json')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Remove a context')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'datumctl;config;help;set-context' {
            break
        }
        'datumctl;config;help;use-context' {
            break
        }
        'datumctl;config;help;get-contexts' {
            break
        }
        'datumctl;config;help;current-context' {
            break
        }
        'datumctl;config;help;view' {
            break
        }
        'datumctl;config;help;delete-context' {
            break
        }
        'datumctl;config;help;help' {
            break
        }
        'datumctl;auth' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store a bearer token for the current context')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who the current credential belongs to')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential')
            [CompletionResult]::new('update-kubeconfig', 'update-kubeconfig', [CompletionResultType]::ParameterValue, 'Write a kubeconfig entry that lets kubectl use this login for a project')
            [CompletionResult]::new('can-i', 'can-i', [CompletionResultType]::ParameterValue, 'Check whether an action is allowed (VERB TYPE[/NAME] or VERB /URL)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'datumctl;auth;login' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from standard input')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;auth;whoami' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;auth;get-token' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;auth;update-kubeconfig' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;auth;can-i' {
            [CompletionResult]::new('--subresource', '--subresource', [CompletionResultType]::ParameterName, 'A subresource, such as status')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'Check in all namespaces of the project')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Check in all namespaces of the project')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing: the exit code is the answer (0 yes, 1 no)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing: the exit code is the answer (0 yes, 1 no)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List everything the credential may do in the namespace')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'With --list: omit the header row')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store a bearer token for the current context')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who the current credential belongs to')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential')
            [CompletionResult]::new('update-kubeconfig', 'update-kubeconfig', [CompletionResultType]::ParameterValue, 'Write a kubeconfig entry that lets kubectl use this login for a project')
            [CompletionResult]::new('can-i', 'can-i', [CompletionResultType]::ParameterValue, 'Check whether an action is allowed (VERB TYPE[/NAME] or VERB /URL)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'datumctl;auth;help;login' {
            break
        }
        'datumctl;auth;help;whoami' {
            break
        }
        'datumctl;auth;help;get-token' {
            break
        }
        'datumctl;auth;help;update-kubeconfig' {
            break
        }
        'datumctl;auth;help;can-i' {
            break
        }
        'datumctl;auth;help;help' {
            break
        }
        'datumctl;login' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'OpenID Connect issuer host')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id (also DATUMCTL_CLIENT_ID or the context)')
            [CompletionResult]::new('--credentials', '--credentials', [CompletionResultType]::ParameterName, 'Service-account key file (JSON) for non-interactive login')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Use the device code flow instead of opening a browser')
            [CompletionResult]::new('--keep-key-in-place', '--keep-key-in-place', [CompletionResultType]::ParameterName, 'With --credentials: reference the key where it is instead of copying it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;logout' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;mcp' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;wait' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'The condition: delete, create, condition=NAME[=VALUE], jsonpath=''{…}''[=VALUE]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait (0 checks once; negative waits a week)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--field-selector', '--field-selector', [CompletionResultType]::ParameterName, 'Field selector')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Wait for every policy in the namespace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;edit' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name recorded by the server')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;create' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show the result (client) or let the server check it without persisting (server)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name recorded by the server')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Validate manifests before sending them (true/strict, warn, false/ignore)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;replace' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show the result (client) or let the server check it without persisting (server)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name recorded by the server')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Validate manifests before sending them (true/strict, warn, false/ignore)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete the policies, wait until they are gone, then create them anew')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;patch' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The patch, as JSON or YAML')
            [CompletionResult]::new('--patch', '--patch', [CompletionResultType]::ParameterName, 'The patch, as JSON or YAML')
            [CompletionResult]::new('--patch-file', '--patch-file', [CompletionResultType]::ParameterName, 'A file holding the patch')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'merge (RFC 7386) or json (RFC 6902); strategic is refused for this custom resource')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show the result (client) or let the server check it without persisting (server)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name recorded by the server')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;label' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--resource-version', '--resource-version', [CompletionResultType]::ParameterName, 'Refuse the change unless the policy is still at this resource version')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show the result (client) or let the server check without persisting (server)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name recorded by the server')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Allow changing a key that already has a value')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print the current keys and values instead of changing them')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every policy in the namespace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;annotate' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File, directory or - for stdin (repeatable)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Label selector')
            [CompletionResult]::new('--resource-version', '--resource-version', [CompletionResultType]::ParameterName, 'Refuse the change unless the policy is still at this resource version')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only show the result (client) or let the server check without persisting (server)')
            [CompletionResult]::new('--field-manager', '--field-manager', [CompletionResultType]::ParameterName, 'Field manager name recorded by the server')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Recurse into directories given with -f')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Allow changing a key that already has a value')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Print the current keys and values instead of changing them')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every policy in the namespace')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;api-resources' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--api-group', '--api-group', [CompletionResultType]::ParameterName, 'Only resources of this API group ('''' for the core group)')
            [CompletionResult]::new('--namespaced', '--namespaced', [CompletionResultType]::ParameterName, 'Only namespaced resources (true) or only cluster-scoped ones (false)')
            [CompletionResult]::new('--verbs', '--verbs', [CompletionResultType]::ParameterName, 'Only resources that support all of these verbs')
            [CompletionResult]::new('--categories', '--categories', [CompletionResultType]::ParameterName, 'Only resources in all of these categories')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Sort by name or kind (default: by group, then name)')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row')
            [CompletionResult]::new('--cached', '--cached', [CompletionResultType]::ParameterName, 'Accepted for kubectl''s scripts: datumctl keeps no discovery cache, so it always asks')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;api-versions' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;version' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Datum project whose control plane to talk to')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Bearer token for the API server')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace inside the project')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--v', '--v', [CompletionResultType]::ParameterName, 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context to use from the config file (or from the kubeconfig with --kubeconfig)')
            [CompletionResult]::new('--certificate-authority', '--certificate-authority', [CompletionResultType]::ParameterName, 'PEM file of the certificate authority that signed the server''s certificate')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'With --as: act as a member of this group (repeatable)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'With --as: the UID of the user to act as')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host')
            [CompletionResult]::new('--error-format', '--error-format', [CompletionResultType]::ParameterName, 'How to print errors')
            [CompletionResult]::new('--insecure-skip-tls-verify', '--insecure-skip-tls-verify', [CompletionResultType]::ParameterName, 'Do not verify the server''s TLS certificate (insecure)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only the client''s version (no server needed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'datumctl;help' {
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Create or update policies from files, directories or stdin')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List policies or fetch them by name')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a policy in detail, with its ancestors'' status conditions')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Document the fields of the resource')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete policies by name, file or label selector')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what apply would change')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check manifests offline against the embedded schema and its CEL rules')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run a local control plane that serves the project API')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage contexts in the datumctl config file')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Manage credentials for the current context')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to Datum Cloud (browser, device code, or a service-account key)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored credential of the current context')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the policy tools to an AI agent over the Model Context Protocol (stdio)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until policies meet a condition (every ancestor Accepted, a JSONPath value, deletion)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit a policy in $KUBE_EDITOR or $EDITOR and send the changes')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create policies from files or stdin (refused when they exist)')
            [CompletionResult]::new('replace', 'replace', [CompletionResultType]::ParameterValue, 'Replace policies with the content of files or stdin')
            [CompletionResult]::new('patch', 'patch', [CompletionResultType]::ParameterValue, 'Change fields of a policy with a JSON merge patch or a JSON patch')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Add, change or remove labels of policies')
            [CompletionResult]::new('annotate', 'annotate', [CompletionResultType]::ParameterValue, 'Add, change or remove annotations of policies')
            [CompletionResult]::new('api-resources', 'api-resources', [CompletionResultType]::ParameterValue, 'Print the API resources the server supports')
            [CompletionResult]::new('api-versions', 'api-versions', [CompletionResultType]::ParameterValue, 'Print the API versions the server supports, as group/version')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client and server versions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'datumctl;help;apply' {
            break
        }
        'datumctl;help;get' {
            break
        }
        'datumctl;help;describe' {
            break
        }
        'datumctl;help;explain' {
            break
        }
        'datumctl;help;delete' {
            break
        }
        'datumctl;help;diff' {
            break
        }
        'datumctl;help;validate' {
            break
        }
        'datumctl;help;serve' {
            break
        }
        'datumctl;help;completion' {
            break
        }
        'datumctl;help;config' {
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create or update a context')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Make a context the current one')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'List contexts')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Print the current context''s name')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Print the config file (tokens redacted), as YAML or with -o json')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Remove a context')
            break
        }
        'datumctl;help;config;set-context' {
            break
        }
        'datumctl;help;config;use-context' {
            break
        }
        'datumctl;help;config;get-contexts' {
            break
        }
        'datumctl;help;config;current-context' {
            break
        }
        'datumctl;help;config;view' {
            break
        }
        'datumctl;help;config;delete-context' {
            break
        }
        'datumctl;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store a bearer token for the current context')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who the current credential belongs to')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential')
            [CompletionResult]::new('update-kubeconfig', 'update-kubeconfig', [CompletionResultType]::ParameterValue, 'Write a kubeconfig entry that lets kubectl use this login for a project')
            [CompletionResult]::new('can-i', 'can-i', [CompletionResultType]::ParameterValue, 'Check whether an action is allowed (VERB TYPE[/NAME] or VERB /URL)')
            break
        }
        'datumctl;help;auth;login' {
            break
        }
        'datumctl;help;auth;whoami' {
            break
        }
        'datumctl;help;auth;get-token' {
            break
        }
        'datumctl;help;auth;update-kubeconfig' {
            break
        }
        'datumctl;help;auth;can-i' {
            break
        }
        'datumctl;help;login' {
            break
        }
        'datumctl;help;logout' {
            break
        }
        'datumctl;help;mcp' {
            break
        }
        'datumctl;help;wait' {
            break
        }
        'datumctl;help;edit' {
            break
        }
        'datumctl;help;create' {
            break
        }
        'datumctl;help;replace' {
            break
        }
        'datumctl;help;patch' {
            break
        }
        'datumctl;help;label' {
            break
        }
        'datumctl;help;annotate' {
            break
        }
        'datumctl;help;api-resources' {
            break
        }
        'datumctl;help;api-versions' {
            break
        }
        'datumctl;help;version' {
            break
        }
        'datumctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
