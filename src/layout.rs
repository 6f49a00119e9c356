//! The URL layout the client and the server share: where a project's control plane lives
//! (`{server}/apis/resourcemanager.miloapis.com/v1alpha1/projects/{project}/control-plane`).
//! The client builds its URLs with [`project_base`], the server routes with [`split_project`].

/// Everything before the project's name.
pub const PROJECTS_PREFIX: &str = "/apis/resourcemanager.miloapis.com/v1alpha1/projects/";
/// What follows the project's name.
pub const CONTROL_PLANE: &str = "control-plane";

/// The project's control-plane URL on `server`.
pub fn project_base(server: &str, project: &str) -> String {
    format!(
        "{}{PROJECTS_PREFIX}{project}/{CONTROL_PLANE}",
        server.trim_end_matches('/')
    )
}

/// A request path split into the project named in it and what follows its control plane
/// (`/apis/…`, or empty); `None` when the path is not under a project's control plane.
pub fn split_project(path: &str) -> Option<(&str, &str)> {
    let after = path.strip_prefix(PROJECTS_PREFIX)?;
    let (project, rest) = after.split_once('/').unwrap_or((after, ""));
    Some((project, rest.strip_prefix(CONTROL_PLANE)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_url_is_what_the_server_routes() {
        let base = project_base("https://api.example/", "p1");
        assert_eq!(
            base,
            "https://api.example/apis/resourcemanager.miloapis.com/v1alpha1/projects/p1/control-plane"
        );
        let path = format!("{}/apis/x", base.trim_start_matches("https://api.example"));
        assert_eq!(split_project(&path), Some(("p1", "/apis/x")));
        assert_eq!(split_project("/apis/other"), None);
    }
}
