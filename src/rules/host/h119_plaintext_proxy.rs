//! H119: Ignition's HTTPS proxy reached over plain HTTP (proxy credentials and target names in
//! clear text), Ignition's own `ErrInsecureProxy` warning.

use crate::facts::FileFacts;
use crate::rules::urls::url_scheme;
use crate::rules::{Cx, Rule};

pub struct PlaintextProxy;
pub static RULE: PlaintextProxy = PlaintextProxy;

impl Rule for PlaintextProxy {
    fn check(&self, facts: &FileFacts, cx: &mut Cx) {
        for p in &facts.host.proxies {
            let (key, url, span) = (&p.name, &p.value, &p.span);
            let https = key.ends_with("httpsProxy") || key.ends_with("https_proxy");
            if https && url_scheme(url) == "http" {
                cx.report(*span, format!("{key} is {url}: the connection to the proxy is plain HTTP, so proxy credentials and the names of fetched hosts travel in clear"));
            }
        }
    }
}
