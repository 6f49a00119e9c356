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
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "apply" -d 'kubectl\'s `--validate`, for the verbs that send whole manifests (apply, create, replace)'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "get" -d '`get`\'s output refinements beyond kubectl\'s basic printers'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "describe" -d 'Show a policy in detail, with its ancestors\' status conditions'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "explain" -d 'Document the fields of the resource'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "delete" -d '`delete`\'s waiting and grace-period flags, as kubectl\'s'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "diff" -d 'Show what apply would change'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "validate" -d 'Check manifests offline against the embedded schema and its CEL rules'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "serve" -d 'Run a local control plane that serves the project API'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "config" -d 'Manage contexts in the datumctl config file'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "auth" -d 'Manage credentials for the current context'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "login" -d 'Log in to Datum Cloud (browser, device code, or a service-account key)'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "logout" -d 'Remove the stored credential of the current context'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "mcp" -d 'Serve the policy tools to an AI agent over the Model Context Protocol (stdio)'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "wait" -d 'Wait until policies meet a condition (every ancestor Accepted, a JSONPath value, deletion)'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "edit" -d 'Edit a policy in $KUBE_EDITOR or $EDITOR and send the changes'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "create" -d 'kubectl\'s `--validate`, for the verbs that send whole manifests (apply, create, replace)'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "replace" -d 'kubectl\'s `--validate`, for the verbs that send whole manifests (apply, create, replace)'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "patch" -d 'The flags create, replace and patch share'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "label" -d '`label` and `annotate`: the same mechanism on two maps of metadata'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "annotate" -d '`label` and `annotate`: the same mechanism on two maps of metadata'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "api-resources" -d 'Print the API resources the server supports'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "api-versions" -d 'Print the API versions the server supports, as group/version'
complete -c datumctl -n "__fish_datumctl_needs_command" -f -a "version" -d 'Print the client and server versions'
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
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l validate -d 'Validate manifests before sending them (true/strict, warn, false/ignore)' -r -f -a "strict\t'Refuse the object'
warn\t'Accept it with a warning'
ignore\t'Accept it silently'"
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l profile -d 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l concurrency -d 'How many objects to send at once' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l server-side -d 'Use server-side apply'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l force-conflicts -d 'With --server-side: take ownership of fields other managers own'
complete -c datumctl -n "__fish_datumctl_using_subcommand apply" -l show-managed-fields -d 'With -o yaml|json: keep metadata.managedFields in the printed objects'
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
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l template -d 'The template (or template file) for -o go-template, jsonpath and their -file forms; alone, it means -o go-template' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l sort-by -d 'Sort the list by this JSONPath (e.g. \'{.metadata.name}\' or .spec.retry.numRetries)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s A -l all-namespaces -d 'List across all namespaces'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -s w -l watch -d 'After listing, watch for changes'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l watch-only -d 'Watch for changes without listing first'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l output-watch-events -d 'With --watch: print the event type with each object'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l no-headers -d 'Omit the header row of tables'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l show-labels -d 'Add a LABELS column'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l ignore-not-found -d 'Exit 0 when a named object does not exist'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l show-managed-fields -d 'With -o yaml|json: keep metadata.managedFields in the printed objects'
complete -c datumctl -n "__fish_datumctl_using_subcommand get" -l show-kind -d 'Print the resource type with each name (TYPE/NAME)'
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
complete -c datumctl -n "__fish_datumctl_using_subcommand explain" -l api-version -d 'The group/version to explain (the server\'s preferred one when not given)' -r
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
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l wait -d 'Wait until the objects are gone before returning (--wait=false returns at once)' -r -f -a "true\t''
false\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l grace-period -d 'Seconds the object is given to terminate (negative: the server\'s default)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l timeout -d 'How long --wait waits (e.g. 30s, 5m; 0 waits a week, as kubectl)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l all -d 'Delete every policy in the namespace'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l ignore-not-found -d 'Exit 0 when an object does not exist'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l now -d 'Signal the object to go at once (the same as --grace-period=1)'
complete -c datumctl -n "__fish_datumctl_using_subcommand delete" -l force -d 'Remove the objects at once, without a grace period (needs --grace-period 0 or none)'
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
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -f -a "login" -d 'Store a bearer token for the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -f -a "whoami" -d 'Show who the current credential belongs to'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -f -a "get-token" -d 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -f -a "update-kubeconfig" -d 'Write a kubeconfig entry that lets kubectl use this login for a project'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -f -a "can-i" -d 'Check whether an action is allowed (VERB TYPE[/NAME] or VERB /URL)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and not __fish_seen_subcommand_from login whoami get-token update-kubeconfig can-i help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l subresource -d 'A subresource, such as status' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -s A -l all-namespaces -d 'Check in all namespaces of the project'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -s q -l quiet -d 'Print nothing: the exit code is the answer (0 yes, 1 no)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l list -d 'List everything the credential may do in the namespace'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l no-headers -d 'With --list: omit the header row'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from can-i" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Store a bearer token for the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "whoami" -d 'Show who the current credential belongs to'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "get-token" -d 'Print the current access token (for piping into other tools); with `-o client.authentication.k8s.io/v1` (or v1beta1, or json), as a kubectl ExecCredential'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "update-kubeconfig" -d 'Write a kubeconfig entry that lets kubectl use this login for a project'
complete -c datumctl -n "__fish_datumctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "can-i" -d 'Check whether an action is allowed (VERB TYPE[/NAME] or VERB /URL)'
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
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand mcp" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l for -d 'The condition: delete, create, condition=NAME[=VALUE], jsonpath=\'{…}\'[=VALUE]' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l timeout -d 'How long to wait (0 checks once; negative waits a week)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s l -l selector -d 'Label selector' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l field-selector -d 'Field selector' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -l all -d 'Wait for every policy in the namespace'
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand wait" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l field-manager -d 'Field manager name recorded by the server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l profile -d 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand edit" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l dry-run -d 'Only show the result (client) or let the server check it without persisting (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l field-manager -d 'Field manager name recorded by the server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l profile -d 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l validate -d 'Validate manifests before sending them (true/strict, warn, false/ignore)' -r -f -a "strict\t'Refuse the object'
warn\t'Accept it with a warning'
ignore\t'Accept it silently'"
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand create" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l dry-run -d 'Only show the result (client) or let the server check it without persisting (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l field-manager -d 'Field manager name recorded by the server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l profile -d 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l validate -d 'Validate manifests before sending them (true/strict, warn, false/ignore)' -r -f -a "strict\t'Refuse the object'
warn\t'Accept it with a warning'
ignore\t'Accept it silently'"
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -l force -d 'Delete the policies, wait until they are gone, then create them anew'
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand replace" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s p -l patch -d 'The patch, as JSON or YAML' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l patch-file -d 'A file holding the patch' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l type -d 'merge (RFC 7386) or json (RFC 6902); strategic is refused for this custom resource' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l dry-run -d 'Only show the result (client) or let the server check it without persisting (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l field-manager -d 'Field manager name recorded by the server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l profile -d 'Rules to validate against (default: datum for Datum Cloud servers, upstream otherwise)' -r -f -a "upstream\t'The upstream Envoy Gateway CRD: schema and CEL rules'
datum\t'The CRD plus the rules Datum Cloud\'s admission webhook adds'"
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c datumctl -n "__fish_datumctl_using_subcommand patch" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s l -l selector -d 'Label selector' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l resource-version -d 'Refuse the change unless the policy is still at this resource version' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l dry-run -d 'Only show the result (client) or let the server check without persisting (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l field-manager -d 'Field manager name recorded by the server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l overwrite -d 'Allow changing a key that already has a value'
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l list -d 'Print the current keys and values instead of changing them'
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -l all -d 'Every policy in the namespace'
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand label" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s f -l filename -d 'File, directory or - for stdin (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s l -l selector -d 'Label selector' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l resource-version -d 'Refuse the change unless the policy is still at this resource version' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l dry-run -d 'Only show the result (client) or let the server check without persisting (server)' -r -f -a "none\t''
client\t''
server\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l field-manager -d 'Field manager name recorded by the server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s R -l recursive -d 'Recurse into directories given with -f'
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l overwrite -d 'Allow changing a key that already has a value'
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l list -d 'Print the current keys and values instead of changing them'
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -l all -d 'Every policy in the namespace'
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand annotate" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l api-group -d 'Only resources of this API group (\'\' for the core group)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l namespaced -d 'Only namespaced resources (true) or only cluster-scoped ones (false)' -r -f -a "true\t''
false\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l verbs -d 'Only resources that support all of these verbs' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l categories -d 'Only resources in all of these categories' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l sort-by -d 'Sort by name or kind (default: by group, then name)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l no-headers -d 'Omit the header row'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -l cached -d 'Accepted for kubectl\'s scripts: datumctl keeps no discovery cache, so it always asks'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-resources" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand api-versions" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l server -d 'API server URL, with its scheme (e.g. https://api.datum.net, http://127.0.0.1:7780)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l project -d 'Datum project whose control plane to talk to' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l token -d 'Bearer token for the API server' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -s n -l namespace -d 'Namespace inside the project' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -s o -l output -d 'Output format (depends on the command: wide, yaml, json, name, jsonpath=…, custom-columns=…, plaintext)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -s v -l verbose -l v -d 'Log verbosity (-v 6, -v=6, --v=6; -v alone is 1): 6 logs each request, 8 adds headers and bodies (credentials redacted)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l request-timeout -d 'How long to wait for one request before giving up (e.g. 30s, 1m; 0 waits forever)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l kubeconfig -d 'Path to a kubeconfig file, to talk to a plain Kubernetes cluster instead of a Datum project' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l context -d 'Context to use from the config file (or from the kubeconfig with --kubeconfig)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l certificate-authority -d 'PEM file of the certificate authority that signed the server\'s certificate' -r -F
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l as -d 'Act as this user (Impersonate-User; the credential must be allowed to impersonate)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l as-group -d 'With --as: act as a member of this group (repeatable)' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l as-uid -d 'With --as: the UID of the user to act as' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l tls-server-name -d 'Name to send as SNI and to check in the server\'s certificate, instead of the URL\'s host' -r
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l error-format -d 'How to print errors' -r -f -a "human\t''
json\t''"
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l insecure-skip-tls-verify -d 'Do not verify the server\'s TLS certificate (insecure)'
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -l client -d 'Only the client\'s version (no server needed)'
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -s h -l help -d 'Print help'
complete -c datumctl -n "__fish_datumctl_using_subcommand version" -s V -l version -d 'Print version'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "apply" -d 'Create or update policies from files, directories or stdin'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "get" -d 'List policies or fetch them by name'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "describe" -d 'Show a policy in detail, with its ancestors\' status conditions'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "explain" -d 'Document the fields of the resource'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "delete" -d 'Delete policies by name, file or label selector'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "diff" -d 'Show what apply would change'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "validate" -d 'Check manifests offline against the embedded schema and its CEL rules'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "serve" -d 'Run a local control plane that serves the project API'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "completion" -d 'Print a shell completion script'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "config" -d 'Manage contexts in the datumctl config file'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "auth" -d 'Manage credentials for the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "login" -d 'Log in to Datum Cloud (browser, device code, or a service-account key)'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "logout" -d 'Remove the stored credential of the current context'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "mcp" -d 'Serve the policy tools to an AI agent over the Model Context Protocol (stdio)'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "wait" -d 'Wait until policies meet a condition (every ancestor Accepted, a JSONPath value, deletion)'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "edit" -d 'Edit a policy in $KUBE_EDITOR or $EDITOR and send the changes'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "create" -d 'Create policies from files or stdin (refused when they exist)'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "replace" -d 'Replace policies with the content of files or stdin'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "patch" -d 'Change fields of a policy with a JSON merge patch or a JSON patch'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "label" -d 'Add, change or remove labels of policies'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "annotate" -d 'Add, change or remove annotations of policies'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "api-resources" -d 'Print the API resources the server supports'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "api-versions" -d 'Print the API versions the server supports, as group/version'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "version" -d 'Print the client and server versions'
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and not __fish_seen_subcommand_from apply get describe explain delete diff validate serve completion config auth login logout mcp wait edit create replace patch label annotate api-resources api-versions version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c datumctl -n "__fish_datumctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "can-i" -d 'Check whether an action is allowed (VERB TYPE[/NAME] or VERB /URL)'

# Policy names from the server after `get|describe|delete|wait|edit|patch|label|annotate RESOURCE` (datumctl __complete-names).
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
            case --server --project --token -n --namespace -o --output --color -v --verbose --request-timeout --kubeconfig --context --certificate-authority --error-format -l --selector --field-selector -L --label-columns --chunk-size -f --filename --for --timeout -p --patch --patch-file --type --resource-version --field-manager --sort-by --api-group --verbs --categories --subresource --grace-period --api-version
                set skip 1
            case '-*'
            case '*'
                set -a positional $word
        end
    end
    test (count $positional) -ge 2; and contains -- $positional[1] get describe delete wait edit patch label annotate
end
complete -c datumctl -n __datumctl_wants_policy_name -f -a '(datumctl __complete-names (commandline -opc) 2>/dev/null)'
