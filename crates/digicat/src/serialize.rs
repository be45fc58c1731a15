//! `serde::Serialize` for results and catalogue entries (feature `serde`): the JSON shapes every
//! surface writes.
//!
//! - [`Classification`]: `{"status", "reason", "code", "industries": [ids], "rows": [ids], "evidence": [..]}`
//! - [`Evidence`]: `{"text", "row", "start", "end", "kind", "relation"}` (byte offsets; `relation`
//!   is `equivalent`/`broader` for scope phrases, else null)
//! - [`Row`]: `{"id", "name", "code", "partial", "inferred", "note", "products": [names]}`
//!   (`inferred`: not printed in the table, products not published; `note`: why, else null)
//! - [`Industry`]: `{"id", "name", "category", "rows": [..]}` (`category` is its name)
//! - [`Catalogue`]: `{"title", "document", "date", "status", "industries": [..]}`

use crate::catalogue::{industries, meta, Industry, Row};
use crate::classify::Classification;
use crate::matcher::Evidence;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// The whole catalogue, serialised as `{"title", "document", "date", "status", "industries"}`.
///
/// ```
/// let json = serde_json::to_value(digicat::Catalogue).unwrap();
/// assert_eq!(json["document"], "东工信〔2019〕160号");
/// assert_eq!(json["industries"][2]["rows"][1]["code"], "6513");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Catalogue;

impl Serialize for Catalogue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = meta();
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("title", m.title())?;
        map.serialize_entry("document", m.document())?;
        map.serialize_entry("date", m.date())?;
        map.serialize_entry("status", m.status())?;
        map.serialize_entry("industries", industries())?;
        map.end()
    }
}

impl Serialize for Industry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("id", &self.id())?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("category", self.category().name())?;
        map.serialize_entry("rows", self.rows())?;
        map.end()
    }
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(7))?;
        map.serialize_entry("id", self.id())?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("code", &self.code())?;
        map.serialize_entry("partial", &self.is_partial())?;
        map.serialize_entry("inferred", &self.is_inferred())?;
        map.serialize_entry("note", &self.note())?;
        map.serialize_entry("products", &Names(self))?;
        map.end()
    }
}

/// A row's product names as a sequence.
struct Names<'a>(&'a Row);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let products = self.0.products();
        let mut seq = s.serialize_seq(Some(products.len()))?;
        for p in products {
            seq.serialize_element(p.name())?;
        }
        seq.end()
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("text", self.text())?;
        map.serialize_entry("row", self.row().id())?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("kind", &self.kind())?;
        map.serialize_entry("relation", &self.relation())?;
        map.end()
    }
}

impl Serialize for Classification {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("status", &self.status)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("code", &self.code.map(|c| c.code()))?;
        let ids: Vec<u8> = self.industry_ids().collect();
        map.serialize_entry("industries", &ids)?;
        let rows: Vec<&str> = self.rows.iter().map(|r| r.id()).collect();
        map.serialize_entry("rows", &rows)?;
        map.serialize_entry("evidence", &self.evidence)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn classification_json() {
        let c = crate::classify(
            Some("I6513"),
            Some("软件开发；计算机视听觉软件"),
            &Default::default(),
        )
        .unwrap();
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["status"], "in_scope");
        assert_eq!(v["reason"], "listed_product");
        assert_eq!(v["code"], "6513");
        assert_eq!(v["industries"], serde_json::json!([3]));
        assert_eq!(v["rows"], serde_json::json!(["3.2"]));
        let last = &v["evidence"][v["evidence"].as_array().unwrap().len() - 1];
        assert_eq!(last["text"], "计算机视听觉软件");
        assert_eq!(
            (last["start"].as_u64(), last["end"].as_u64()),
            (Some(15), Some(39))
        );
        assert_eq!(last["kind"], "product");
        assert!(last["relation"].is_null());
        assert_eq!(v["evidence"][0]["relation"], "broader");
    }

    #[test]
    fn catalogue_json_has_every_row() {
        let v = serde_json::to_value(crate::Catalogue).unwrap();
        let rows: usize = v["industries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["rows"].as_array().unwrap().len())
            .sum();
        assert_eq!(rows, 30);
        assert_eq!(v["industries"][3]["rows"][1]["partial"], false);
        assert_eq!(v["industries"][3]["rows"][1]["inferred"], false);
        assert!(v["industries"][3]["rows"][1]["note"].is_null());
        let call_centre = &v["industries"][3]["rows"][6];
        assert_eq!(
            (&call_centre["id"], &call_centre["inferred"]),
            (&serde_json::json!("4.7"), &serde_json::json!(true))
        );
        assert!(call_centre["note"]
            .as_str()
            .is_some_and(|n| n.contains("not published")));
        assert_eq!(call_centre["products"], serde_json::json!([]));
        assert_eq!(
            v["industries"][3]["rows"][1]["products"],
            serde_json::json!([])
        );
        assert_eq!(
            v["industries"][0]["category"],
            "一、新兴软件和新型信息技术服务"
        );
    }
}
