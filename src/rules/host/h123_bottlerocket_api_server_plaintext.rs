//! H123: Bottlerocket's kubelet talks to the API server over plain HTTP.

use crate::facts::FileFacts;
use crate::rules::urls::url_scheme;
use crate::rules::{Cx, Rule};

pub struct ApiServerPlaintext;
pub static RULE: ApiServerPlaintext = ApiServerPlaintext;

impl Rule for ApiServerPlaintext {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for s in facts
            .host_settings_at("settings.kubernetes.api-server")
            .filter(|s| url_scheme(&s.value) == "http")
        {
            cx.report(s.value_span, format!("settings.kubernetes.api-server = \"{}\": the kubelet's credentials and every pod spec cross the network unencrypted and unauthenticated", s.value));
        }
    }
}
