//! Resources that decide whether NetworkPolicy is enforced beside the pod network (judged over
//! the whole scan by N404, see `extract::cni`): `aws_eks_addon` for the Amazon VPC CNI
//! (`addon_name = "vpc-cni"`, `configuration_values` read for `enableNetworkPolicy`), and
//! `helm_release` of a chart that installs a policy engine (Cilium, the tigera-operator,
//! Calico…). A release whose chart is not known may install one and counts as one: the guard
//! errs towards silence. HCL only.

use super::peers::origin_of;
use super::resource::Res;
use super::syntax::span_of;
use super::value::{Val, V};
use crate::extract::cni::vpc::{self, Setting, KEY};
use crate::facts::{FileFacts, Located};
use crate::source::Span;
use hcl_edit::expr::Expression;

pub fn resource(res: &mut Res, facts: &mut FileFacts) {
    match res.rtype {
        "aws_eks_addon" => eks_addon(res, facts),
        "helm_release" => helm_release(res, facts),
        _ => {}
    }
}

fn eks_addon(res: &mut Res, facts: &mut FileFacts) {
    let Some(block) = res.block() else { return };
    let Some((name, span)) = res.val(&block.body, "addon_name") else {
        return;
    };
    if name.as_str() != Some(vpc::ADDON) {
        return;
    }
    let located = Located::at(vpc::ADDON.to_string(), span).with_origin(origin_of(&name, span));
    let expr = block
        .body
        .get_attribute("configuration_values")
        .map(|a| &a.value);
    let (setting, config) = configuration(&mut |e| res.eval(e), expr);
    vpc::addon(
        facts,
        res.address.clone(),
        located,
        "configuration_values",
        setting,
        config,
    );
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

/// What a configuration expression says about `enableNetworkPolicy`, and its place when one is
/// written. `jsonencode({...})` (or `yamlencode`) is read as the object it encodes, so the key's
/// value keeps its own place; any other expression as the JSON or YAML text it evaluates to.
pub(crate) fn configuration(
    eval: &mut dyn FnMut(&Expression) -> Option<Val>,
    expr: Option<&Expression>,
) -> (Setting, Option<Span>) {
    let Some(expr) = expr else {
        return (Setting::Absent, None);
    };
    let whole = span_of(expr);
    if let Expression::FuncCall(f) = expr {
        let name = f.name.name.value().as_str();
        let args: Vec<&Expression> = f.args.iter().collect();
        if f.name.namespace.is_empty()
            && matches!(name, "jsonencode" | "yamlencode")
            && !f.args.expand_final()
        {
            let setting = match (args.as_slice(), args.first().and_then(|a| eval(a))) {
                ([_], Some(v)) => from_object(&v, whole),
                _ => Setting::Unknown,
            };
            return (setting, Some(whole));
        }
    }
    let Some(v) = eval(expr) else {
        return (Setting::Unknown, Some(whole));
    };
    (from_value(&v, whole), Some(whole))
}

/// A configuration value: `null` (the default configuration) or JSON/YAML text, whose key
/// has no finer place than the expression.
pub(crate) fn from_value(v: &Val, whole: Span) -> Setting {
    match &v.v {
        V::Null => Setting::Absent,
        V::Str(text) => match vpc::read_text(text) {
            Setting::Set(l, on) => Setting::Set(
                Located::at(l.value, whole).with_origin(origin_of(v, whole)),
                on,
            ),
            other => other,
        },
        _ => Setting::Unknown,
    }
}

/// The object `jsonencode` encodes: its keys are known when the object is.
fn from_object(v: &Val, whole: Span) -> Setting {
    let V::Map(entries) = &v.v else {
        return match v.v {
            V::Null => Setting::Absent,
            _ => Setting::Unknown,
        };
    };
    if entries
        .iter()
        .any(|(k, _)| k != KEY && k.eq_ignore_ascii_case(KEY))
    {
        return Setting::Unknown;
    }
    let Some(x) = v.get(KEY) else {
        return Setting::Absent;
    };
    let Some((text, on)) = x.text().and_then(|t| vpc::switch(&t).map(|on| (t, on))) else {
        return Setting::Unknown;
    };
    let origin = origin_of(x, whole);
    let span = match (&x.at, &origin) {
        (Some(at), None) => at.span,
        _ => whole,
    };
    Setting::Set(Located::at(text, span).with_origin(origin), on)
}
