//! `apply --server-side`: the apply patch, and the switch from client-side apply as kubectl
//! makes it (client-go's `csaupgrade`): the client-side manager's fields move to the
//! server-side manager, and the last-applied annotation keeps a manager of its own.

use super::apply::{Applier, MAX_PATCH_ATTEMPTS};
use crate::client::api::{APPLY_PATCH, JSON_PATCH, WriteOptions};
use crate::client::csa_upgrade;
use crate::client::patch::LAST_APPLIED;
use crate::client::status::ClientError;
use crate::resource;
use serde_json::Value;

impl Applier<'_> {
    /// `--server-side`: an apply patch. When it conflicts only with our own client-side
    /// apply's fields, they are moved to this manager first (so switching from `apply` to
    /// `apply --server-side` works); after it, as kubectl does, any client-side manager's
    /// fields still there are moved and the patch is sent again.
    pub(crate) async fn server_side(
        &self,
        ns: &str,
        name: &str,
        object: &Value,
    ) -> Result<Value, ClientError> {
        let options = self.write_options(SERVER_SIDE_MANAGER);
        let manager = options.field_manager.clone().unwrap_or_default();
        let dry_run = self.args.dry_run.is_some();
        let applied = match self
            .client
            .patch_policy(ns, name, APPLY_PATCH, object, &options)
            .await
        {
            Err(e) if !dry_run && !conflicting_managers(&e).is_empty() => {
                let mut live = self.client.get_policy(ns, name).await?;
                let ours = csa_upgrade::client_side_managers(managed_fields(&live));
                if !conflicting_managers(&e).iter().all(|m| ours.contains(m)) {
                    return Err(e);
                }
                if manager == SERVER_SIDE_MANAGER
                    && let Some(kept) = self.keep_last_applied(ns, name, &live).await?
                {
                    live = kept;
                }
                if !self.migrate(ns, name, live, &manager).await? {
                    return Err(e);
                }
                self.client
                    .patch_policy(ns, name, APPLY_PATCH, object, &options)
                    .await?
            }
            other => other?,
        };
        if dry_run {
            return Ok(applied);
        }
        let mut applied = applied;
        if manager == SERVER_SIDE_MANAGER {
            match self.keep_last_applied(ns, name, &applied).await {
                Ok(Some(kept)) => applied = kept,
                Ok(None) => {}
                Err(e) => self.ctx.printer.warn(&format!(
                    "could not keep the {LAST_APPLIED} annotation under the {LAST_APPLIED_MANAGER} manager: {e}"
                )),
            }
        }
        match self.migrate(ns, name, applied.clone(), &manager).await {
            Ok(true) => {
                self.client
                    .patch_policy(ns, name, APPLY_PATCH, object, &options)
                    .await
            }
            Ok(false) => Ok(applied),
            Err(e) => {
                self.ctx.printer.warn(&format!(
                    "could not move the client-side apply fields of {name} to the {manager} manager (tried again on the next apply): {e}"
                ));
                Ok(applied)
            }
        }
    }

    /// Moves the client-side appliers' fields of `live` to `manager` with a JSON patch that
    /// holds its resourceVersion; read again and retried on a conflict. False: nothing to move.
    async fn migrate(
        &self,
        ns: &str,
        name: &str,
        mut live: Value,
        manager: &str,
    ) -> Result<bool, ClientError> {
        let options = WriteOptions {
            server_dry_run: false,
            field_manager: None,
            force: false,
            field_validation: None,
        };
        let mut attempt = 0;
        loop {
            attempt += 1;
            let managed = managed_fields(&live);
            let csa = csa_upgrade::client_side_managers(managed);
            let Some(entries) = csa_upgrade::upgrade(managed, &csa, manager) else {
                return Ok(false);
            };
            let rv = live["metadata"]["resourceVersion"].as_str().unwrap_or("");
            let patch = csa_upgrade::patch(&entries, rv);
            match self
                .client
                .patch_policy(ns, name, JSON_PATCH, &patch, &options)
                .await
            {
                Ok(_) => return Ok(true),
                Err(e)
                    if e.status().is_some_and(|s| s.code == 409)
                        && attempt < MAX_PATCH_ATTEMPTS =>
                {
                    live = self.client.get_policy(ns, name).await?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// kubectl's `saveLastApplyAnnotationIfNecessary`: the last-applied annotation gets its own
    /// apply manager, so the server-side apply (which does not send it) does not drop it.
    async fn keep_last_applied(
        &self,
        ns: &str,
        name: &str,
        live: &Value,
    ) -> Result<Option<Value>, ClientError> {
        let Some(annotation) = live["metadata"]["annotations"][LAST_APPLIED].as_str() else {
            return Ok(None);
        };
        let owned = managed_fields(live).iter().any(|e| {
            e["operation"] == "Apply"
                && e["fieldsV1"]["f:metadata"]["f:annotations"]
                    .get(format!("f:{LAST_APPLIED}"))
                    .is_some()
        });
        if owned {
            return Ok(None);
        }
        let body = serde_json::json!({
            "apiVersion": resource::API_VERSION,
            "kind": resource::KIND,
            "metadata": {"name": name, "namespace": ns, "annotations": {LAST_APPLIED: annotation}},
        });
        let options = WriteOptions {
            server_dry_run: false,
            field_manager: Some(LAST_APPLIED_MANAGER.to_string()),
            force: false,
            field_validation: None,
        };
        self.client
            .patch_policy(ns, name, APPLY_PATCH, &body, &options)
            .await
            .map(Some)
    }
}

/// The default field manager of `--server-side`, and the one that keeps the last-applied
/// annotation (kubectl's are `kubectl` and `kubectl-last-applied`).
const SERVER_SIDE_MANAGER: &str = "datumctl";
const LAST_APPLIED_MANAGER: &str = "datumctl-last-applied";

fn managed_fields(object: &Value) -> &[Value] {
    object["metadata"]["managedFields"]
        .as_array()
        .map_or(&[], Vec::as_slice)
}

/// The managers a server-side apply conflict names (`conflict with "NAME" …` in its causes).
pub(crate) fn conflicting_managers(e: &ClientError) -> Vec<String> {
    let Some(s) = e.status().filter(|s| s.code == 409) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for cause in s.details["causes"].as_array().into_iter().flatten() {
        if cause["reason"] != "FieldManagerConflict" {
            continue;
        }
        let message = cause["message"].as_str().unwrap_or("");
        if let Some(name) = message
            .strip_prefix("conflict with \"")
            .and_then(|rest| rest.split('"').next())
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

/// What to do about a server-side apply conflict.
pub fn conflict_hints() -> Vec<String> {
    vec![
        "the fields above have other managers: to take them over, apply again with --force-conflicts".into(),
        "or leave them to their managers: remove them from the manifest, or give them the values those managers set".into(),
        "--field-manager NAME applies as another manager; use the same name on every apply of these objects".into(),
    ]
}
