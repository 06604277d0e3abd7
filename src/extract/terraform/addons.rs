//! Resources that decide whether NetworkPolicy is enforced beside the pod network (judged over
//! the whole scan by N404, see `extract::cni`): `helm_release` of a chart that installs a
//! policy engine (Cilium, the tigera-operator, Calico…). A release whose chart is not known may install one and counts as one: the guard
//! errs towards silence. HCL only.

use super::resource::Res;
use crate::facts::FileFacts;

pub fn resource(res: &mut Res, facts: &mut FileFacts) {
    if res.rtype == "helm_release" {
        helm_release(res, facts);
    }
}

fn helm_release(res: &mut Res, facts: &mut FileFacts) {
    let Some(block) = res.block() else { return };
    let Some((chart, span)) = res.val(&block.body, "chart") else {
        return;
    };
    let what = match chart.as_str() {
        Some(c) if crate::extract::cni::engine_chart(c) => format!("{} installs {c}", res.address),
        Some(_) => return,
        None if chart.is_known() => return,
        None => format!("{} installs a chart that is not known", res.address),
    };
    crate::extract::cni::engine(facts, what, span);
}
