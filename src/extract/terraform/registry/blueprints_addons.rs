//! aws-ia/eks-blueprints-addons (1.x), as EKS Blueprints patterns call it: `eks_addons` are EKS
//! add-ons written as the eks module's `cluster_addons` (the VPC CNI's `enableNetworkPolicy`),
//! and `helm_releases` installs any Helm chart, so a NetworkPolicy engine's chart there (Cilium
//! chained to the VPC CNI, the tigera-operator) is evidence for N404's guard. A release whose
//! chart is not known counts as one, as for `helm_release`: the guard errs towards silence.

use super::Call;
use crate::extract::cni::{engine, engine_chart};
use crate::extract::terraform::value::V;
use crate::facts::FileFacts;

pub fn lower(call: &mut Call, facts: &mut FileFacts) {
    super::eks::addons(call, "eks_addons", facts);
    let Some((releases, span)) = call.input("helm_releases") else {
        return;
    };
    let V::Map(entries) = &releases.v else {
        if !releases.is_known() {
            let what = format!("{} installs helm_releases that are not known", call.address);
            engine(facts, what, span);
        }
        return;
    };
    for (key, release) in entries {
        let what = match release.get("chart").and_then(|c| c.as_str()) {
            Some(chart) if engine_chart(chart) => {
                format!(
                    "{} (helm_releases[\"{key}\"]) installs {chart}",
                    call.address
                )
            }
            Some(_) => continue,
            None => format!(
                "{} (helm_releases[\"{key}\"]) installs a chart that is not known",
                call.address
            ),
        };
        engine(facts, what, span);
    }
}
