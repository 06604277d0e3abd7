//! `--format junit`: JUnit XML, which CI systems show as test results (GitLab `artifacts:
//! reports: junit`, Jenkins, Azure Pipelines). Each finding is a failed test case named after
//! the rule and place; each file not fully scanned is a test case in error; a clean scan is one
//! passing case, so the report is never empty.

use super::xml::{escape, HEADER};
use crate::findings::Level;
use crate::Outcome;
use std::fmt::Write as _;

pub fn render(outcome: &Outcome) -> String {
    let mut cases = String::new();
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for f in outcome.active() {
        let s = f.start();
        let doc = &crate::rules::by_id(f.rule_id).expect("registered rule").doc;
        tests += 1;
        failures += 1;
        let _ = write!(
            cases,
            "    <testcase name=\"{} {} at {}:{}:{}\" classname=\"{}\" file=\"{}\" line=\"{}\">\n      <failure type=\"{}\" message=\"{}\">{} ({})&#10;{}:{}:{}&#10;Fix: {}&#10;{}</failure>\n    </testcase>\n",
            f.rule_id,
            f.rule_name,
            escape(&f.file.path),
            s.line,
            s.column,
            escape(&f.file.path),
            escape(&f.file.path),
            s.line,
            f.rule_id,
            escape(&f.message),
            escape(&f.message),
            f.severity.as_str(),
            escape(&f.file.path),
            s.line,
            s.column,
            escape(doc.fix),
            escape(&doc.help_uri()),
        );
    }
    for d in outcome
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
    {
        tests += 1;
        errors += 1;
        let _ = write!(
            cases,
            "    <testcase name=\"kube-harden {} {}\" classname=\"{}\" file=\"{}\">\n      <error type=\"{}\" message=\"{}\"/>\n    </testcase>\n",
            d.code,
            escape(&d.path),
            escape(&d.path),
            escape(&d.path),
            d.code,
            escape(&d.message),
        );
    }
    if tests == 0 {
        tests = 1;
        cases.push_str(&format!(
            "    <testcase name=\"no findings in {} files\" classname=\"kube-harden\"/>\n",
            outcome.files_scanned
        ));
    }
    format!(
        "{HEADER}<testsuites name=\"kube-harden\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n  <testsuite name=\"kube-harden\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n{cases}  </testsuite>\n</testsuites>\n"
    )
}
