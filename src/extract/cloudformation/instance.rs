//! `AWS::EC2::LaunchTemplate` instance metadata options
//! (`LaunchTemplateData.MetadataOptions`), as node settings under their CloudFormation names.
//! Only known values are recorded (a `Ref` resolves to its parameter's default).

use super::value::{Cf, Cx};
use crate::facts::{FileFacts, Located, NodeSetting};
use crate::parse::Node;

pub fn launch_template(cx: &Cx, id: &str, props: &Node, facts: &mut FileFacts) {
    let Some(options) = props.path(&["LaunchTemplateData", "MetadataOptions"]) else {
        return;
    };
    let options = options.resolved();
    for key in ["HttpPutResponseHopLimit", "HttpEndpoint"] {
        let Some(n) = options.get(key) else {
            continue;
        };
        if let Cf::Known(value, span, origin) = cx.scalar(n) {
            facts.node_settings.push(NodeSetting {
                resource: format!("{id} (AWS::EC2::LaunchTemplate)"),
                name: format!("MetadataOptions.{key}"),
                at: Located::at(value, span).with_origin(origin),
            });
        }
    }
}
