# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_datumctl_global_optspecs
    string join \n server= project= token= n/namespace= o/output= color= v/verbose= request-timeout= kubeconfig= context= certificate-authority= insecure-skip-tls-verify as= as-group= as-uid= tls-server-name= error-format= h/help V/version
end

function __fish_datumctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_datumctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_datumctl_using_subcommand
    set -l cmd (__fish_datumctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c datumctl -n "__fish_datumctl_needs_command" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_needs_command" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_needs_command" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_needs_command" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_needs_command" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_needs_command" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_needs_command" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_needs_command" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "apply" -d 'Create or update policies from files, directories or stdin'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "get" -d 'List policies or fetch them by name'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "describe" -d 'Show a policy in detail, with its ancestors\' status conditions'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "explain" -d 'Document the fields of the resource'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "delete" -d 'Delete policies by name, file or label selector'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "diff" -d 'Show what apply would change'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "validate" -d 'Check manifests offline against the embedded schema and its CEL rules'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "serve" -d 'Run a local control plane that serves the project API'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "config" -d 'Manage contexts in the datumctl config file'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "auth" -d 'Manage credentials for the current context'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "login" -d 'Log in to Datum Cloud (browser, device code, or a service-account key)'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "logout" -d 'Remove the stored credential of the current context'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l field-manager -d 'Field manager name recorded by the server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l dry-run -d 'Only show what would be sent (client) or let the server check without persisting (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l validate -d 'Validate manifests before sending them (true/strict, warn, false/ignore)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l profile -d 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l concurrency -d 'How many objects to send at once' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l server-side -d 'Use server-side apply'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l force-conflicts -d 'With --server-side: take ownership of fields other managers own'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s l -l selector -d 'Label selector (e.g. app=web,tier!=db)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l field-selector -d 'Field selector (metadata.name, metadata.namespace)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l chunk-size -d 'Fetch large lists in pages of this size (0 disables paging)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s L -l label-columns -d 'Add a column for each of these label keys' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s A -l all-namespaces -d 'List across all namespaces'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s w -l watch -d 'After listing, watch for changes'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l watch-only -d 'Watch for changes without listing first'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l output-watch-events -d 'With --watch: print the event type with each object'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l no-headers -d 'Omit the header row of tables'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l show-labels -d 'Add a LABELS column'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l ignore-not-found -d 'Exit 0 when a named object does not exist'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s l -l selector -d 'Label selector' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s A -l all-namespaces -d 'Describe across all namespaces'
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand describe" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l max-depth -d 'With --recursive: stop after this many levels' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l profile -d 'Mark fields that Datum Cloud restricts' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l recursive -d 'Print every field below the path, names and types only'
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l offline -d 'Use the embedded schema even when a server is configured'
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s l -l selector -d 'Delete every object matching this label selector' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l dry-run -d 'Only show what would be deleted' -r -f -a "none\t''
client\t''
server\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l all -d 'Delete every policy in the namespace'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l ignore-not-found -d 'Exit 0 when an object does not exist'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l field-manager -d 'Field manager name for the dry-run apply' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l profile -d 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l server-side -d 'Compare against a server-side apply instead of a client-side one'
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -l force-conflicts -d 'With --server-side: take ownership of conflicting fields in the dry run'
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand diff" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -l profile -d 'Rules to validate against' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand validate" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l addr -d 'Address to listen on' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l data-dir -d 'Directory for the SQLite store (default: the user\'s data directory)' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l token-file -d 'File of accepted bearer tokens, one per line: TOKEN[,PROJECT...]' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l tls-cert -d 'PEM certificate chain to serve TLS with' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l tls-key -d 'PEM private key to serve TLS with' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l client-ca-file -d 'PEM CA certificates: a client certificate they signed authenticates as its CN (groups: its O), for every project; clients without one still need a --token-file token' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l profile -d 'Admission rules to enforce' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -l no-status-writer -d 'Do not write status.ancestors as a gateway controller would'
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand serve" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand completion" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand completion" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand completion" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand completion" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -f -a "set-context" -d 'Create or update a context'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -f -a "use-context" -d 'Make a context the current one'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -f -a "get-contexts" -d 'List contexts'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -f -a "current-context" -d 'Print the current context\'s name'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -f -a "view" -d 'Print the config file (tokens redacted), as YAML or with -o json'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -f -a "delete-context" -d 'Remove a context'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and not __fish_seen_subcommand_from set-context use-context get-contexts current-context view delete-context help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l token-file -d 'File holding the bearer token' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l profile -d 'Admission profile of the server' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from use-context" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from current-context" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from view" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from view" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from view" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set-context" -d 'Create or update a context'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use-context" -d 'Make a context the current one'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get-contexts" -d 'List contexts'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "current-context" -d 'Print the current context\'s name'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "view" -d 'Print the config file (tokens redacted), as YAML or with -o json'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "delete-context" -d 'Remove a context'
complete -c datumctl -n "__fish_datumctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -f -a "login" -d 'Store a bearer token for the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -f -a "whoami" -d 'Show who the current credential belongs to'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -f -a "get-token" -d 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -f -a "update-kubeconfig" -d 'Write a kubeconfig entry that lets kubectl use this login for a project'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l token-stdin -d 'Read the token from standard input'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from whoami" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from get-token" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from update-kubeconfig" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Store a bearer token for the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "whoami" -d 'Show who the current credential belongs to'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "get-token" -d 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "update-kubeconfig" -d 'Write a kubeconfig entry that lets kubectl use this login for a project'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l hostname -d 'OpenID Connect issuer host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l client-id -d 'OAuth client id (also DATUMCTL_CLIENT_ID or the context)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l credentials -d 'Service-account key file (JSON) for non-interactive login' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l no-browser -d 'Use the device code flow instead of opening a browser'
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -l keep-key-in-place -d 'With --credentials: reference the key where it is instead of copying it'
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand login" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand logout" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand logout" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand logout" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand logout" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand logout" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "apply" -d 'Create or update policies from files, directories or stdin'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "get" -d 'List policies or fetch them by name'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "describe" -d 'Show a policy in detail, with its ancestors\' status conditions'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "explain" -d 'Document the fields of the resource'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "delete" -d 'Delete policies by name, file or label selector'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "diff" -d 'Show what apply would change'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "validate" -d 'Check manifests offline against the embedded schema and its CEL rules'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "serve" -d 'Run a local control plane that serves the project API'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "completion" -d 'Print a shell completion script'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "config" -d 'Manage contexts in the datumctl config file'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "auth" -d 'Manage credentials for the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "login" -d 'Log in to Datum Cloud (browser, device code, or a service-account key)'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "logout" -d 'Remove the stored credential of the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set-context" -d 'Create or update a context'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use-context" -d 'Make a context the current one'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get-contexts" -d 'List contexts'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "current-context" -d 'Print the current context\'s name'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "view" -d 'Print the config file (tokens redacted), as YAML or with -o json'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "delete-context" -d 'Remove a context'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Store a bearer token for the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "whoami" -d 'Show who the current credential belongs to'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "get-token" -d 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "update-kubeconfig" -d 'Write a kubeconfig entry that lets kubectl use this login for a project'

# Policy names from the server after `get|describe|delete RESOURCE` (datumctl __complete-names).
function __datumctl_wants_policy_name
    set -l words (commandline -opc)
    set -l positional
    set -l skip 0
    for word in $words[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case --server --project --token -n --namespace -o --output --color -v --verbose --request-timeout --kubeconfig --context --certificate-authority --error-format -l --selector --field-selector -L --label-columns --chunk-size -f --filename
                set skip 1
            case '-*'
            case '*'
                set -a positional $word
        end
    end
    test (count $positional) -ge 2; and contains -- $positional[1] get describe delete
end
complete -c datumctl -n __datumctl_wants_policy_name -f -a '(datumctl __complete-names (commandline -opc) 2>/dev/null)'
