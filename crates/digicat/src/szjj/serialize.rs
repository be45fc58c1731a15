//! `serde::Serialize` for the classification and its results (feature `serde`).
//!
//! - [`Catalogue`]: `{"id", "title", "document", "issuer", "date", "edition", "version", "counts":
//!   {"divisions", "groups", "classes"}, "not_classifiable", "divisions": [..]}`
//! - [`Division`]: `{"code", "name", "classifiable", "groups": [{"code", "name", "classes": [..]}]}`
//! - [`Class`]: `{"code", "name", "gbt": [{"code", "name", "partial", "printed"}], "note", "terms":
//!   [{"term", "decision", "source", "judgment"}]}`
//! - [`Classification`]: `{"status", "reason", "code", "classes": [codes], "rows":
//!   ["030304:6429*"], "evidence": [{"text", "class", "start", "end", "kind"}]}`

use super::catalogue::{
    classes, divisions, groups, meta, Class, Division, GbtRef, Group, TermEntry, NOT_CLASSIFIABLE,
};
use super::classify::{Classification, Evidence};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// The whole classification, for `digicat catalogue --catalogue szjj-2021 --format json`.
///
/// ```
/// let v = serde_json::to_value(digicat::szjj::Catalogue).unwrap();
/// assert_eq!(v["counts"]["classes"], 156);
/// assert_eq!(v["divisions"][4]["classifiable"], false);
/// assert_eq!(v["divisions"][2]["groups"][2]["classes"][3]["gbt"][1]["printed"], "6429*");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Catalogue;

impl Serialize for Catalogue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = meta();
        let mut map = s.serialize_map(Some(10))?;
        map.serialize_entry("id", m.id())?;
        map.serialize_entry("title", m.title())?;
        map.serialize_entry("document", m.document())?;
        map.serialize_entry("issuer", m.issuer())?;
        map.serialize_entry("date", m.date())?;
        map.serialize_entry("edition", m.edition())?;
        map.serialize_entry("version", m.version())?;
        map.serialize_entry("counts", &Counts)?;
        map.serialize_entry("not_classifiable", NOT_CLASSIFIABLE)?;
        map.serialize_entry("divisions", divisions())?;
        map.end()
    }
}

/// `{"divisions": 5, "groups": 32, "classes": 156}`.
struct Counts;

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("divisions", &divisions().len())?;
        map.serialize_entry("groups", &groups().len())?;
        map.serialize_entry("classes", &classes().len())?;
        map.end()
    }
}

impl Serialize for Division {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("classifiable", &self.is_classifiable())?;
        map.serialize_entry("groups", self.groups())?;
        map.end()
    }
}

impl Serialize for Group {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("classes", self.classes())?;
        map.end()
    }
}

impl Serialize for GbtRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("code", &self.code())?;
        map.serialize_entry("name", &self.code().name())?;
        map.serialize_entry("partial", &self.is_partial())?;
        map.serialize_entry("printed", self.printed())?;
        map.end()
    }
}

/// The decisive and rejected terms of a class.
struct Terms<'a>(&'a Class);

impl Serialize for Terms<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.terms().len()))?;
        for t in self.0.terms() {
            seq.serialize_element(t)?;
        }
        seq.end()
    }
}

impl Serialize for TermEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("term", self.term())?;
        map.serialize_entry("decision", self.decision().as_str())?;
        map.serialize_entry("source", self.source())?;
        map.serialize_entry("judgment", self.judgment())?;
        map.end()
    }
}

impl Serialize for Class {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("gbt", self.gbt())?;
        map.serialize_entry("note", self.note())?;
        map.serialize_entry("terms", &Terms(self))?;
        map.end()
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("text", self.term.text())?;
        map.serialize_entry("class", self.term.class().code())?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("kind", &self.term.kind())?;
        map.end()
    }
}

impl Serialize for Classification {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("status", &self.status)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("code", &self.code.map(|c| c.code()))?;
        let codes: Vec<&str> = self.classes.iter().map(|c| c.code()).collect();
        map.serialize_entry("classes", &codes)?;
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|(c, g)| format!("{}:{}", c.code(), g.printed()))
            .collect();
        map.serialize_entry("rows", &rows)?;
        map.serialize_entry("evidence", &self.evidence)?;
        map.end()
    }
}
