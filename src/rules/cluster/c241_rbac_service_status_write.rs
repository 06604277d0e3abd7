//! C241: a role can update services/status, which sets a LoadBalancer Service's ingress IPs
//! (CVE-2020-8554: kube-proxy then routes traffic for any IP, inside and outside the cluster,
//! to the subject's Service).

use crate::facts::FileFacts;
use crate::rules::rbac::report_grants;
use crate::rules::{Cx, Rule};

pub struct RbacServiceStatusWrite;
pub static RULE: RbacServiceStatusWrite = RbacServiceStatusWrite;

const TARGETS: &[(&str, &str)] = &[("", "services/status")];
const VERBS: &[&str] = &["update", "patch"];

impl Rule for RbacServiceStatusWrite {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        report_grants(facts, cx, TARGETS, VERBS);
    }
}
