
use builtin;
use str;

set edit:completion:arg-completer[datumctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'datumctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'datumctl'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand apply 'Create or update policies from files, directories or stdin'
            cand get 'List policies or fetch them by name'
            cand describe 'Show a policy in detail, with its ancestors'' status conditions'
            cand explain 'Document the fields of the resource'
            cand delete 'Delete policies by name, file or label selector'
            cand diff 'Show what apply would change'
            cand validate 'Check manifests offline against the embedded schema and its CEL rules'
            cand serve 'Run a local control plane that serves the project API'
            cand completion 'Print a shell completion script'
            cand config 'Manage contexts in the datumctl config file'
            cand auth 'Manage credentials for the current context'
            cand login 'Log in to Datum Cloud (browser, device code, or a service-account key)'
            cand logout 'Remove the stored credential of the current context'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'datumctl;apply'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand -f 'File, directory or - for stdin (repeatable)'
            cand --filename 'File, directory or - for stdin (repeatable)'
            cand --field-manager 'Field manager name recorded by the server'
            cand --dry-run 'Only show what would be sent (client) or let the server check without persisting (server)'
            cand --validate 'Validate manifests before sending them (true/strict, warn, false/ignore)'
            cand --profile 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)'
            cand --concurrency 'How many objects to send at once'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -R 'Recurse into directories given with -f'
            cand --recursive 'Recurse into directories given with -f'
            cand --server-side 'Use server-side apply'
            cand --force-conflicts 'With --server-side: take ownership of fields other managers own'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;get'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand -f 'File, directory or - for stdin (repeatable)'
            cand --filename 'File, directory or - for stdin (repeatable)'
            cand -l 'Label selector (e.g. app=web,tier!=db)'
            cand --selector 'Label selector (e.g. app=web,tier!=db)'
            cand --field-selector 'Field selector (metadata.name, metadata.namespace)'
            cand --chunk-size 'Fetch large lists in pages of this size (0 disables paging)'
            cand -L 'Add a column for each of these label keys'
            cand --label-columns 'Add a column for each of these label keys'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -R 'Recurse into directories given with -f'
            cand --recursive 'Recurse into directories given with -f'
            cand -A 'List across all namespaces'
            cand --all-namespaces 'List across all namespaces'
            cand -w 'After listing, watch for changes'
            cand --watch 'After listing, watch for changes'
            cand --watch-only 'Watch for changes without listing first'
            cand --output-watch-events 'With --watch: print the event type with each object'
            cand --no-headers 'Omit the header row of tables'
            cand --show-labels 'Add a LABELS column'
            cand --ignore-not-found 'Exit 0 when a named object does not exist'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;describe'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand -f 'File, directory or - for stdin (repeatable)'
            cand --filename 'File, directory or - for stdin (repeatable)'
            cand -l 'Label selector'
            cand --selector 'Label selector'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -R 'Recurse into directories given with -f'
            cand --recursive 'Recurse into directories given with -f'
            cand -A 'Describe across all namespaces'
            cand --all-namespaces 'Describe across all namespaces'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;explain'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand --max-depth 'With --recursive: stop after this many levels'
            cand --profile 'Mark fields that Datum Cloud restricts'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand --recursive 'Print every field below the path, names and types only'
            cand --offline 'Use the embedded schema even when a server is configured'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;delete'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand -f 'File, directory or - for stdin (repeatable)'
            cand --filename 'File, directory or - for stdin (repeatable)'
            cand -l 'Delete every object matching this label selector'
            cand --selector 'Delete every object matching this label selector'
            cand --dry-run 'Only show what would be deleted'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -R 'Recurse into directories given with -f'
            cand --recursive 'Recurse into directories given with -f'
            cand --all 'Delete every policy in the namespace'
            cand --ignore-not-found 'Exit 0 when an object does not exist'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;diff'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand -f 'File, directory or - for stdin (repeatable)'
            cand --filename 'File, directory or - for stdin (repeatable)'
            cand --field-manager 'Field manager name for the dry-run apply'
            cand --profile 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -R 'Recurse into directories given with -f'
            cand --recursive 'Recurse into directories given with -f'
            cand --server-side 'Compare against a server-side apply instead of a client-side one'
            cand --force-conflicts 'With --server-side: take ownership of conflicting fields in the dry run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;validate'= {
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand -f 'File, directory or - for stdin (repeatable)'
            cand --filename 'File, directory or - for stdin (repeatable)'
            cand --profile 'Rules to validate against'
            cand -R 'Recurse into directories given with -f'
            cand --recursive 'Recurse into directories given with -f'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;serve'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand --addr 'Address to listen on'
            cand --data-dir 'Directory for the SQLite store (default: the user''s data directory)'
            cand --token-file 'File of accepted bearer tokens, one per line: TOKEN[,PROJECT...]'
            cand --tls-cert 'PEM certificate chain to serve TLS with'
            cand --tls-key 'PEM private key to serve TLS with'
            cand --client-ca-file 'PEM CA certificates: a client certificate they signed authenticates as its CN (groups: its O), for every project; clients without one still need a --token-file token'
            cand --profile 'Admission rules to enforce'
            cand --no-status-writer 'Do not write status.ancestors as a gateway controller would'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;completion'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;config'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set-context 'Create or update a context'
            cand use-context 'Make a context the current one'
            cand get-contexts 'List contexts'
            cand current-context 'Print the current context''s name'
            cand view 'Print the config file (tokens redacted), as YAML or with -o json'
            cand delete-context 'Remove a context'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'datumctl;config;set-context'= {
            cand --token-file 'File holding the bearer token'
            cand --profile 'Admission profile of the server'
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --error-format 'How to print errors'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;config;use-context'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;config;get-contexts'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;config;current-context'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;config;view'= {
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;config;delete-context'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --error-format 'How to print errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;config;help'= {
            cand set-context 'Create or update a context'
            cand use-context 'Make a context the current one'
            cand get-contexts 'List contexts'
            cand current-context 'Print the current context''s name'
            cand view 'Print the config file (tokens redacted), as YAML or with -o json'
            cand delete-context 'Remove a context'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'datumctl;config;help;set-context'= {
        }
        &'datumctl;config;help;use-context'= {
        }
        &'datumctl;config;help;get-contexts'= {
        }
        &'datumctl;config;help;current-context'= {
        }
        &'datumctl;config;help;view'= {
        }
        &'datumctl;config;help;delete-context'= {
        }
        &'datumctl;config;help;help'= {
        }
        &'datumctl;auth'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -n 'Namespace inside the project'
            cand --namespace 'Namespace inside the project'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Store a bearer token for the current context'
            cand whoami 'Show who the current credential belongs to'
            cand get-token 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
            cand update-kubeconfig 'Write a kubeconfig entry that lets kubectl use this login for a project'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'datumctl;auth;login'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --error-format 'How to print errors'
            cand --token-stdin 'Read the token from standard input'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;auth;whoami'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;auth;get-token'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --token 'Bearer token for the API server'
            cand -o 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --output 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --request-timeout 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --as 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)'
            cand --as-group 'With --as: act as a member of this group (repeatable)'
            cand --as-uid 'With --as: the UID of the user to act as'
            cand --tls-server-name 'Name to send as SNI and to check in the server''s certificate, instead of the URL''s host'
            cand --error-format 'How to print errors'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;auth;update-kubeconfig'= {
            cand --project 'Datum project whose control plane to talk to'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --kubeconfig 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --certificate-authority 'PEM file of the certificate authority that signed the server''s certificate'
            cand --error-format 'How to print errors'
            cand --insecure-skip-tls-verify 'Do not verify the server''s TLS certificate (insecure)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;auth;help'= {
            cand login 'Store a bearer token for the current context'
            cand whoami 'Show who the current credential belongs to'
            cand get-token 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
            cand update-kubeconfig 'Write a kubeconfig entry that lets kubectl use this login for a project'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'datumctl;auth;help;login'= {
        }
        &'datumctl;auth;help;whoami'= {
        }
        &'datumctl;auth;help;get-token'= {
        }
        &'datumctl;auth;help;update-kubeconfig'= {
        }
        &'datumctl;auth;help;help'= {
        }
        &'datumctl;login'= {
            cand --server 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)'
            cand --project 'Datum project whose control plane to talk to'
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --error-format 'How to print errors'
            cand --hostname 'OpenID Connect issuer host'
            cand --client-id 'OAuth client id (also DATUMCTL_CLIENT_ID or the context)'
            cand --credentials 'Service-account key file (JSON) for non-interactive login'
            cand --no-browser 'Use the device code flow instead of opening a browser'
            cand --keep-key-in-place 'With --credentials: reference the key where it is instead of copying it'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;logout'= {
            cand --color 'When to colour output'
            cand -v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --verbose 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --v 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)'
            cand --context 'Context to use from the config file (or from the kubeconfig with --kubeconfig)'
            cand --error-format 'How to print errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'datumctl;help'= {
            cand apply 'Create or update policies from files, directories or stdin'
            cand get 'List policies or fetch them by name'
            cand describe 'Show a policy in detail, with its ancestors'' status conditions'
            cand explain 'Document the fields of the resource'
            cand delete 'Delete policies by name, file or label selector'
            cand diff 'Show what apply would change'
            cand validate 'Check manifests offline against the embedded schema and its CEL rules'
            cand serve 'Run a local control plane that serves the project API'
            cand completion 'Print a shell completion script'
            cand config 'Manage contexts in the datumctl config file'
            cand auth 'Manage credentials for the current context'
            cand login 'Log in to Datum Cloud (browser, device code, or a service-account key)'
            cand logout 'Remove the stored credential of the current context'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'datumctl;help;apply'= {
        }
        &'datumctl;help;get'= {
        }
        &'datumctl;help;describe'= {
        }
        &'datumctl;help;explain'= {
        }
        &'datumctl;help;delete'= {
        }
        &'datumctl;help;diff'= {
        }
        &'datumctl;help;validate'= {
        }
        &'datumctl;help;serve'= {
        }
        &'datumctl;help;completion'= {
        }
        &'datumctl;help;config'= {
            cand set-context 'Create or update a context'
            cand use-context 'Make a context the current one'
            cand get-contexts 'List contexts'
            cand current-context 'Print the current context''s name'
            cand view 'Print the config file (tokens redacted), as YAML or with -o json'
            cand delete-context 'Remove a context'
        }
        &'datumctl;help;config;set-context'= {
        }
        &'datumctl;help;config;use-context'= {
        }
        &'datumctl;help;config;get-contexts'= {
        }
        &'datumctl;help;config;current-context'= {
        }
        &'datumctl;help;config;view'= {
        }
        &'datumctl;help;config;delete-context'= {
        }
        &'datumctl;help;auth'= {
            cand login 'Store a bearer token for the current context'
            cand whoami 'Show who the current credential belongs to'
            cand get-token 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
            cand update-kubeconfig 'Write a kubeconfig entry that lets kubectl use this login for a project'
        }
        &'datumctl;help;auth;login'= {
        }
        &'datumctl;help;auth;whoami'= {
        }
        &'datumctl;help;auth;get-token'= {
        }
        &'datumctl;help;auth;update-kubeconfig'= {
        }
        &'datumctl;help;login'= {
        }
        &'datumctl;help;logout'= {
        }
        &'datumctl;help;help'= {
        }
    ]
    $completions[$command]
}
