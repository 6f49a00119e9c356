//! get's sorting and output forms side by side with the real kubectl 1.37 against one
//! `datumctl serve` project: --sort-by, --show-kind, --show-managed-fields (and no
//! managedFields without it, in get and apply), -o jsonpath-as-json, jsonpath-file,
//! custom-columns-file, and Go templates (go-template, template and their -file forms).

use crate::support_side_by_side;

use support_side_by_side::SideBySide;

const EXAMPLES: [&str; 4] = [
    "backend-traffic-example",
    "consistent-hashing",
    "global-rate-limit",
    "retries-and-timeouts",
];

fn started() -> SideBySide {
    let s = SideBySide::start();
    s.apply_examples(&EXAMPLES);
    s
}

#[test]
fn what_was_found_prints_before_the_not_found_errors() {
    let s = started();
    for args in [
        &[
            "get",
            "btp",
            "backend-traffic-example",
            "missing",
            "-o",
            "custom-columns=NAME:.metadata.name",
        ][..],
        &["get", "btp", "missing", "checkout-retries", "-o", "name"],
    ] {
        let (text, code) = s.same_interleaved(args);
        assert_eq!(code, 1, "{text}");
        assert!(text.ends_with("\"missing\" not found\n"), "{text}");
    }
}

#[test]
fn a_refused_selector_is_named_as_kubectl_names_it() {
    let s = started();
    for args in [
        &["get", "btp", "-l", "a in (1"][..],
        &["get", "btp", "--field-selector", "spec.nope=x"],
        &[
            "get",
            "btp",
            "-l",
            "app=x",
            "--field-selector",
            "spec.nope=x",
        ],
        &["delete", "btp", "-l", "a in (1"],
    ] {
        let answer = s.same(args);
        assert_eq!(answer.code, 1, "{answer:?}");
        assert!(answer.err.contains("Unable to find \""), "{answer:?}");
    }
}

#[test]
fn template_flag_works_as_kubectls() {
    let s = started();
    let name = "backend-traffic-example";
    for args in [
        &["get", "btp", name, "--template={{.metadata.name}}"][..],
        &[
            "get",
            "btp",
            "--template",
            "{{range .items}}{{.kind}} {{end}}",
        ],
        &["get", "btp", name, "-o", "jsonpath", "--template={.spec}"],
        &["get", "btp", name, "-o", "name", "--template={{.kind}}"],
    ] {
        assert_eq!(s.same(args).code, 0, "{args:?}");
    }
    for args in [
        &["get", "btp", name, "-o", "go-template"][..],
        &["get", "btp", name, "-o", "jsonpath"],
        &["get", "btp", name, "-o", "custom-columns"],
        &[
            "get",
            "btp",
            "-o",
            "jsonpath-file",
            "--template=/nonexistent/t",
        ],
        &["get", "-f", "/nonexistent/p.yaml"],
        &["apply", "-f", "/nonexistent/p.yaml"],
    ] {
        s.same_but_usage_exit(args);
    }
}

#[test]
fn a_watch_ends_quietly_at_the_request_timeout() {
    let s = started();
    let answer = s.same(&["get", "btp", "-w", "--request-timeout=1s", "-o", "name"]);
    assert_eq!(answer.code, 0, "{answer:?}");
    assert_eq!(answer.out.lines().count(), 4, "{answer:?}");
}

/// describe's own ways with names, as kubectl has them (its page differs from ours by design,
/// so what is compared is who is described, the errors and the exit code).
#[test]
fn describe_picks_objects_as_kubectl_does() {
    let s = started();
    let described = |a: &support_side_by_side::Answer| -> Vec<String> {
        a.out
            .lines()
            .filter_map(|l| l.strip_prefix("Name:"))
            .map(|n| n.trim().to_string())
            .collect()
    };
    for (args, names) in [
        // Found ones are described, the missing ones reported after them.
        (
            &["describe", "btp", "backend-traffic-example", "missing"][..],
            &["backend-traffic-example"][..],
        ),
        // TYPE/NAME: one missing object and nothing is described.
        (
            &["describe", "btp/backend-traffic-example", "btp/missing"],
            &[],
        ),
        // TYPE NAME with no such object: every object whose name starts with NAME.
        (&["describe", "btp", "checkout"], &["checkout-retries"]),
        (&["describe", "btp", "nothing-like-it"], &[]),
    ] {
        let ours = s.datumctl(args);
        assert_eq!(described(&ours), names, "{args:?}: {ours:?}");
        if let Some(theirs) = s.kubectl(args) {
            assert_eq!(described(&theirs), names, "kubectl {args:?}: {theirs:?}");
            assert_eq!(
                (&ours.err, ours.code),
                (&theirs.err, theirs.code),
                "{args:?}"
            );
        }
    }
    // On one stream (a script's 2>&1) the error comes after the page, as kubectl's does.
    let (text, code) = s.interleaved(
        s.datumctl_command(),
        &["describe", "btp", "missing", "checkout-retries"],
    );
    assert_eq!(code, 1, "{text}");
    assert!(text.starts_with("Name:"), "{text}");
    assert!(text.ends_with("\"missing\" not found\n"), "{text}");
}

/// `-w --output-watch-events`: what kubectl prints for each event, listed or named.
#[test]
fn watch_events_print_as_kubectl_prints_them() {
    let s = started();
    let forms: [&[&str]; 5] = [
        &["-o", "name"],
        &["-o", "json"],
        &["-o", "yaml"],
        &["-o", "custom-columns=T:.type,N:.object.metadata.name"],
        &["-o", "jsonpath={.type} {.object.metadata.name}{\"\\n\"}"],
    ];
    for form in forms {
        for named in [&[][..], &["checkout-retries"]] {
            let mut args = vec!["get", "btp"];
            args.extend_from_slice(named);
            args.extend_from_slice(&["-w", "--output-watch-events", "--request-timeout=1s"]);
            args.extend_from_slice(form);
            assert_eq!(s.same(&args).code, 0, "{args:?}");
        }
    }
    // Tables have our columns, but the EVENT cell is padded to MODIFIED's width as kubectl's.
    let table = s.datumctl(&[
        "get",
        "btp",
        "-w",
        "--output-watch-events",
        "--request-timeout=1s",
    ]);
    assert!(table.out.starts_with("EVENT      NAME "), "{table:?}");
    assert!(
        table.out.contains("\nADDED      checkout-retries "),
        "{table:?}"
    );
}

#[test]
fn sort_by_orders_as_kubectl() {
    let s = started();
    for args in [
        &["get", "btp", "--sort-by=.metadata.name", "-o", "name"][..],
        &[
            "get",
            "btp",
            "--sort-by={.spec.retry.numRetries}",
            "-o",
            "name",
        ],
        &[
            "get",
            "btp",
            "--sort-by=.spec.retry.numRetries",
            "-o",
            "custom-columns=N:.metadata.name,R:.spec.retry.numRetries",
        ],
        // A narrow column keeps Go's tabwriter minimum width (6) that kubectl lays out with.
        &[
            "get",
            "btp",
            "--sort-by=.metadata.name",
            "-o",
            "custom-columns=G:.metadata.generation,N:.metadata.name",
        ],
        &[
            "get",
            "btp",
            "--sort-by=.metadata.creationTimestamp",
            "-o",
            "name",
        ],
        &[
            "get",
            "btp",
            "--sort-by=.spec.targetRefs[0].name",
            "-o",
            "jsonpath={.items[*].metadata.name}",
        ],
        &[
            "get",
            "btp",
            "--sort-by=.spec.retry.numRetries",
            "-o",
            "yaml",
        ],
        &[
            "get",
            "btp",
            "backend-traffic-example",
            "checkout-retries",
            "session-affinity",
            "--sort-by=.spec.retry.numRetries",
            "-o",
            "name",
        ],
    ] {
        s.same(args);
    }
    // Objects without the field come first, in the order kubectl's sort leaves them.
    assert_eq!(
        s.same(&[
            "get",
            "btp",
            "--sort-by=.spec.retry.numRetries",
            "-o",
            "name"
        ])
        .out,
        "backendtrafficpolicy.gateway.envoyproxy.io/session-affinity\n\
         backendtrafficpolicy.gateway.envoyproxy.io/public-api-quota\n\
         backendtrafficpolicy.gateway.envoyproxy.io/backend-traffic-example\n\
         backendtrafficpolicy.gateway.envoyproxy.io/checkout-retries\n"
    );
    let missing = s.same(&["get", "btp", "--sort-by=.bogus", "-o", "name"]);
    assert_eq!(
        (missing.code, missing.err.as_str()),
        (
            1,
            "error: couldn't find any field with path \"{.bogus}\" in the list of objects\n"
        )
    );
    s.same(&["get", "btp", "--sort-by=.bogus", "-o", "yaml"]);
}

#[test]
fn sort_by_table_rows_follow_the_same_order() {
    let s = started();
    // datumctl's table has more columns than kubectl's; the NAME column must agree.
    let names = |text: &str| {
        text.lines()
            .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    let ours = s.datumctl(&["get", "btp", "--sort-by={.spec.retry.numRetries}"]);
    assert_eq!(ours.code, 0, "{ours:?}");
    assert_eq!(
        names(&ours.out),
        [
            "NAME",
            "session-affinity",
            "public-api-quota",
            "backend-traffic-example",
            "checkout-retries"
        ]
    );
    if let Some(theirs) = s.kubectl(&["get", "btp", "--sort-by={.spec.retry.numRetries}"]) {
        assert_eq!(names(&ours.out), names(&theirs.out));
    }
    // kubectl's table printer swallows this error and says "No resources found"; ours says why.
    let missing = s.datumctl(&["get", "btp", "--sort-by=.bogus"]);
    assert_eq!(missing.code, 1);
    assert_eq!(
        missing.err,
        "error: couldn't find any field with path \"{.bogus}\" in the list of objects\n"
    );
    let unsortable = s.datumctl(&["get", "btp", "--sort-by=.spec", "-o", "name"]);
    assert_eq!(unsortable.code, 1);
    assert!(
        unsortable.err.contains("is an unsortable type"),
        "{unsortable:?}"
    );
    let watching = s.datumctl(&["get", "btp", "--sort-by=.spec", "-w"]);
    assert_eq!(watching.code, 2, "{watching:?}");
}

#[test]
fn show_kind_names_the_type_in_the_name_column() {
    let s = started();
    let first_column = |text: &str| {
        text.lines()
            .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    for args in [
        &["get", "btp", "--show-kind"][..],
        &["get", "btp", "--show-kind", "-A"],
    ] {
        let ours = s.datumctl(args);
        assert_eq!(ours.code, 0, "{ours:?}");
        assert!(
            ours.out
                .contains("\nbackendtrafficpolicy.gateway.envoyproxy.io/checkout-retries ")
                || ours.out.contains(
                    "default     backendtrafficpolicy.gateway.envoyproxy.io/checkout-retries "
                ),
            "{ours:?}"
        );
        if let Some(theirs) = s.kubectl(args) {
            let cut = |t: &str| {
                first_column(t)
                    .into_iter()
                    .map(|l| {
                        l.split(' ')
                            .take(if args.len() == 4 { 2 } else { 1 })
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(cut(&ours.out), cut(&theirs.out), "{args:?}");
        }
    }
}

#[test]
fn managed_fields_only_when_asked() {
    let s = started();
    for args in [
        &["get", "btp", "backend-traffic-example", "-o", "yaml"][..],
        &["get", "btp", "backend-traffic-example", "-o", "json"],
        &["get", "btp", "-o", "yaml"],
        &["get", "btp", "-o", "json"],
        &[
            "get",
            "btp",
            "backend-traffic-example",
            "-o",
            "yaml",
            "--show-managed-fields",
        ],
        &[
            "get",
            "btp",
            "backend-traffic-example",
            "-o",
            "json",
            "--show-managed-fields",
        ],
        &["get", "btp", "-o", "yaml", "--show-managed-fields"],
        &["get", "btp", "-o", "json", "--show-managed-fields"],
    ] {
        let a = s.same(args);
        let shown = a.out.contains("managedFields");
        assert_eq!(shown, args.contains(&"--show-managed-fields"), "{args:?}");
    }
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/consistent-hashing.yaml");
    let f = file.to_str().expect("utf8");
    for format in ["yaml", "json"] {
        let plain = s.datumctl(&["apply", "-f", f, "-o", format]);
        assert_eq!(plain.code, 0, "{plain:?}");
        assert!(!plain.out.contains("managedFields"), "{plain:?}");
        let kept = s.datumctl(&["apply", "-f", f, "-o", format, "--show-managed-fields"]);
        assert!(kept.out.contains("managedFields"), "{kept:?}");
    }
}

#[test]
fn jsonpath_as_json_and_template_files() {
    let s = started();
    let columns = s.write(
        "columns.txt",
        "NAME          RETRIES\n.metadata.name  .spec.retry.numRetries\n",
    );
    let template = s.write("names.jsonpath", "{.items[*].metadata.name}");
    for args in [
        &[
            "get",
            "btp",
            "-o",
            "jsonpath-as-json={.items[*].metadata.name}",
        ][..],
        &[
            "get",
            "btp",
            "-o",
            "jsonpath-as-json=x{.items[*].metadata.name}y{.kind}",
        ],
        &[
            "get",
            "btp",
            "-o",
            "jsonpath-as-json={range.items[*]}{.metadata.name}{end}",
        ],
        &[
            "get",
            "btp",
            "-o",
            "jsonpath-as-json={.items[0].spec.retry}",
        ],
        &["get", "btp", "-o", "jsonpath-as-json={.nothing}"],
        &[
            "get",
            "btp",
            "backend-traffic-example",
            "-o",
            "jsonpath-as-json={.metadata.name}",
        ],
        &[
            "get",
            "btp",
            "-o",
            "jsonpath={range.items[*]}{.metadata.name};{end}",
        ],
        &[
            "get",
            "btp",
            "-o",
            &format!("custom-columns-file={columns}"),
        ],
        &["get", "btp", "-o", &format!("jsonpath-file={template}")],
    ] {
        let a = s.same(args);
        assert_eq!(a.code, 0, "{args:?}: {a:?}");
    }
    assert_eq!(
        s.same(&[
            "get",
            "btp",
            "-o",
            "jsonpath-as-json={.items[0].metadata.name}"
        ])
        .out,
        "[\n    \"backend-traffic-example\"\n]\n"
    );
    let missing = s.same_but_usage_exit(&["get", "btp", "-o", "jsonpath-file=/nonexistent/t"]);
    assert_eq!(
        missing.err,
        "error: error reading --template /nonexistent/t, open /nonexistent/t: no such file or directory\n"
    );
    let missing =
        s.same_but_usage_exit(&["get", "btp", "-o", "custom-columns-file=/nonexistent/c"]);
    assert_eq!(
        missing.err,
        "error: error reading template /nonexistent/c, open /nonexistent/c: no such file or directory\n"
    );
}

#[test]
fn go_templates_print_as_kubectls() {
    let s = started();
    let file = s.write(
        "names.tmpl",
        "{{range .items}}{{.metadata.name}}{{if .spec.retry}} retries={{.spec.retry.numRetries}}{{else}} none{{end}}{{\"\\n\"}}{{end}}",
    );
    let one = [
        "{{.metadata.name}} {{.metadata.generation}} {{.metadata.nope}} {{.spec.retry}} {{.spec.targetRefs}} {{len .spec.targetRefs}} {{index .spec.targetRefs 0 \"name\"}}",
        "{{.spec.retry.numRetries | printf \"%d\"}} {{eq .kind \"BackendTrafficPolicy\"}} {{and 1 0}} {{or \"\" \"b\"}} {{not true}} {{lt 1 2}} {{.metadata.nope.deeper}}",
        "{{with .spec.retry}}R={{.numRetries}}{{end}} {{with .spec.nope}}X{{else}}none{{end}}\n  {{- range $k, $v := .spec.timeout.http}} {{$k}}={{$v}}{{end}} {{ 1.5 }} {{ 1e6 }} {{ .status }} {{print 1 2 \"a\" \"b\" 3}} {{println \"x\"}}|{{slice \"abcdef\" 1 3}}",
        "{{printf \"%d|%5s|%-5d|%05d|%x|%q|%t|%v\" .kind \"ab\" 3 42 255 \"q\" true .spec.retry}}",
        "{{if .x}}a{{else if .metadata}}b{{else}}c{{end}} {{ $x := .kind }}{{$x}} {{$.metadata.name}}",
    ];
    for t in one {
        let spec = format!("go-template={t}");
        let a = s.same(&["get", "btp", "backend-traffic-example", "-o", &spec]);
        assert_eq!(a.code, 0, "{t}: {a:?}");
        assert!(!a.out.is_empty());
    }
    let list = "{{range $i, $e := .items}}{{$i}}:{{$e.metadata.name}} {{end}}{{len .items}}";
    for spec in [
        format!("go-template={list}"),
        format!("template={list}"),
        format!("go-template-file={file}"),
        format!("templatefile={file}"),
    ] {
        s.same(&["get", "btp", "-o", &spec]);
    }
    assert_eq!(
        s.same(&[
            "get",
            "btp",
            "-o",
            "go-template={{range .items}}{{.metadata.name}};{{end}}",
            "--sort-by=.spec.retry.numRetries"
        ])
        .out,
        "session-affinity;public-api-quota;backend-traffic-example;checkout-retries;"
    );
    s.same(&[
        "get",
        "btp",
        "backend-traffic-example",
        "checkout-retries",
        "-o",
        "go-template={{range .items}}{{.metadata.name}};{{end}}",
    ]);
    // A template that does not parse is a usage error (exit 2; kubectl exits 1), same words.
    for t in [
        "{{nofunc .x}}",
        "{{.metadata.name",
        "{{range .items}}{{end}}{{end}}",
    ] {
        s.same_but_usage_exit(&["get", "btp", "-o", &format!("go-template={t}")]);
    }
    // kubectl also dumps the object on stdout when a template fails; datumctl says only why.
    let failed = s.datumctl(&[
        "get",
        "btp",
        "backend-traffic-example",
        "-o",
        "go-template={{index .spec.targetRefs 5}}",
    ]);
    assert_eq!(failed.code, 1);
    assert_eq!(failed.out, "");
    assert_eq!(
        failed.err,
        "error: error executing template \"{{index .spec.targetRefs 5}}\": template: output:1:2: executing \"output\" at <index .spec.targetRefs 5>: error calling index: index out of range: 5\n"
    );
    if let Some(theirs) = s.kubectl(&[
        "get",
        "btp",
        "backend-traffic-example",
        "-o",
        "go-template={{index .spec.targetRefs 5}}",
    ]) {
        assert_eq!((theirs.code, theirs.err), (1, failed.err));
    }
    for args in [
        &[
            "get",
            "btp",
            "-A",
            "-o",
            "go-template={{range.items}}{{.metadata.namespace}}/{{.metadata.name}};{{end}}",
        ][..],
        &[
            "get",
            "btp",
            "-l",
            "nothing=here",
            "-o",
            "go-template={{len .items}}",
        ],
        &["get", "btp", "nope", "-o", "go-template={{.kind}}"],
        &[
            "get",
            "btp",
            "nope",
            "--ignore-not-found",
            "-o",
            "go-template={{.kind}}",
        ],
    ] {
        s.same(args);
    }
}

/// The first output of a watch: the tool runs for two seconds (no change happens meanwhile).
fn watch_start(s: &SideBySide, kubectl: bool, args: &[&str]) -> Option<String> {
    use std::io::Read;
    let mut cmd = if kubectl {
        s.kubectl_command()?
    } else {
        s.datumctl_command()
    };
    let mut child = cmd
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_secs(2));
    let _ = child.kill();
    let _ = child.wait();
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read");
    Some(out)
}

#[test]
fn watches_print_each_listed_object_through_the_template() {
    let s = started();
    for args in [
        &["get", "btp", "-w", "-o", "go-template={{.metadata.name}};"][..],
        &["get", "btp", "-w", "-o", "jsonpath={.metadata.name};"],
    ] {
        let ours = watch_start(&s, false, args).expect("datumctl");
        assert_eq!(
            ours, "backend-traffic-example;checkout-retries;public-api-quota;session-affinity;",
            "{args:?}"
        );
        if let Some(theirs) = watch_start(&s, true, args) {
            assert_eq!(ours, theirs, "{args:?}");
        }
    }
}
